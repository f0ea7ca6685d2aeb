package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code router static} (or {@code static6}) entry: destination as {@code ADDRESS/LENGTH} (or the
 * name of an address object in {@code dstaddr}), gateway, device, distance (default 10) and
 * priority, whether it discards ({@code blackhole enable}), whether it is enabled, and what it says
 * that is not modelled (SD-WAN, a dynamic gateway...).
 */
record StaticRoute(
    String id,
    String destination,
    String destinationObject,
    String gateway,
    String device,
    int distance,
    int priority,
    boolean blackhole,
    boolean enabled,
    List<String> unmodelled,
    int line) {
  StaticRoute {
    Objects.requireNonNull(id, "id");
    unmodelled = List.copyOf(unmodelled);
  }
}
