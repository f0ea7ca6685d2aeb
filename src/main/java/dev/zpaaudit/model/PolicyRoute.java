package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * A policy route (policy-based forwarding): packets it matches are sent out of {@code
 * egressInterface} (to {@code nextHop} when given), discarded, or left to the routing table,
 * whatever the routes say. Rules are tried in order; the first that matches decides.
 */
public record PolicyRoute(
    SourceLocation location,
    String text,
    List<Condition> match,
    Kind kind,
    String egressInterface,
    IpSet nextHop) {
  /** What a policy route does with what it matches. */
  public enum Kind {
    FORWARD,
    DISCARD,
    ROUTE
  }

  public PolicyRoute {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
    match = List.copyOf(match);
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.FORWARD && egressInterface == null) {
      throw new IllegalArgumentException("a forwarding policy route names its egress interface");
    }
  }
}
