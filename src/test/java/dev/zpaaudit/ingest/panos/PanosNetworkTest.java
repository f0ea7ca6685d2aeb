package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.ingest.panos.PanosInterface.Kind;
import dev.zpaaudit.ingest.panos.PanosInterface.Mode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanosNetworkTest {
  private static final Optional<Integer> NONE = Optional.empty();
  private static final Optional<String> NO_INTERFACE = Optional.empty();

  private static List<PanosInterface> interfaces() throws Exception {
    return read("interfaces.xml").config().network().interfaces();
  }

  private static List<StaticRoute> routes() throws Exception {
    return read("virtual-routers.xml").config().network().virtualRouters().get(0).staticRoutes();
  }

  @Test
  void everyInterfaceWithItsKindModeAndLine() throws Exception {
    assertThat(interfaces())
        .extracting(
            PanosInterface::name, PanosInterface::kind, PanosInterface::mode, PanosInterface::line)
        .containsExactly(
            tuple("ethernet1/1", Kind.ETHERNET, Mode.LAYER3, 7),
            tuple("ethernet1/2", Kind.ETHERNET, Mode.LAYER3, 22),
            tuple("ethernet1/2.10", Kind.ETHERNET, Mode.LAYER3, 35),
            tuple("ethernet1/3", Kind.ETHERNET, Mode.LAYER3, 46),
            tuple("ethernet1/4", Kind.ETHERNET, Mode.AGGREGATE_GROUP, 53),
            tuple("ethernet1/5", Kind.ETHERNET, Mode.LAYER2, 56),
            tuple("ae1", Kind.AGGREGATE_ETHERNET, Mode.LAYER3, 61),
            tuple("tunnel.1", Kind.TUNNEL, Mode.LAYER3, 71),
            tuple("loopback.1", Kind.LOOPBACK, Mode.LAYER3, 81));
  }

  @Test
  void aLayer3PortWithAddressMtuAndTcpMssAdjustment() throws Exception {
    assertThat(interfaces().get(0))
        .isEqualTo(
            new PanosInterface(
                "ethernet1/1",
                Kind.ETHERNET,
                Mode.LAYER3,
                Optional.empty(),
                NONE,
                List.of("203.0.113.2/24"),
                List.of(),
                Optional.of(1400),
                Optional.of(new AdjustTcpMss(true, 100, 60)),
                Optional.empty(),
                7));
  }

  @Test
  void ipv6AddressesTheOlderTcpMssSwitchAndATaggedUnit() throws Exception {
    List<PanosInterface> all = interfaces();
    assertThat(all.get(1))
        .isEqualTo(
            new PanosInterface(
                "ethernet1/2",
                Kind.ETHERNET,
                Mode.LAYER3,
                Optional.empty(),
                NONE,
                List.of(),
                List.of("2001:db8:1::1/64"),
                NONE,
                Optional.of(new AdjustTcpMss(true, 40, 60)),
                Optional.empty(),
                22));
    assertThat(all.get(2))
        .isEqualTo(
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
                35));
  }

  @Test
  void addressesOfAggregatesTunnelsAndLoopbacks() throws Exception {
    List<PanosInterface> all = interfaces();
    assertThat(all)
        .extracting(PanosInterface::addresses, PanosInterface::mtu, PanosInterface::aggregateGroup)
        .containsExactly(
            tuple(List.of("203.0.113.2/24"), Optional.of(1400), Optional.empty()),
            tuple(List.of(), NONE, Optional.empty()),
            tuple(List.of("10.10.0.1/24", "lan-gateway"), Optional.of(1500), Optional.empty()),
            tuple(List.of(), NONE, Optional.empty()),
            tuple(List.of(), NONE, Optional.of("ae1")),
            tuple(List.of(), NONE, Optional.empty()),
            tuple(List.of("10.20.0.1/24"), NONE, Optional.empty()),
            tuple(List.of("169.254.0.1/30"), Optional.of(1400), Optional.empty()),
            tuple(List.of("192.0.2.1"), NONE, Optional.empty()));
    assertThat(diagnostics(read("interfaces.xml")))
        .containsExactly(
            "interfaces.xml:17: warning: 'interface-management-profile' is not modelled (services"
                + " the firewall itself offers on the interface)",
            "interfaces.xml:48: warning: 'dhcp-client' is not modelled (the address comes from"
                + " DHCP)",
            "interfaces.xml:57: warning: 'layer2 interfaces' is not modelled (layer 2 bridging)");
  }

  @Test
  void zonesWithTheirInterfacesAndTheVsysImports() throws Exception {
    PanosReader.Result r = read("zones.xml");
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
  void virtualRoutersWithTheirInterfaces() throws Exception {
    Network n = read("virtual-routers.xml").config().network();
    assertThat(n.virtualRouters())
        .extracting(VirtualRouter::name, VirtualRouter::interfaces, VirtualRouter::line)
        .containsExactly(
            tuple("default", List.of("ethernet1/1", "ethernet1/2"), 6),
            tuple("dmz-vr", List.of(), 78));
    assertThat(n.routeCount()).isEqualTo(6);
  }

  @Test
  void aStaticRouteWhole() throws Exception {
    assertThat(routes().get(0))
        .isEqualTo(
            new StaticRoute(
                "default-route",
                StaticRoute.Family.IPV4,
                "0.0.0.0/0",
                new NextHop.Address("203.0.113.1"),
                Optional.of("ethernet1/1"),
                Optional.of(10),
                Optional.of(15),
                22));
  }

  @Test
  void staticRoutesOfEveryNextHop() throws Exception {
    assertThat(routes())
        .extracting(
            StaticRoute::name,
            StaticRoute::family,
            StaticRoute::destination,
            StaticRoute::nextHop,
            StaticRoute::interfaceName,
            StaticRoute::line)
        .containsExactly(
            tuple(
                "default-route",
                StaticRoute.Family.IPV4,
                "0.0.0.0/0",
                new NextHop.Address("203.0.113.1"),
                Optional.of("ethernet1/1"),
                22),
            tuple(
                "to-other-vr",
                StaticRoute.Family.IPV4,
                "10.50.0.0/16",
                new NextHop.NextVr("dmz-vr"),
                NO_INTERFACE,
                34),
            tuple(
                "sinkhole",
                StaticRoute.Family.IPV4,
                "192.0.2.0/24",
                new NextHop.Discard(),
                NO_INTERFACE,
                40),
            tuple(
                "connected-like",
                StaticRoute.Family.IPV4,
                "198.51.100.0/24",
                new NextHop.None(),
                Optional.of("ethernet1/2"),
                46),
            tuple(
                "not-installed",
                StaticRoute.Family.IPV4,
                "10.99.0.0/16",
                new NextHop.Address("10.0.0.254"),
                NO_INTERFACE,
                50),
            tuple(
                "v6-default",
                StaticRoute.Family.IPV6,
                "::/0",
                new NextHop.Address("2001:db8::1"),
                NO_INTERFACE,
                68));
  }

  @Test
  void enabledProtocolsRoutesNotInstalledAndRoutesWithoutDestination() throws Exception {
    assertThat(diagnostics(read("virtual-routers.xml")))
        .containsExactly(
            "virtual-routers.xml:12: warning: 'bgp' is not modelled (virtual router 'default'"
                + " learns routes from it)",
            "virtual-routers.xml:55: warning: 'route-table' is not modelled (static route"
                + " 'not-installed' is for no-install, not unicast; read as installed)",
            "virtual-routers.xml:59: error: static route 'no-destination' has no destination");
  }

  @Test
  void aTunnelInterfaceBoundToAnIpsecTunnelCarriesItsEncapsulation() throws Exception {
    PanosReader.Result r =
        PanosReader.read(java.nio.file.Path.of("sample-configs/panos/non-compliant-firewall.xml"));
    assertThat(r.config().network().encapsulations())
        .isEqualTo(java.util.Map.of("tunnel.1", "ipsec"));
    dev.zpaaudit.model.Firewall fw =
        PanosConversions.convert(r, dev.zpaaudit.ingest.ExportScope.ALL, Applications.embedded())
            .firewall();
    assertThat(fw.interfaces())
        .filteredOn(i -> i.name().equals("tunnel.1"))
        .extracting(dev.zpaaudit.model.Interface::encapsulation)
        .containsExactly("ipsec");
  }
}
