package dev.zpaaudit.model;

import java.util.Objects;

/**
 * A route of a device: the destination prefix, the interface packets leave by (null when only a
 * next hop is given), the next hop (null: directly attached; also null for a discard route), the
 * preference among routes to the same prefix (lower wins), and whether the route discards.
 */
public record Route(
    IpSet destination,
    int prefixLength,
    String outInterface,
    IpSet nextHop,
    int metric,
    boolean discard,
    String name,
    SourceLocation location) {
  public Route {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }
}
