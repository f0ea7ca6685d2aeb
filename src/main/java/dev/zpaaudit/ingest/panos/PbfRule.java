package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy-based forwarding rule, as written: where packets come from (zones or interfaces), what
 * they match, and what is done with them.
 */
public record PbfRule(
    String name,
    From from,
    List<String> source,
    boolean negateSource,
    List<String> destination,
    boolean negateDestination,
    List<String> sourceUsers,
    List<String> applications,
    List<String> services,
    Action action,
    boolean disabled,
    int line) {
  public PbfRule {
    Checks.name(name, "rule name");
    Objects.requireNonNull(from, "from");
    source = Checks.names(source, "source");
    destination = Checks.names(destination, "destination");
    sourceUsers = Checks.names(sourceUsers, "source user");
    applications = Checks.names(applications, "application");
    services = Checks.names(services, "service");
    Objects.requireNonNull(action, "action");
    Checks.writtenLine(line);
  }

  /** {@code <from>}: zones or interfaces. */
  public record From(Kind kind, List<String> names) {
    public enum Kind {
      ZONE,
      INTERFACE
    }

    public From {
      Objects.requireNonNull(kind, "kind");
      names = Checks.names(names, "from " + kind);
    }
  }

  /** {@code <action>}. */
  public sealed interface Action {}

  /** {@code <forward>}: out of an interface, to a next hop address if one is written. */
  public record Forward(String egressInterface, Optional<String> nexthop) implements Action {
    public Forward {
      Checks.name(egressInterface, "egress interface");
      Checks.optional(nexthop, "nexthop");
    }
  }

  /** {@code <discard>}. */
  public record Discard() implements Action {}

  /** {@code <no-pbf>}: the packet is routed by the routing table. */
  public record NoPbf() implements Action {}
}
