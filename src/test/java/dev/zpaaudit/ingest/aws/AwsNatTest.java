package dev.zpaaudit.ingest.aws;

import static dev.zpaaudit.ingest.aws.AwsFixtures.export;
import static dev.zpaaudit.ingest.aws.AwsFixtures.firewall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.cli.Main;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traffic the route table sends to a NAT gateway in another subnet crosses that subnet's network
 * ACL twice each way; traffic sent elsewhere does not.
 */
class AwsNatTest {
  @Test
  void aNatGatewaysSubnetIsReadFromItsOutputOrItsInterface() throws Exception {
    assertThat(export("nat.json").natSubnets()).containsEntry("nat-1", "subnet-2");
    assertThat(AwsReader.read(Path.of("sample-configs/aws/compliant")).export().natSubnets())
        .containsEntry("nat-0c0ffee0000000001", "subnet-0c0ffee000000b002");
  }

  @Test
  void itsSubnetsAclIsCrossedInAndOutEachWay() throws Exception {
    Firewall fw = firewall("nat.json", "10.0.1.10");
    assertThat(fw.attachedAt(Point.LEAVING, AddressFamily.IPV4))
        .extracting(a -> a.priority() + " " + a.filter() + " " + a.label())
        .containsExactly(
            "0 network-acl-outbound network ACL acl-1, outbound",
            "1 nat-1-in network ACL acl-2 of NAT gateway nat-1, inbound",
            "2 nat-1-out network ACL acl-2 of NAT gateway nat-1, outbound");
    assertThat(fw.attachedAt(Point.ARRIVING, AddressFamily.IPV4))
        .extracting(a -> a.priority() + " " + a.filter() + " " + a.label())
        .containsExactly(
            "-2 nat-1-reply-in network ACL acl-2 of NAT gateway nat-1, inbound (replies)",
            "-1 nat-1-reply-out network ACL acl-2 of NAT gateway nat-1, outbound (replies)",
            "0 network-acl-inbound network ACL acl-1, inbound");
    assertThat(fw.attachedAt(Point.LEAVING, AddressFamily.IPV4))
        .extracting(Attachment::kind)
        .containsOnly(Attachment.Kind.FILTER);
    assertThat(fw.filter("nat-1-in").rules().get(0).text())
        .isEqualTo("not routed to NAT gateway nat-1: this network ACL is not on its path");
  }

  @Test
  void whatIsRoutedToTheGatewayIsTheLongestMatch() throws Exception {
    Ec2Export e = export("nat.json");
    assertThat(RoutedSet.to(e, e.routeTables().get(0), "nat-1"))
        .containsExactly(
            IpSet.parse("0.0.0.0/0")
                .minus(IpSet.parse("10.0.0.0/16"))
                .minus(IpSet.parse("8.8.0.0/16")));
  }

  @Test
  void aGatewayInTheConnectorsSubnetAddsNothing() throws Exception {
    Firewall fw = firewall("nat.json", "10.0.0.20");
    assertThat(fw.attachedAt(Point.LEAVING, AddressFamily.IPV4)).hasSize(1);
  }

  @Test
  void theChecksNameTheGatewaysAclAndItsFix(@TempDir Path tmp) throws Exception {
    Path ranges = tmp.resolve("ranges.txt");
    Files.writeString(ranges, "3.1.0.0/16\n8.8.8.0/24\n13.1.0.0/16\n");
    String[] args = {
      "audit",
      "--config",
      "src/test/resources/aws/features/nat.json",
      "--connector",
      "10.0.1.10",
      "--ranges",
      ranges.toString(),
      "--format",
      "json"
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Main.run(args, new PrintWriter(out), new PrintWriter(err))).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(items(report, "zen-egress"))
        .contains(
            "deny acl-2 inbound rule *: deny all traffic from 0.0.0.0/0 [3.1.0.0/16,"
                + " 13.1.0.0/16]",
            "allow not routed to NAT gateway nat-1: this network ACL is not on its path"
                + " [8.8.8.0/24]",
            "fix aws ec2 create-network-acl-entry --network-acl-id acl-2 --ingress --rule-number"
                + " 32766 --protocol 6 --port-range From=443,To=443 --cidr-block 10.0.1.10/32"
                + " --rule-action allow []");
    assertThat(items(report, "zen-return"))
        .contains("deny acl-2 inbound rule 110: deny tcp 1024-65535 from 3.0.0.0/8 [3.1.0.0/16]");
  }

  /** Each evidence item of a check: its verdict, rule (or first command) and destinations. */
  private static List<String> items(JsonNode report, String check) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : report.get("checks")) {
      if (!c.get("id").asText().equals(check)) {
        continue;
      }
      for (JsonNode e : c.get("evidence")) {
        String rule =
            e.get("verdict").asText().equals("fix")
                ? e.get("data").get("commands").get(0).asText()
                : e.path("rule").asText();
        List<String> dst = new ArrayList<>();
        e.path("destinations").forEach(d -> dst.add(d.asText()));
        String d = e.get("verdict").asText().equals("fix") ? "[]" : dst.toString();
        out.add(e.get("verdict").asText() + " " + rule + " " + d);
      }
    }
    return out;
  }
}
