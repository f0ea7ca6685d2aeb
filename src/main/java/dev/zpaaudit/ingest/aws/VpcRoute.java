package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/**
 * A route of a route table: its destination (a CIDR block, or a prefix list when {@code
 * destination} is null), its target as written ({@code local}, {@code igw-...}, {@code nat-...},
 * {@code vgw-...}, {@code tgw-...}, ...) and what kind of target it is, its state ({@code active}
 * or {@code blackhole}) and origin ({@code CreateRoute}, {@code EnableVgwRoutePropagation}...).
 */
record VpcRoute(
    IpSet destination,
    String destinationText,
    String target,
    Target kind,
    String state,
    String origin,
    SourceLocation at) {
  /** What a route's target is, by the field that names it. */
  enum Target {
    LOCAL("the VPC"),
    INTERNET_GATEWAY("internet gateway"),
    EGRESS_ONLY_GATEWAY("egress-only internet gateway"),
    NAT_GATEWAY("NAT gateway"),
    VPN_GATEWAY("virtual private gateway"),
    TRANSIT_GATEWAY("transit gateway"),
    PEERING("VPC peering connection"),
    INSTANCE("instance"),
    NETWORK_INTERFACE("network interface"),
    ENDPOINT("VPC endpoint"),
    CARRIER_GATEWAY("carrier gateway"),
    LOCAL_GATEWAY("local gateway"),
    CORE_NETWORK("core network"),
    NONE("no target");

    private final String words;

    Target(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }
  }

  VpcRoute {
    Objects.requireNonNull(destinationText, "destinationText");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }

  boolean blackhole() {
    return state.equals("blackhole");
  }

  boolean propagated() {
    return origin != null && origin.equals("EnableVgwRoutePropagation");
  }
}
