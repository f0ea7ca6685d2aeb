package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosSupport.on;

import dev.zpaaudit.ingest.panos.PanosSupport.Node;
import dev.zpaaudit.ingest.panos.PanosSupport.Rows;

/** The declared support of network config: zones, interfaces and virtual routers. */
final class NetworkSupport {
  private static final String PHYSICAL = "link settings";
  private static final String MANAGEMENT = "services the firewall itself offers on the interface";

  private NetworkSupport() {}

  static void declare() {
    network();
    interfaces();
    routing();
    on(Node.ZONE)
        .read("network", Node.ZONE_NETWORK)
        .ignored("user and device identification", "enable-user-identification")
        .ignored("user and device identification", "enable-device-identification")
        .ignored("user and device identification", "user-acl", "device-acl");
    on(Node.ZONE_NETWORK)
        .members("layer3", "layer2", "virtual-wire", "tap", "tunnel", "external")
        .unmodelled("zone-protection-profile", "flood, reconnaissance and packet-based protection")
        .ignored(PolicySupport.LOGGING, "log-setting")
        .ignored("buffer protection", "enable-packet-buffer-protection");
  }

  private static void network() {
    on(Node.NETWORK)
        .read("interface", Node.INTERFACES)
        .entries("virtual-router", Node.VIRTUAL_ROUTER)
        .unmodelled("logical-router", "advanced routing")
        .unmodelled("ike", "IKE gateways and crypto profiles")
        .unmodelled(
            "tunnel",
            "network tunnel",
            "IPsec, GRE and GlobalProtect tunnels beyond the interfaces they use")
        .unmodelled("profiles", "network profiles", "interface, monitor and zone protection")
        .unmodelled("qos", "network qos", "QoS profiles")
        .unmodelled("virtual-wire", "virtual wires")
        .unmodelled("vlan", "network vlan", "layer 2 bridging")
        .unmodelled("dhcp", "DHCP servers and relays")
        .unmodelled("dns-proxy", "DNS proxies")
        .unmodelled("shared-gateway", "shared gateways")
        .unmodelled("lldp", "network lldp", "link discovery")
        .unmodelled("gre-tunnel", "GRE tunnels");
  }

  private static void interfaces() {
    on(Node.INTERFACES)
        .entries("ethernet", Node.ETHERNET)
        .entries("aggregate-ethernet", Node.ETHERNET)
        .read("tunnel", Node.UNITS_ONLY)
        .read("loopback", Node.UNITS_ONLY)
        .unmodelled("vlan", "vlan interfaces", "layer 2 bridging");
    on(Node.ETHERNET)
        .read("layer3", Node.LAYER3)
        .values("aggregate-group")
        .unmodelled("layer2", "layer2 interfaces", "layer 2 bridging")
        .unmodelled("virtual-wire", "virtual-wire interfaces", "bumps in the wire")
        .unmodelled("tap", "tap interfaces", "passive monitoring")
        .unmodelled("ha", "ha interfaces", "high-availability links")
        .unmodelled("decrypt-mirror", "decrypt-mirror interfaces", "decrypted copies")
        .unmodelled("log-card", "log-card interfaces", "log forwarding")
        .ignored(PHYSICAL, "link-speed", "link-duplex", "link-state")
        .ignored(PHYSICAL, "poe", "lacp", "lldp")
        .ignored(PolicySupport.DOCUMENTATION, "comment");
    layer3(on(Node.LAYER3))
        .entries("units", Node.UNIT)
        .ignored("whether untagged traffic is read as a unit", "untagged-sub-interface")
        .ignored(PHYSICAL, "lacp", "lldp");
    layer3(on(Node.UNIT)).values("tag").ignored(PolicySupport.DOCUMENTATION, "comment");
    layer3(on(Node.UNITS_ONLY))
        .entries("units", Node.UNIT)
        .ignored(PolicySupport.DOCUMENTATION, "comment");
    on(Node.IPV6)
        .values("enabled")
        .entries("address", Node.IPV6_ADDRESS)
        .ignored("neighbour discovery settings", "neighbor-discovery", "interface-id")
        .unmodelled("dhcp-client", "ipv6 dhcp-client", "addresses from DHCPv6")
        .unmodelled("inherited", "ipv6 inherited", "addresses from a delegated prefix");
    on(Node.IPV6_ADDRESS)
        .values("enable-on-interface")
        .ignored("router advertisements", "prefix", "anycast", "advertise");
    on(Node.ADJUST_TCP_MSS).values("enable", "ipv4-mss-adjustment", "ipv6-mss-adjustment");
  }

  /** What a layer 3 interface or unit can hold. */
  private static Rows layer3(Rows r) {
    return r.entries("ip", Node.VALUE)
        .read("ipv6", Node.IPV6)
        .values("mtu")
        .read("adjust-tcp-mss", Node.ADJUST_TCP_MSS)
        .unmodelled("dhcp-client", "the address comes from DHCP")
        .unmodelled("pppoe", "the address comes from PPPoE")
        .unmodelled("interface-management-profile", MANAGEMENT)
        .unmodelled("arp", "static ARP entries")
        .unmodelled("ndp-proxy", "neighbour discovery proxying")
        .unmodelled("sdwan-link-settings", "SD-WAN links")
        .unmodelled("bonjour", "Bonjour reflection")
        .unmodelled("ddns-config", "dynamic DNS updates")
        .ignored("flow export", "netflow-profile");
  }

  private static void routing() {
    on(Node.VIRTUAL_ROUTER)
        .members("interface")
        .read("routing-table", Node.ROUTING_TABLE)
        .checked("protocol", "that no routing protocol is enabled")
        .checked("ecmp", "that ECMP is not enabled")
        .unmodelled("admin-dists", "admin distances other than the defaults")
        .unmodelled("multicast", "multicast routing");
    on(Node.ROUTING_TABLE).read("ip", Node.STATIC_ROUTES).read("ipv6", Node.STATIC_ROUTES);
    on(Node.STATIC_ROUTES).entries("static-route", Node.STATIC_ROUTE);
    on(Node.STATIC_ROUTE)
        .values("destination", "interface", "metric", "admin-dist")
        .read("nexthop", Node.NEXTHOP)
        .checked("route-table", "that the route is installed for unicast")
        .checked("path-monitor", "that path monitoring is not enabled")
        .checked("bfd", "that BFD is not enabled");
    on(Node.NEXTHOP)
        .values("ip-address", "ipv6-address", "next-vr", "discard")
        .unmodelled("fqdn", "nexthop fqdn", "a next hop by name");
  }
}
