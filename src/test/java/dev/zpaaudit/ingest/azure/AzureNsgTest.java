package dev.zpaaudit.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.cli.Main;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Azure network security groups: both JSON shapes, priority order, Azure's default rules by name,
 * service tags and application security groups left open, groups in series, and bad input.
 */
class AzureNsgTest {
  /** The rules for Azure's host node come first: the ones read from the export after them. */
  static final int HOST_NODE = AzureConversions.HOST_NODE.size();

  static final Path COMPLIANT = Path.of("sample-configs/azure/compliant");

  @Test
  void aFolderIsOneHostWithItsGroupsInSeries() throws Exception {
    Firewall fw = AzureReader.read(COMPLIANT).firewall();
    assertThat(fw.format()).isEqualTo("Azure NSG");
    assertThat(fw.attachments())
        .extracting(Attachment::point, Attachment::priority, Attachment::label)
        .containsExactlyInAnyOrder(
            tuple(Point.ORIGINATED, 0, "network security group 'connector-1-nic-nsg' outbound"),
            tuple(Point.ORIGINATED, 1, "network security group 'connectors-subnet-nsg' outbound"),
            tuple(Point.DELIVERED, 0, "network security group 'connectors-subnet-nsg' inbound"),
            tuple(Point.DELIVERED, 1, "network security group 'connector-1-nic-nsg' inbound"));
    assertThat(fw.attachments()).allMatch(a -> a.kind() == Attachment.Kind.SESSION);
  }

  @Test
  void rulesStandInPriorityOrderThenAzuresDefaultsByName() throws Exception {
    Firewall fw = AzureReader.read(COMPLIANT).firewall();
    List<String> out =
        fw.filter("connectors-subnet-nsg outbound").rules().stream().map(Rule::text).toList();
    assertThat(out)
        .containsExactly(
            "Azure's host node 168.63.129.16 (DNS, DHCP, VM agent): not subject to network"
                + " security group rules",
            "Azure's host node 169.254.169.254 (instance metadata): not subject to network security"
                + " group rules",
            "NSG 'connectors-subnet-nsg' rule 'AllowZpaOutbound' (priority 100, Outbound, Allow)",
            "NSG 'connectors-subnet-nsg' rule 'AllowDnsOutbound' (priority 110, Outbound, Allow)",
            "NSG 'connectors-subnet-nsg' rule 'DenyOtherOutbound' (priority 4000, Outbound, Deny)",
            "NSG 'connectors-subnet-nsg' default rule 'AllowVnetOutBound' (priority 65000,"
                + " Outbound, Allow)",
            "NSG 'connectors-subnet-nsg' default rule 'AllowInternetOutBound' (priority 65001,"
                + " Outbound, Allow)",
            "NSG 'connectors-subnet-nsg' default rule 'DenyAllOutBound' (priority 65500,"
                + " Outbound, Deny)");
    Rule allow = fw.filter("connectors-subnet-nsg outbound").rules().get(HOST_NODE);
    assertThat(allow.match())
        .containsExactly(
            new Condition.Proto(dev.zpaaudit.model.Bits.of(256, 6)),
            new Condition.Src(IpSet.parse("10.1.0.0/24")),
            new Condition.DstPort(PortSet.of(443)));
    assertThat(allow.location().line()).isEqualTo(8);
  }

  @Test
  void theFlattenedShapeWithPortListsAndTagsAndGroups(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path f = tmp.resolve("nsg.json");
    Files.writeString(
        f,
        """
        [{"name": "cli-nsg", "securityRules": [
          {"name": "r1", "protocol": "*", "priority": 300, "direction": "Outbound",
           "access": "Allow", "sourceAddressPrefix": "*", "sourcePortRange": "*",
           "destinationAddressPrefixes": ["Internet", "198.51.100.0/24", "2001:db8::/32"],
           "destinationPortRanges": ["443", "8000-8080"],
           "sourceApplicationSecurityGroups": [{"id": "/x/applicationSecurityGroups/connectors"}]}
        ]}]
        """);
    Rule r = AzureReader.read(f).firewall().filter("cli-nsg outbound").rules().get(HOST_NODE);
    assertThat(r.match()).hasSize(3);
    assertThat(r.match().get(0).toString()).contains("application security group 'connectors'");
    Condition.AnyOf dst = (Condition.AnyOf) r.match().get(1);
    assertThat(dst.alternatives())
        .containsExactly(
            List.of(
                new Condition.Unknown(
                    "service tag 'Internet': the addresses outside the virtual network, whose"
                        + " address space is not in the export")),
            List.of(new Condition.Dst(IpSet.parse("198.51.100.0/24"))),
            List.of(new Condition.Dst(IpSet.parse("2001:db8::/32"))));
    assertThat(r.match().get(2))
        .isEqualTo(new Condition.DstPort(PortSet.of(443).union(PortSet.range(8000, 8080))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid.json    | invalid.json:6: error: cannot parse:",
        "bad-values.json | bad-values.json:5: error: rule 'BackwardsPorts': port range '500-400'"
            + " is not one Azure accepts",
        "bomb.json       | bomb.json:1: error: cannot parse:",
      })
  void badInputIsALocatedErrorAndNothingIsWritten(String name, String first) throws Exception {
    Path f = Path.of("src/test/resources/azure/bad").resolve(name);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"audit", "--config", f.toString(), "--connector", "10.1.0.4"},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith(f.getParent() + "/" + first);
  }

  @Test
  void everyErrorOfAFileIsReportedAtOnce() {
    StringWriter err = new StringWriter();
    Main.run(
        new String[] {"audit", "--config", "src/test/resources/azure/bad/bad-values.json"},
        new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(err.toString())
        .contains("rule 'PortTooHigh': priority 5000 is outside 100-4096")
        .contains("rule 'PortTooHigh': direction 'Sideways' is neither Inbound nor Outbound")
        .contains("rule 'PortTooHigh': port range '70000' is not one Azure accepts");
  }

  @Test
  void theCorpusIsReadWithWhatItLeavesOpenCounted() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(Path.of("src/test/resources/corpus/azure"))) {
      for (Path f : files.sorted().toList()) {
        Firewall fw = AzureReader.read(f).firewall();
        long rules = fw.filters().values().stream().mapToLong(x -> x.rules().size()).sum();
        long open =
            fw.filters().values().stream()
                .flatMap(x -> x.rules().stream())
                .filter(r -> r.match().toString().contains("Unknown["))
                .count();
        sb.append(f.getFileName())
            .append(": ")
            .append(rules)
            .append(" rules, ")
            .append(open)
            .append(" with a service tag or group not in the export\n");
      }
    }
    System.out.print(sb);
    assertThat(sb.toString())
        .isEqualTo(
            """
            VM1-nsg.json: 13 rules, 4 with a service tag or group not in the export
            VM2-nsg.json: 10 rules, 4 with a service tag or group not in the export
            subnet-nsg.json: 15 rules, 4 with a service tag or group not in the export
            """);
  }
}
