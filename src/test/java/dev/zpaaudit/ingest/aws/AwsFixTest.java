package dev.zpaaudit.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.ingest.FixRoundTrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS commands that fix a failed zen-egress: applied to the exported JSON as AWS would apply
 * them (a permission added to the group, an entry to the network ACL), they make the re-audit pass.
 */
class AwsFixTest {
  private static final Path SAMPLE = Path.of("sample-configs/aws/non-compliant");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern GROUP =
      Pattern.compile(
          "^aws ec2 authorize-security-group-egress --group-id (\\S+) --ip-permissions"
              + " 'IpProtocol=(\\w+),FromPort=(\\d+),ToPort=(\\d+),IpRanges=\\[(.*)\\]'$");
  private static final Pattern ACL =
      Pattern.compile(
          "^aws ec2 create-network-acl-entry --network-acl-id (\\S+) --egress --rule-number (\\d+)"
              + " --protocol (\\d+) --port-range From=(\\d+),To=(\\d+) --cidr-block (\\S+)"
              + " --rule-action allow$");

  @Test
  void theCommandsAppliedMakeTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE);
    assertThat(FixRoundTrip.status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = FixRoundTrip.commands(before);
    assertThat(commands)
        .containsExactly(
            "aws ec2 authorize-security-group-egress --group-id sg-0c0ffee0000000f01"
                + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=["
                + "{CidrIp=8.25.203.0/24,Description=zpa-published-range},"
                + "{CidrIp=13.126.9.75/32,Description=zpa-published-range},"
                + "{CidrIp=58.220.95.0/24,Description=zpa-published-range},"
                + "{CidrIp=87.58.64.0/18,Description=zpa-published-range},"
                + "{CidrIp=98.98.186.0/23,Description=zpa-published-range},"
                + "{CidrIp=101.2.202.0/23,Description=zpa-published-range}]'",
            "aws ec2 create-network-acl-entry --network-acl-id acl-0c0ffee0000000001 --egress"
                + " --rule-number 89 --protocol 6 --port-range From=443,To=443 --cidr-block"
                + " 3.6.8.246/32 --rule-action allow");
    Path fixed = copy(tmp.resolve("fixed"));
    for (String c : commands) {
      apply(fixed, c);
    }
    JsonNode after = audit(fixed);
    assertThat(FixRoundTrip.status(after, "zen-egress")).isEqualTo("pass");
    assertThat(FixRoundTrip.commands(after)).isEmpty();
  }

  @Test
  void networkAclEntriesTakeFreeNumbersBelowTheFirstDenyingOne() throws Exception {
    dev.zpaaudit.model.Firewall fw = AwsFixtures.firewall("acls.json", "10.0.1.10");
    dev.zpaaudit.model.Allowance a =
        new dev.zpaaudit.model.Allowance(
            dev.zpaaudit.model.AddressFamily.IPV4,
            "network ACL acl-1, outbound",
            List.of(),
            List.of("3.6.0.0/16", "3.7.0.0/16"),
            6,
            443,
            null,
            null,
            List.of("acl-1 'connectors' outbound rule 101: deny tcp 443 to 3.6.0.0/15"));
    assertThat(AwsFix.commands(fw, a))
        .containsExactly(
            "aws ec2 create-network-acl-entry --network-acl-id acl-1 --egress --rule-number 99"
                + " --protocol 6 --port-range From=443,To=443 --cidr-block 3.6.0.0/16"
                + " --rule-action allow",
            "aws ec2 create-network-acl-entry --network-acl-id acl-1 --egress --rule-number 98"
                + " --protocol 6 --port-range From=443,To=443 --cidr-block 3.7.0.0/16"
                + " --rule-action allow");
  }

  @Test
  void anIpv6BlockIsAnIpv6Range() throws Exception {
    dev.zpaaudit.model.Firewall fw = AwsFixtures.firewall("acls.json", "10.0.1.10");
    dev.zpaaudit.model.Allowance a =
        new dev.zpaaudit.model.Allowance(
            dev.zpaaudit.model.AddressFamily.IPV6,
            "security groups sg-1, outbound",
            List.of(),
            List.of("2001:db8::/32"),
            6,
            443,
            null,
            null,
            List.of());
    assertThat(AwsFix.commands(fw, a))
        .containsExactly(
            "aws ec2 authorize-security-group-egress --group-id sg-1 --ip-permissions"
                + " 'IpProtocol=tcp,FromPort=443,ToPort=443,Ipv6Ranges=[{CidrIpv6=2001:db8::/32,"
                + "Description=zpa-published-range}]'");
  }

  @Test
  void moreBlocksThanAGroupHoldsAllowThePortToAnyAddressSayingSo() throws Exception {
    dev.zpaaudit.model.Firewall fw = AwsFixtures.firewall("acls.json", "10.0.1.10");
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < 61; i++) {
      blocks.add("198.51." + i + ".0/24");
    }
    dev.zpaaudit.model.Allowance a =
        new dev.zpaaudit.model.Allowance(
            dev.zpaaudit.model.AddressFamily.IPV4,
            "security groups sg-1, outbound",
            List.of(),
            blocks,
            6,
            443,
            null,
            null,
            List.of());
    assertThat(AwsFix.commands(fw, a))
        .containsExactly(
            "# 61 blocks are more than the 60 rules a security group holds each way by default:"
                + " this allows the port to any address instead",
            "aws ec2 authorize-security-group-egress --group-id sg-1 --ip-permissions"
                + " 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0,"
                + "Description=zpa-published-range}]'");
  }

  @Test
  void moreEntriesThanANetworkAclHoldsAreSaid() throws Exception {
    dev.zpaaudit.model.Firewall fw = AwsFixtures.firewall("acls.json", "10.0.1.10");
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      blocks.add("198.51." + i + ".0/24");
    }
    dev.zpaaudit.model.Allowance a =
        new dev.zpaaudit.model.Allowance(
            dev.zpaaudit.model.AddressFamily.IPV4,
            "network ACL acl-1, outbound",
            List.of(),
            blocks,
            6,
            443,
            null,
            null,
            List.of("acl-1 'connectors' outbound rule 100: deny tcp 443 to 3.6.0.0/15"));
    List<String> commands = AwsFix.commands(fw, a);
    assertThat(commands).hasSize(20);
    assertThat(commands.get(0))
        .isEqualTo(
            "# 21 outbound entries are more than the 20 a network ACL holds each way by default"
                + " (its quota can be raised to 40)");
    assertThat(commands.get(19)).contains("--rule-number 81 ");
  }

  private static Path copy(Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(SAMPLE)) {
      for (Path f : s.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  /** Applies one command to the exported JSON, as AWS would to the resource. */
  private static void apply(Path dir, String command) throws Exception {
    Matcher g = GROUP.matcher(command);
    Matcher a = ACL.matcher(command);
    if (g.matches()) {
      Path f = dir.resolve("SecurityGroups.json");
      JsonNode root = JSON.readTree(f.toFile());
      for (JsonNode sg : root.get("SecurityGroups")) {
        if (sg.get("GroupId").asText().equals(g.group(1))) {
          ObjectNode p = ((ArrayNode) sg.get("IpPermissionsEgress")).addObject();
          p.put("IpProtocol", g.group(2));
          p.put("FromPort", Integer.parseInt(g.group(3)));
          p.put("ToPort", Integer.parseInt(g.group(4)));
          ArrayNode ranges = p.putArray("IpRanges");
          Matcher r =
              Pattern.compile("\\{CidrIp=([^,]+),Description=([^}]+)\\}").matcher(g.group(5));
          while (r.find()) {
            ranges.addObject().put("CidrIp", r.group(1)).put("Description", r.group(2));
          }
        }
      }
      JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), root);
    } else if (a.matches()) {
      Path f = dir.resolve("NetworkAcls.json");
      JsonNode root = JSON.readTree(f.toFile());
      for (JsonNode acl : root.get("NetworkAcls")) {
        if (acl.get("NetworkAclId").asText().equals(a.group(1))) {
          ObjectNode e = ((ArrayNode) acl.get("Entries")).addObject();
          e.put("CidrBlock", a.group(6));
          e.put("Egress", true);
          e.putObject("PortRange")
              .put("From", Integer.parseInt(a.group(4)))
              .put("To", Integer.parseInt(a.group(5)));
          e.put("Protocol", a.group(3));
          e.put("RuleAction", "allow");
          e.put("RuleNumber", Integer.parseInt(a.group(2)));
        }
      }
      JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), root);
    } else {
      throw new AssertionError("not a command this test applies: " + command);
    }
  }

  private static JsonNode audit(Path config) throws Exception {
    return FixRoundTrip.audit(config.toString(), "10.0.1.10", "10.0.0.2");
  }
}
