package dev.zpaaudit.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MtuPathTest {
  static final String FILE = "fw.xml";

  static PublishedRanges ranges() throws Exception {
    return RangesReader.parse("3.0.0.0/24\n13.0.0.0/24\n", "r.txt", "r.txt", "today");
  }

  static Interface iface(String name, Interface.Kind kind, int mtu, String net, int line) {
    return new Interface(
        name, "untrust", List.of(IpSet.parse(net)), mtu, kind, new SourceLocation(FILE, line));
  }

  static Route route(String dst, String out, boolean discard, int line) {
    int len = Integer.parseInt(dst.substring(dst.indexOf('/') + 1));
    return new Route(
        IpSet.parse(dst),
        len,
        out,
        null,
        10,
        discard,
        "static route '" + dst + "'",
        new SourceLocation(FILE, line));
  }

  static Firewall fw(List<Route> routes, List<PolicyRoute> pbf, Interface... ifs) {
    return new Firewall(
        FILE,
        "test",
        Set.of(AddressFamily.IPV4),
        Map.of(),
        List.of(),
        new Network(List.of(ifs), routes, pbf),
        List.of(),
        true);
  }

  static final Interface PLAIN =
      iface("ethernet1/1", Interface.Kind.PHYSICAL, 1500, "203.0.113.2/24", 5);
  static final Interface TUNNEL =
      iface("tunnel.1", Interface.Kind.TUNNEL, 1400, "169.254.0.1/30", 6);

  static CheckResult check(Firewall fw) throws Exception {
    return MtuPath.check(List.of(Device.of(fw)), ranges());
  }

  @Test
  void aDefaultRouteOutOfAPlainInterfacePasses() throws Exception {
    CheckResult r =
        check(fw(List.of(route("0.0.0.0/0", "ethernet1/1", false, 20)), List.of(), PLAIN, TUNNEL));
    assertThat(r.status()).isEqualTo(Status.PASS);
  }

  @Test
  void rangesRoutedIntoATunnelFailNamingTheRouteAndTunnel() throws Exception {
    CheckResult r =
        check(
            fw(
                List.of(
                    route("0.0.0.0/0", "ethernet1/1", false, 20),
                    route("3.0.0.0/8", "tunnel.1", false, 21)),
                List.of(),
                PLAIN,
                TUNNEL));
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.verdict()).isEqualTo("deny");
              assertThat(e.line()).isEqualTo(21);
              assertThat(e.message()).startsWith("leaves through tunnel tunnel.1 (MTU 1400");
              assertThat(e.destinations()).containsExactly("3.0.0.0/24");
            });
  }

  @Test
  void aSmallerMtuOrADiscardFails() throws Exception {
    Interface small = iface("ethernet1/1", Interface.Kind.PHYSICAL, 1400, "203.0.113.2/24", 5);
    assertThat(
            check(fw(List.of(route("0.0.0.0/0", "ethernet1/1", false, 20)), List.of(), small))
                .status())
        .isEqualTo(Status.FAIL);
    assertThat(
            check(fw(List.of(route("0.0.0.0/0", null, true, 20)), List.of(), PLAIN))
                .evidence()
                .get(0)
                .message())
        .startsWith("discarded by static route");
  }

  @Test
  void aPolicyRouteThatMayForwardElsewhereIsIndeterminate() throws Exception {
    PolicyRoute pbf =
        new PolicyRoute(
            new SourceLocation(FILE, 40),
            "policy-based forwarding rule 'isp2'",
            List.of(),
            PolicyRoute.Kind.FORWARD,
            "ethernet1/3",
            null);
    CheckResult r =
        check(fw(List.of(route("0.0.0.0/0", "ethernet1/1", false, 20)), List.of(pbf), PLAIN));
    assertThat(r.status()).isEqualTo(Status.INDETERMINATE);
  }

  /**
   * A policy-based VPN (a tunnel carried over an interface, as an ASA crypto map) takes what the
   * routes send out of that interface, and only that: over the routed interface the ranges it
   * chooses fail, over another it takes none of them.
   */
  @Test
  void aTunnelCarriedOverAnInterfaceTakesOnlyWhatIsRoutedOutOfIt() throws Exception {
    Interface backup = iface("backup", Interface.Kind.PHYSICAL, 1500, "198.51.100.2/24", 7);
    PolicyRoute vpn =
        CarriedTunnel.route(
            FILE, 40, new dev.zpaaudit.model.Condition.Dst(IpSet.parse("3.0.0.0/8")));
    List<Route> routes = List.of(route("0.0.0.0/0", "ethernet1/1", false, 20));
    for (String over : List.of("ethernet1/1", "backup")) {
      Interface tunnel = CarriedTunnel.over(over, FILE, 40);
      CheckResult r = check(fw(routes, List.of(vpn), PLAIN, backup, tunnel));
      if (over.equals("backup")) {
        assertThat(r.status()).as(over).isEqualTo(Status.PASS);
      } else {
        assertThat(r.status()).as(over).isEqualTo(Status.FAIL);
        assertThat(r.evidence())
            .anyMatch(
                e ->
                    e.verdict().equals("deny")
                        && e.message().contains("crypto map m 10")
                        && e.destinations().equals(List.of("3.0.0.0/24")));
      }
    }
  }

  @Test
  void aRouteToALinkTheExportDoesNotDescribeIsIndeterminate() throws Exception {
    CheckResult r = check(fw(List.of(route("0.0.0.0/0", "tgw-0123", false, 20)), List.of(), PLAIN));
    assertThat(r.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(r.evidence().get(0).message())
        .isEqualTo(
            "leaves by tgw-0123, which the export does not describe, routed by static route"
                + " '0.0.0.0/0' (fw.xml:20)");
  }

  @Test
  void exportsWithoutANetworkHaveNoCheck() throws Exception {
    Firewall bare =
        new Firewall(FILE, "iptables-save", Set.of(AddressFamily.IPV4), Map.of(), List.of());
    assertThat(MtuPath.check(List.of(Device.of(bare)), ranges())).isNull();
  }
}
