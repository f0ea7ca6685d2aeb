package dev.zpaaudit.ingest.checkpoint;

/** Why an object of a type that is not modelled leaves a rule's verdict open. */
final class Unmodelled {
  private Unmodelled() {}

  static String why(CpObject o) {
    return switch (o.type()) {
      case "dns-domain" -> "a domain, resolved by the gateway at run time";
      case "security-zone" ->
          "a security zone: which interfaces it stands for is not in the export";
      case "access-role" -> "an access role: users and machines are not modelled";
      case "updatable-object" -> "an updatable object: its addresses are fetched by the gateway";
      case "dynamic-object" -> "a dynamic object: its addresses are set on each gateway";
      case "wildcard" -> "a wildcard address object, which is not modelled";
      case "simple-cluster", "CpmiGatewayCluster", "CpmiClusterMember", "cluster-member" ->
          "a cluster: the addresses of its members are not modelled";
      case "application-site", "application-site-category", "application-site-group" ->
          "applications and categories are identified by content, which is not modelled";
      case "service-dce-rpc",
              "service-rpc",
              "service-gtp",
              "service-citrix-tcp",
              "service-compound-tcp" ->
          "a service matched by what the traffic holds, not by its port";
      case "time", "time-group" -> "the time of day is not modelled";
      case "vpn-community-meshed", "vpn-community-star", "VpnCommunity" ->
          "whether the traffic passes through a VPN community is not modelled";
      default -> "an object of type '" + o.type() + "', which is not modelled here";
    };
  }

  /** How an object is named in a reason: {@code 'name' (type)}. */
  static String named(CpObject o) {
    return "'" + o.name() + "' (" + o.type() + ")";
  }
}
