package dev.zpaaudit.ingest.aws;

import static dev.zpaaudit.ingest.aws.AwsFixtures.convert;
import static dev.zpaaudit.ingest.aws.AwsFixtures.diagnostics;
import static dev.zpaaudit.ingest.aws.AwsFixtures.export;
import static dev.zpaaudit.ingest.aws.AwsFixtures.firewall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.network.DefaultGateway;
import dev.zpaaudit.checks.network.MtuPath;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Route tables: as read, then as the routes and links of the connector's subnet. */
class AwsRoutesTest {
  @Test
  void routesAreReadWithTheirTargetsAndStates() throws Exception {
    RouteTable t = export("routes.json").routeTables().get(1);
    assertThat(t.label()).isEqualTo("rtb-vpn 'via-vpn'");
    assertThat(t.subnets()).containsExactly("subnet-1");
    assertThat(t.main()).isFalse();
    assertThat(t.routes())
        .extracting(r -> r.destinationText() + " " + r.kind() + " " + r.target() + " " + r.state())
        .containsExactly(
            "10.0.0.0/16 LOCAL local active",
            "0.0.0.0/0 VPN_GATEWAY vgw-1 active",
            "3.0.0.0/8 NAT_GATEWAY nat-1 active",
            "13.0.0.0/8 TRANSIT_GATEWAY tgw-1 active",
            "58.0.0.0/8 INTERNET_GATEWAY igw-2 blackhole",
            "87.0.0.0/8 VPN_GATEWAY vgw-1 active",
            "pl-1 ENDPOINT vpce-1 active",
            "pl-2 ENDPOINT vpce-2 active");
    assertThat(export("routes.json").routeTables().get(0).main()).isTrue();
  }

  @Test
  void theSubnetsOwnTableGivesItsRoutesAndLinks() throws Exception {
    ParseResult r = convert("routes.json", "10.0.1.10");
    Firewall fw = r.firewall();
    assertThat(fw.routes())
        .extracting(x -> x.name() + " | " + x.outInterface() + " " + x.metric() + " " + x.discard())
        .containsExactly(
            "route 10.0.0.0/16 local in rtb-vpn 'via-vpn' | eni-1 0 false",
            "route 0.0.0.0/0 via virtual private gateway vgw-1 in rtb-vpn 'via-vpn' | vgw-1 0"
                + " false",
            "route 3.0.0.0/8 via NAT gateway nat-1 in rtb-vpn 'via-vpn' | nat-1 0 false",
            "route 13.0.0.0/8 via transit gateway tgw-1 in rtb-vpn 'via-vpn' | tgw-1 0 false",
            "route 58.0.0.0/8 via internet gateway igw-2 in rtb-vpn 'via-vpn' (blackhole: its"
                + " target is gone) | null 0 true",
            "route 87.0.0.0/8 via virtual private gateway vgw-1 in rtb-vpn 'via-vpn'"
                + " (propagated) | vgw-1 1 false",
            "route 52.218.0.0/17 (pl-1) via VPC endpoint vpce-1 in rtb-vpn 'via-vpn' | vpce-1 0"
                + " false");
    assertThat(fw.routes().get(1).location().toString()).isEqualTo("routes.json:64");
    assertThat(fw.interfaces())
        .extracting(i -> i.name() + " " + i.kind() + " " + i.encapsulation() + " " + i.networks())
        .containsExactly(
            "eni-1 PHYSICAL null [10.0.1.0/24]", "vgw-1 TUNNEL ipsec []", "nat-1 PHYSICAL null []");
    assertThat(diagnostics(r))
        .containsExactly(
            "routes.json:100: warning: route to prefix list pl-2 not modelled: its entries are not"
                + " in the export");
  }

  @Test
  void aSubnetWithoutATableOfItsOwnHasTheMainTable() throws Exception {
    Firewall fw = firewall("routes.json", "10.0.2.10");
    assertThat(fw.routes())
        .extracting(Route::name)
        .containsExactly(
            "route 10.0.0.0/16 local in rtb-main 'main'",
            "route 0.0.0.0/0 via internet gateway igw-1 in rtb-main 'main'");
    assertThat(fw.interfaces()).extracting(Interface::name).containsExactly("eni-2", "igw-1");
    assertThat(fw.format()).isEqualTo("AWS EC2 eni-2, vpc-1, eu-central-1");
  }

  static CheckResult gateway(Firewall fw) {
    Placement host =
        new Placement(
            Point.ORIGINATED,
            null,
            null,
            List.of(IpSet.parse("10.0.1.10")),
            PortSet.range(1024, 65535));
    return DefaultGateway.check(List.of(Device.of(fw)), List.of(host));
  }

  @Test
  void aDefaultRouteToTheVpnGatewayFailsAndOneToTheInternetGatewayPasses() throws Exception {
    CheckResult vpn = gateway(firewall("routes.json", "10.0.1.10"));
    assertThat(vpn.status()).isEqualTo(Status.FAIL);
    assertThat(vpn.evidence().get(0).message())
        .isEqualTo(
            "the default route points at tunnel vgw-1 (ipsec): route 0.0.0.0/0 via virtual"
                + " private gateway vgw-1 in rtb-vpn 'via-vpn'");
    assertThat(gateway(firewall("routes.json", "10.0.2.10")).status()).isEqualTo(Status.PASS);
  }

  @Test
  void theMtuPathFollowsEachRoute() throws Exception {
    CheckResult mtu =
        MtuPath.check(
            List.of(Device.of(firewall("routes.json", "10.0.1.10"))),
            RangesReader.parse("3.1.0.0/16\n13.1.0.0/16\n58.1.0.0/16\n8.8.0.0/16\n", "r", "r", ""));
    assertThat(mtu.status()).isEqualTo(Status.FAIL);
    assertThat(mtu.evidence())
        .extracting(e -> e.verdict() + " " + e.line() + " " + e.destinations())
        .containsExactly(
            "allow 70 [3.1.0.0/16]",
            "indeterminate 76 [13.1.0.0/16]",
            "deny 82 [58.1.0.0/16]",
            "deny 64 [8.8.0.0/16]");
    assertThat(mtu.evidence().get(3).message())
        .startsWith("leaves through tunnel vgw-1 (ipsec: 73 bytes of encapsulation");
  }
}
