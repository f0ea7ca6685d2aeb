package dev.zpaaudit.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The zones the connectors' traffic crosses a firewall between, from its interfaces and routes: the
 * zone of the interface on the connectors' network, and the zone of the interface the routes send
 * the published ranges out of; where that is not one zone, none, and a note that says why.
 */
class ZoneInferenceTest {
  static final String FILE = "fw.xml";
  static final Map<AddressFamily, IpSet> PUBLISHED =
      Map.of(AddressFamily.IPV4, IpSet.parse("3.0.0.0/8").union(IpSet.parse("13.0.0.0/8")));

  static Interface iface(String name, String zone, String network, int line) {
    return new Interface(
        name,
        zone,
        network == null ? List.of() : List.of(IpSet.parse(network)),
        1500,
        Interface.Kind.PHYSICAL,
        new SourceLocation(FILE, line));
  }

  static Route route(String name, String dst, String out, String hop, boolean discard, int line) {
    int len = Integer.parseInt(dst.substring(dst.indexOf('/') + 1));
    return new Route(
        IpSet.parse(dst),
        len,
        out,
        hop == null ? null : IpSet.parse(hop),
        10,
        discard,
        "static route '" + name + "'",
        new SourceLocation(FILE, line));
  }

  static final List<Interface> IFACES =
      List.of(
          iface("ethernet1/1", "untrust", "203.0.113.2/24", 10),
          iface("ethernet1/2", "connectors", "10.20.0.1/24", 20),
          iface("ethernet1/3", "dmz", "10.30.0.1/24", 30),
          iface("ethernet1/4", null, "10.40.0.1/24", 40));

  static Firewall fw(Route... routes) {
    return new Firewall(
        FILE,
        "PAN-OS vsys 'vsys1'",
        Set.of(AddressFamily.IPV4, AddressFamily.IPV6),
        Map.of(),
        List.of(),
        new Network(IFACES, List.of(routes), List.of()),
        List.of(),
        true);
  }

  /** An IPv4 zoned firewall with this network and no filters. */
  static Firewall fw(Network network) {
    return new Firewall(
        FILE,
        "PAN-OS vsys 'vsys1'",
        Set.of(AddressFamily.IPV4),
        Map.of(),
        List.of(),
        network,
        List.of(),
        true);
  }

  static ZoneInference.Result infer(Firewall fw, String... connectors) {
    List<IpSet> cs = new ArrayList<>();
    for (String c : connectors) {
      cs.add(IpSet.parse(c));
    }
    return ZoneInference.infer(fw, cs, PUBLISHED);
  }

  static final Route DEFAULT =
      route("internet", "0.0.0.0/0", "ethernet1/1", "203.0.113.1", false, 50);

  @Test
  void aConnectorOnAnInterfacesNetworkIsInItsZone() {
    ZoneInference.Result r = infer(fw(DEFAULT), "10.20.0.0/24", "10.20.0.7");
    assertThat(r.from()).isEqualTo("connectors");
    assertThat(r.notes().get(0))
        .isEqualTo(
            "connectors (inferred: connector 10.20.0.0/24 on ethernet1/2 (fw.xml:20),"
                + " 10.20.0.7/32 on ethernet1/2 (fw.xml:20))");
    assertThat(ZoneInference.zoneOf(fw(), "ethernet1/3")).contains("dmz");
    assertThat(ZoneInference.zoneOf(fw(), "ethernet1/4")).isEmpty();
  }

  @Test
  void connectorsInTwoZonesLeaveTheFromZoneOpen() {
    ZoneInference.Result r = infer(fw(DEFAULT), "10.20.0.5", "10.30.0.5");
    assertThat(r.from()).isNull();
    assertThat(r.notes().get(0))
        .isEqualTo(
            "any (the connectors are in zones connectors and dmz; audit each with its"
                + " --connector, or give --from-zone)");
  }

  @Test
  void aConnectorOnNoZonedNetworkOrNoConnectorLeavesItOpen() {
    assertThat(infer(fw(DEFAULT), "10.40.0.5").notes().get(0))
        .isEqualTo(
            "any (connector 10.40.0.5/32 is on no zoned interface's network in fw.xml; give"
                + " --from-zone)");
    // A network wider than the interface's is not on it.
    assertThat(infer(fw(DEFAULT), "10.20.0.0/16").from()).isNull();
    assertThat(infer(fw(DEFAULT)).notes().get(0))
        .isEqualTo("any (no --connector to infer it from; give --connector or --from-zone)");
  }

  @Test
  void theDefaultRouteSendsThePublishedRangesToItsInterfacesZone() {
    ZoneInference.Result r = infer(fw(DEFAULT), "10.20.0.5");
    assertThat(r.to()).isEqualTo("untrust");
    assertThat(r.notes().get(1))
        .isEqualTo(
            "untrust (inferred: the published ranges are routed by static route 'internet'"
                + " (fw.xml:50))");
  }

  @Test
  void aMoreSpecificRouteSendingSomeRangesElsewhereLeavesTheToZoneOpenNamingBoth() {
    Route dmz = route("to-dmz", "13.0.0.0/16", "ethernet1/3", null, false, 60);
    ZoneInference.Result r = infer(fw(DEFAULT, dmz), "10.20.0.5");
    assertThat(r.to()).isNull();
    assertThat(r.notes().get(1))
        .isEqualTo(
            "any (routes send the published ranges to zone dmz for 65536 addresses (static route"
                + " 'to-dmz' (fw.xml:60)), zone untrust for 33488896 addresses (static route"
                + " 'internet' (fw.xml:50)); give --to-zone)");
  }

  @Test
  void aNextHopIsResolvedThroughTheInterfaceWhoseNetworkHoldsIt() {
    Route viaHop = route("internet", "0.0.0.0/0", null, "10.30.0.254", false, 50);
    ZoneInference.Result r = infer(fw(viaHop), "10.20.0.5");
    assertThat(r.to()).isEqualTo("dmz");
    // A next hop on no interface's network says nothing of the zone.
    Route nowhere = route("internet", "0.0.0.0/0", null, "192.0.2.1", false, 50);
    assertThat(infer(fw(nowhere), "10.20.0.5").notes().get(1))
        .isEqualTo(
            "any (routes send the published ranges to no zone for 33554432 addresses (static"
                + " route 'internet' (fw.xml:50)); give --to-zone)");
  }

  @Test
  void aDiscardRouteIsNoZone() {
    Route sink = route("sink", "3.0.0.0/8", null, null, true, 70);
    ZoneInference.Result r = infer(fw(DEFAULT, sink), "10.20.0.5");
    assertThat(r.to()).isNull();
    assertThat(r.notes().get(1))
        .isEqualTo(
            "any (routes send the published ranges to no zone for 16777216 addresses (static"
                + " route 'sink' (fw.xml:70), which discards), zone untrust for 16777216"
                + " addresses (static route 'internet' (fw.xml:50)); give --to-zone)");
  }

  @Test
  void withoutARouteForThePublishedRangesTheToZoneIsOpen() {
    assertThat(infer(fw(), "10.20.0.5").notes().get(1))
        .isEqualTo(
            "any (routes send the published ranges to no zone for 33554432 addresses (no route);"
                + " give --to-zone)");
    Firewall bare =
        new Firewall(
            FILE,
            "PAN-OS vsys 'vsys1'",
            Set.of(AddressFamily.IPV4),
            Map.of(),
            List.of(),
            Network.NONE,
            List.of(),
            true);
    assertThat(ZoneInference.infer(bare, List.of(), PUBLISHED).notes().get(1))
        .isEqualTo("any (no route in fw.xml covers the published ranges; give --to-zone)");
  }

  @Test
  void aConnectedNetworkBeatsARouteOfTheSameLength() {
    Route same = route("shadow", "10.30.0.0/24", "ethernet1/1", null, false, 80);
    Map<AddressFamily, IpSet> dmzOnly = Map.of(AddressFamily.IPV4, IpSet.parse("10.30.0.0/25"));
    ZoneInference.Result r =
        ZoneInference.infer(fw(same), List.of(IpSet.parse("10.20.0.5")), dmzOnly);
    assertThat(r.to()).isEqualTo("dmz");
  }

  /**
   * A policy-based VPN (a tunnel carried over an interface, as an ASA crypto map) takes only what
   * the routes send out of that interface: the out side stays the routes', the tunnel named when it
   * is carried over that side.
   */
  @Test
  void aTunnelCarriedOverTheRoutedInterfaceKeepsTheToZone() {
    PolicyRoute vpn = CarriedTunnel.route(FILE, 80);
    for (String over : List.of("ethernet1/1", "ethernet1/3")) {
      List<Interface> ifs = new ArrayList<>(IFACES);
      ifs.add(CarriedTunnel.over(over, FILE, 80));
      Firewall withVpn = fw(new Network(ifs, List.of(DEFAULT), List.of(vpn)));
      ZoneInference.Result r = infer(withVpn, "10.20.0.5");
      if (over.equals("ethernet1/1")) {
        assertThat(r.to()).isEqualTo("untrust");
        assertThat(r.notes().get(1))
            .isEqualTo(
                "untrust (inferred: the published ranges are routed by static route 'internet'"
                    + " (fw.xml:50); crypto map m 10 (fw.xml:80) carries its traffic over untrust"
                    + " as well)");
      } else {
        assertThat(r.to()).isEqualTo("untrust");
        assertThat(r.notes().get(1))
            .isEqualTo(
                "untrust (inferred: the published ranges are routed by static route 'internet'"
                    + " (fw.xml:50))");
      }
    }
  }

  @Test
  void policyBasedForwardingLeavesTheToZoneOpen() {
    PolicyRoute isp =
        new PolicyRoute(
            new SourceLocation(FILE, 70),
            "policy-based forwarding rule 'via-second-isp'",
            List.of(),
            PolicyRoute.Kind.FORWARD,
            "ethernet1/3",
            null);
    Firewall withPbf = fw(new Network(IFACES, List.of(DEFAULT), List.of(isp)));
    ZoneInference.Result r = infer(withPbf, "10.20.0.5");
    assertThat(r.to()).isNull();
    assertThat(r.notes().get(1))
        .isEqualTo(
            "any (policy-based forwarding may send the traffic elsewhere than the routes say:"
                + " policy-based forwarding rule 'via-second-isp' (fw.xml:70); give --to-zone)");
  }

  @Test
  void theZonesAFirewallKnowsAreItsInterfacesAndItsRules() {
    assertThat(ZoneInference.zones(fw(DEFAULT))).containsExactly("connectors", "dmz", "untrust");
  }

  @Test
  void aFirewallWithoutZonesIsTraversedBetweenInterfaces() {
    Firewall plain =
        new Firewall(
            FILE,
            "a network firewall",
            Set.of(AddressFamily.IPV4),
            Map.of(),
            List.of(),
            new Network(IFACES, List.of(DEFAULT), List.of()),
            List.of(),
            false);
    ZoneInference.Result r = infer(plain, "10.20.0.5");
    assertThat(r.from()).isEqualTo("ethernet1/2");
    assertThat(r.to()).isEqualTo("ethernet1/1");
    assertThat(infer(plain, "10.20.0.5", "10.30.0.5").notes().get(0))
        .isEqualTo(
            "any (the connectors are on interfaces ethernet1/2 and ethernet1/3; audit each with"
                + " its --connector, or give --in-interface)");
    assertThat(ZoneInference.zones(plain))
        .containsExactly("ethernet1/1", "ethernet1/2", "ethernet1/3", "ethernet1/4");
  }
}
