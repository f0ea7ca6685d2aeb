package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interfaces, zones, static routes and policy routes as read, then in the model. */
class FortiosNetworkTest {
  private static final String FILE = "network.conf";

  @Test
  void interfacesAreReadWithTheirAddressesMtuVlanAndParent() throws Exception {
    Vdom v = FortiosFixtures.vdom(FILE);
    assertThat(v.interfaces())
        .extracting(
            FortiosInterface::name,
            FortiosInterface::type,
            FortiosInterface::addresses,
            FortiosInterface::mtu,
            FortiosInterface::vlanId,
            FortiosInterface::parent)
        .containsExactly(
            tuple(
                "wan1",
                "physical",
                List.of("203.0.113.2/24", "2001:db8:ff::2/64"),
                1400,
                null,
                null),
            tuple(
                "internal",
                "hard-switch",
                List.of("10.20.0.1/24", "10.21.0.1/24"),
                null,
                null,
                null),
            tuple("vlan30", "physical", List.of("10.30.0.1/24"), null, 30, "internal"),
            tuple("agg1", "aggregate", List.of(), null, null, null),
            tuple("lo0", "loopback", List.of("192.0.2.1/32"), null, null, null),
            tuple("spare", "physical", List.of(), null, null, null),
            tuple("to-hq", "ipsec-tunnel", List.of(), null, null, "wan1"));
  }

  @Test
  void interfacesInTheModelHaveTheirNetworksZoneMtuAndKind() throws Exception {
    Firewall fw = FortiosFixtures.firewall(FILE);
    assertThat(fw.interfaces())
        .containsExactly(
            new Interface(
                "wan1",
                null,
                List.of(IpSet.parse("203.0.113.0/24"), IpSet.parse("2001:db8:ff::/64")),
                1400,
                Interface.Kind.PHYSICAL,
                new SourceLocation(FILE, 2)),
            new Interface(
                "internal",
                "lan",
                List.of(IpSet.parse("10.20.0.0/24"), IpSet.parse("10.21.0.0/24")),
                1500,
                Interface.Kind.PHYSICAL,
                new SourceLocation(FILE, 12)),
            new Interface(
                "vlan30",
                "lan",
                List.of(IpSet.parse("10.30.0.0/24")),
                1500,
                Interface.Kind.SUBINTERFACE,
                new SourceLocation(FILE, 23)),
            new Interface(
                "agg1",
                null,
                List.of(),
                1500,
                Interface.Kind.AGGREGATE,
                new SourceLocation(FILE, 29)),
            new Interface(
                "lo0",
                null,
                List.of(IpSet.parse("192.0.2.1/32")),
                1500,
                Interface.Kind.LOOPBACK,
                new SourceLocation(FILE, 34)),
            new Interface(
                "spare",
                null,
                List.of(),
                1500,
                Interface.Kind.PHYSICAL,
                new SourceLocation(FILE, 39)),
            new Interface(
                "to-hq",
                null,
                List.of(),
                null,
                Interface.Kind.TUNNEL,
                new SourceLocation(FILE, 50),
                "ipsec"));
  }

  @Test
  void staticRoutesByDistanceAndWhatCannotBeLoweredIsSaid() throws Exception {
    FortiosReader.Result read = FortiosFixtures.read(FILE);
    var result = FortiosConversions.convert(read, dev.zpaaudit.ingest.ExportScope.ALL);
    assertThat(result.firewall().routes())
        .containsExactly(
            new Route(
                IpSet.parse("0.0.0.0/0"),
                0,
                "wan1",
                IpSet.parse("203.0.113.1"),
                10,
                false,
                "static route 1",
                new SourceLocation(FILE, 61)),
            new Route(
                IpSet.parse("172.16.0.0/12"),
                12,
                "to-hq",
                null,
                5,
                false,
                "static route 2",
                new SourceLocation(FILE, 65)),
            new Route(
                IpSet.parse("192.0.2.128/25"),
                25,
                null,
                null,
                10,
                true,
                "static route 3",
                new SourceLocation(FILE, 70)),
            new Route(
                IpSet.parse("172.16.0.0/12"),
                12,
                "to-hq",
                null,
                10,
                false,
                "static route 4",
                new SourceLocation(FILE, 74)),
            new Route(
                IpSet.parse("::/0"),
                0,
                "wan1",
                IpSet.parse("2001:db8:ff::1"),
                10,
                false,
                "static route 1",
                new SourceLocation(FILE, 89)));
    assertThat(result.diagnostics())
        .extracting(dev.zpaaudit.diag.Diagnostic::format)
        .containsExactly(
            "network.conf:84: warning: static route 6 (sdwan-zone virtual-wan-link) is not"
                + " modelled; routes inferred leave it out");
  }

  @Test
  void policyRoutesForwardOrReturnToTheRoutingTable() throws Exception {
    List<PolicyRoute> routes = FortiosFixtures.firewall(FILE).network().policyRoutes();
    assertThat(routes)
        .containsExactly(
            new PolicyRoute(
                new SourceLocation(FILE, 95),
                "policy route 1",
                List.of(
                    new Condition.InIface(List.of("internal"), false),
                    new Condition.Src(IpSet.parse("10.20.0.0/24")),
                    new Condition.Proto(Bits.of(256, 6)),
                    new Condition.DstPort(PortSet.of(443))),
                PolicyRoute.Kind.FORWARD,
                "wan1",
                IpSet.parse("198.51.100.1")),
            new PolicyRoute(
                new SourceLocation(FILE, 105),
                "policy route 2 (action deny)",
                List.of(
                    new Condition.InIface(List.of("internal"), false),
                    new Condition.Dst(IpSet.parse("172.16.0.0/12"))),
                PolicyRoute.Kind.ROUTE,
                null,
                null),
            new PolicyRoute(
                new SourceLocation(FILE, 110),
                "policy route 3",
                List.of(new Condition.Src(IpSet.parse("10.21.0.0/16"))),
                PolicyRoute.Kind.FORWARD,
                "wan1",
                IpSet.parse("203.0.113.9")));
  }

  @Test
  void zonesAreReadWithTheirInterfaces() throws Exception {
    assertThat(FortiosFixtures.vdom(FILE).zones())
        .containsExactly(new Zone("lan", List.of("internal", "vlan30"), false, 45));
    assertThat(FortiosFixtures.vdom("policies.conf").zones().get(0).intrazoneAllow()).isTrue();
  }
}
