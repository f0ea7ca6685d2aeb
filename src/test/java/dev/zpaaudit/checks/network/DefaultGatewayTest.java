package dev.zpaaudit.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultGatewayTest {
  static final String FILE = "host";

  static CheckResult check(Interface out, String via) {
    return check(List.of(out), via, List.of());
  }

  static CheckResult check(List<Interface> ifs, String via, List<PolicyRoute> pbf) {
    Route r =
        new Route(
            IpSet.parse("0.0.0.0/0"),
            0,
            via,
            null,
            0,
            false,
            "route 0.0.0.0/0 via " + via,
            new SourceLocation(FILE, 7));
    Firewall fw =
        new Firewall(
            FILE,
            "test",
            Set.of(),
            Map.of(),
            List.of(),
            new Network(ifs, List.of(r), pbf),
            List.of(),
            false);
    Placement host =
        new Placement(Point.ORIGINATED, null, null, List.of(), PortSet.range(1024, 65535));
    return DefaultGateway.check(List.of(Device.of(fw)), List.of(host));
  }

  static Interface iface(String name, Interface.Kind kind, String encapsulation) {
    return new Interface(
        name, null, List.of(), null, kind, new SourceLocation(FILE, 3), encapsulation);
  }

  @Test
  void aDefaultRouteByAPlainInterfacePasses() {
    assertThat(check(iface("eth0", Interface.Kind.PHYSICAL, null), "eth0").status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void aDefaultRouteIntoATunnelFails() {
    CheckResult r = check(iface("vgw-1", Interface.Kind.TUNNEL, "ipsec"), "vgw-1");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.evidence().get(0).message())
        .isEqualTo("the default route points at tunnel vgw-1 (ipsec): route 0.0.0.0/0 via vgw-1");
  }

  /**
   * A tunnel carried over an interface (an ASA crypto map) takes only what is routed out of that
   * interface: over another than the default route's, it leaves the gateway alone; over the same,
   * it may take some of the connector's traffic elsewhere.
   */
  @Test
  void aTunnelCarriedOverAnotherInterfaceLeavesTheGatewayAlone() {
    PolicyRoute vpn = CarriedTunnel.route(FILE, 9);
    for (String over : List.of("backup", "outside")) {
      List<Interface> ifs =
          List.of(
              iface("outside", Interface.Kind.PHYSICAL, null),
              iface("backup", Interface.Kind.PHYSICAL, null),
              CarriedTunnel.over(over, FILE, 9));
      CheckResult r = check(ifs, "outside", List.of(vpn));
      assertThat(r.status())
          .as(over)
          .isEqualTo(over.equals("backup") ? Status.PASS : Status.INDETERMINATE);
    }
  }

  @Test
  void aDefaultRouteByALinkTheExportDoesNotDescribeIsIndeterminate() {
    CheckResult r = check(iface("eth0", Interface.Kind.PHYSICAL, null), "tgw-1");
    assertThat(r.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(r.evidence().get(0).verdict()).isEqualTo("indeterminate");
    assertThat(r.evidence().get(0).message())
        .isEqualTo(
            "the default route leaves by tgw-1, which the export does not describe: route"
                + " 0.0.0.0/0 via tgw-1");
  }
}
