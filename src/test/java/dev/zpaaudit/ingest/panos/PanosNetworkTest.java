package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.panos.PanosInterface.Kind;
import dev.zpaaudit.ingest.panos.PanosInterface.Mode;
import dev.zpaaudit.ingest.panos.PanosReader.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanosNetworkTest {
  private static PanosInterface port(
      String name, Kind kind, Mode mode, List<String> addresses, int line) {
    return new PanosInterface(
        name,
        kind,
        mode,
        Optional.empty(),
        Optional.empty(),
        addresses,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        line);
  }

  @Test
  void interfacesPortsUnitsTunnelsLoopbacksAndAggregates() throws Exception {
    Result r = read("interfaces.xml");
    assertThat(r.config().network().interfaces())
        .containsExactly(
            new PanosInterface(
                "ethernet1/1",
                Kind.ETHERNET,
                Mode.LAYER3,
                Optional.empty(),
                Optional.empty(),
                List.of("203.0.113.2/24"),
                List.of(),
                Optional.of(1400),
                Optional.of(new AdjustTcpMss(true, 100, 60)),
                Optional.empty(),
                7),
            new PanosInterface(
                "ethernet1/2",
                Kind.ETHERNET,
                Mode.LAYER3,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of("2001:db8:1::1/64"),
                Optional.empty(),
                Optional.of(new AdjustTcpMss(true, 40, 60)),
                Optional.empty(),
                22),
            new PanosInterface(
                "ethernet1/2.10",
                Kind.ETHERNET,
                Mode.LAYER3,
                Optional.of("ethernet1/2"),
                Optional.of(10),
                List.of("10.10.0.1/24", "lan-gateway"),
                List.of(),
                Optional.of(1500),
                Optional.empty(),
                Optional.empty(),
                35),
            port("ethernet1/3", Kind.ETHERNET, Mode.LAYER3, List.of(), 46),
            new PanosInterface(
                "ethernet1/4",
                Kind.ETHERNET,
                Mode.AGGREGATE_GROUP,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("ae1"),
                53),
            port("ethernet1/5", Kind.ETHERNET, Mode.LAYER2, List.of(), 56),
            port("ae1", Kind.AGGREGATE_ETHERNET, Mode.LAYER3, List.of("10.20.0.1/24"), 61),
            new PanosInterface(
                "tunnel.1",
                Kind.TUNNEL,
                Mode.LAYER3,
                Optional.empty(),
                Optional.empty(),
                List.of("169.254.0.1/30"),
                List.of(),
                Optional.of(1400),
                Optional.empty(),
                Optional.empty(),
                71),
            port("loopback.1", Kind.LOOPBACK, Mode.LAYER3, List.of("192.0.2.1"), 81));
    assertThat(diagnostics(r))
        .containsExactly(
            "interfaces.xml:17: warning: 'interface-management-profile' is not modelled (services"
                + " the firewall itself offers on the interface)",
            "interfaces.xml:48: warning: 'dhcp-client' is not modelled (the address comes from"
                + " DHCP)",
            "interfaces.xml:57: warning: 'layer2 interfaces' is not modelled (layer 2 bridging)");
  }

  @Test
  void zonesWithTheirInterfacesAndTheVsysImports() throws Exception {
    Result r = read("zones.xml");
    Vsys vsys = r.config().vsys().get(0);
    assertThat(vsys.zones())
        .containsExactly(
            new Zone("trust", Zone.Type.LAYER3, List.of("ethernet1/2", "ethernet1/2.10"), 7),
            new Zone("untrust", Zone.Type.LAYER3, List.of("ethernet1/1"), 17),
            new Zone("bridge", Zone.Type.LAYER2, List.of("ethernet1/5"), 24),
            new Zone("unbound", Zone.Type.NONE, List.of(), 31));
    assertThat(vsys.importedInterfaces()).containsExactly("ethernet1/1", "ethernet1/2");
    assertThat(diagnostics(r))
        .containsExactly(
            "zones.xml:13: warning: 'zone-protection-profile' is not modelled (flood,"
                + " reconnaissance and packet-based protection)",
            "zones.xml:26: warning: 'layer2 zones' is not modelled (zone 'bridge' is read by name"
                + " and interfaces only)");
  }

  @Test
  void virtualRoutersWithStaticRoutesOfEveryNextHop() throws Exception {
    Result r = read("virtual-routers.xml");
    Optional<Integer> none = Optional.empty();
    Optional<String> noInterface = Optional.empty();
    StaticRoute.Family v4 = StaticRoute.Family.IPV4;
    assertThat(r.config().network().virtualRouters())
        .containsExactly(
            new VirtualRouter(
                "default",
                List.of("ethernet1/1", "ethernet1/2"),
                List.of(
                    new StaticRoute(
                        "default-route",
                        v4,
                        "0.0.0.0/0",
                        new NextHop.Address("203.0.113.1"),
                        Optional.of("ethernet1/1"),
                        Optional.of(10),
                        Optional.of(15),
                        22),
                    new StaticRoute(
                        "to-other-vr",
                        v4,
                        "10.50.0.0/16",
                        new NextHop.NextVr("dmz-vr"),
                        noInterface,
                        none,
                        none,
                        34),
                    new StaticRoute(
                        "sinkhole",
                        v4,
                        "192.0.2.0/24",
                        new NextHop.Discard(),
                        noInterface,
                        none,
                        none,
                        40),
                    new StaticRoute(
                        "connected-like",
                        v4,
                        "198.51.100.0/24",
                        new NextHop.None(),
                        Optional.of("ethernet1/2"),
                        none,
                        none,
                        46),
                    new StaticRoute(
                        "not-installed",
                        v4,
                        "10.99.0.0/16",
                        new NextHop.Address("10.0.0.254"),
                        noInterface,
                        none,
                        none,
                        50),
                    new StaticRoute(
                        "v6-default",
                        StaticRoute.Family.IPV6,
                        "::/0",
                        new NextHop.Address("2001:db8::1"),
                        noInterface,
                        none,
                        none,
                        68)),
                6),
            new VirtualRouter("dmz-vr", List.of(), List.of(), 78));
    assertThat(r.config().network().routeCount()).isEqualTo(6);
    assertThat(diagnostics(r))
        .containsExactly(
            "virtual-routers.xml:12: warning: 'bgp' is not modelled (virtual router 'default'"
                + " learns routes from it)",
            "virtual-routers.xml:55: warning: 'route-table' is not modelled (static route"
                + " 'not-installed' is for no-install, not unicast; read as installed)",
            "virtual-routers.xml:59: error: static route 'no-destination' has no destination");
  }
}
