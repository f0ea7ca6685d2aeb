package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code router policy} entry (policy route): the interfaces it applies to ({@code
 * input-device}), sources and destinations (prefixes, or address objects in {@code srcaddr} and
 * {@code dstaddr}), with negation, the protocol (0: any), destination and source port ranges, and
 * where it sends what it matches: out of {@code output-device} to {@code gateway} ({@code action
 * permit}), or back to the routing table ({@code action deny}); whether it is a {@code policy6}.
 */
record RoutePolicy(
    String id,
    List<String> inputDevices,
    Ends source,
    Ends destination,
    int protocol,
    PortRange ports,
    String gateway,
    String outputDevice,
    boolean permit,
    boolean enabled,
    boolean ipv6,
    List<String> unmodelled,
    int line) {
  /** One end: prefixes and address objects, negated or not. */
  record Ends(List<String> prefixes, List<String> objects, boolean negate) {
    Ends {
      prefixes = List.copyOf(prefixes);
      objects = List.copyOf(objects);
    }
  }

  RoutePolicy {
    Objects.requireNonNull(id, "id");
    inputDevices = List.copyOf(inputDevices);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(ports, "ports");
    unmodelled = List.copyOf(unmodelled);
  }
}
