package dev.zpaaudit.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What AWS would refuse, or what is not the shape describe-* prints: every error at its line. */
class AwsReaderErrorsTest {
  static List<String> errors(String json) {
    try {
      AwsReader.parse(json, "x.json");
    } catch (InputException e) {
      return e.errors().stream().map(Diagnostic::format).toList();
    }
    throw new AssertionError("read without an error");
  }

  @Test
  void eachProblemIsSaidAtItsLineAndReadingGoesOn() {
    String json =
        String.join(
            "\n",
            "{\"SecurityGroups\": [",
            " {\"GroupName\": \"no id\"},",
            " {\"GroupId\": \"sg-1\", \"IpPermissionsEgress\": [",
            "   {\"IpProtocol\": \"ospf\"},",
            "   {\"IpProtocol\": \"icmp\", \"FromPort\": 300, \"ToPort\": -1},",
            "   {\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443,",
            "    \"IpRanges\": [{\"CidrIp\": \"10.0.0.300/8\"}, {\"CidrIp\": \"::/0\"}]}]}],",
            " \"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"Entries\": [",
            "   {\"Egress\": true, \"Protocol\": \"6\", \"RuleAction\": \"allow\","
                + " \"CidrBlock\": \"0.0.0.0/0\", \"PortRange\": {\"From\": 1, \"To\": 2}},",
            "   {\"RuleNumber\": 40000, \"Protocol\": \"-1\", \"RuleAction\": \"allow\","
                + " \"CidrBlock\": \"0.0.0.0/0\"}]}],",
            " \"NetworkInterfaces\": [{\"NetworkInterfaceId\": \"eni-1\","
                + " \"PrivateIpAddresses\": [{\"PrivateIpAddress\": \"10.0.0.1/24\"}],"
                + " \"Groups\": \"sg-1\"}]",
            "}");
    assertThat(errors(json))
        .containsExactly(
            "x.json:2: error: a security group without 'GroupId'",
            "x.json:4: error: IpProtocol 'ospf' is not -1, tcp, udp, icmp, icmpv6 or a protocol"
                + " number (0 to 255)",
            "x.json:5: error: FromPort (ICMP type) 300 and ToPort (ICMP code) -1 are not -1 or 0"
                + " to 255",
            "x.json:7: error: CidrIp '10.0.0.300/8' is not a CIDR block",
            "x.json:7: error: CidrIp '::/0' is not an IPv4 block",
            "x.json:9: error: a network ACL entry without 'RuleNumber'",
            "x.json:10: error: RuleNumber 40000 is not a rule number (1 to 32766; 32767 and 32768"
                + " are the defaults)",
            "x.json:11: error: 'Groups' is not an array",
            "x.json:11: error: PrivateIpAddress '10.0.0.1/24' is not an IPv4 address");
  }

  @Test
  void aFileOfSomethingElseIsNotAnExport() {
    assertThat(AwsReader.looksLike("{\"nftables\": []}")).isFalse();
    assertThat(AwsReader.looksLike("  {\n  \"RouteTables\": []}")).isTrue();
    assertThatThrownBy(() -> AwsReader.parse("[1, 2]", "x.json"))
        .isInstanceOf(InputException.class)
        .hasMessage("x.json:1: error: expected the JSON object that aws ec2 describe-* prints");
  }

  @Test
  void keysNotReadAndACutOutputAreSaid() throws Exception {
    AwsReader.Result r =
        AwsReader.parse(
            "{\"SecurityGroups\": [],\n \"NextToken\": \"abc\",\n \"InternetGateways\": []}",
            "x.json");
    assertThat(r.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "x.json:2: warning: the output was cut short (NextToken): run the command without"
                + " --max-items or --page-size limits, so it lists everything",
            "x.json:3: warning: not read: 'InternetGateways'");
  }
}
