package dev.zpaaudit.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** explain through an EC2 export: every rule on the path, security group then network ACL. */
class AwsExplainCliTest {
  static final String SAMPLE = "sample-configs/aws/non-compliant";

  static String explain(String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "explain", "--config", SAMPLE, "--src", "10.0.1.10", "--dst", "3.6.8.246"));
    args.addAll(java.util.List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isIn(0, 1);
    return out.toString();
  }

  @Test
  void theSourceNamesTheConnectorsInterfaceWhenNoConnectorIsGiven() {
    String text = explain("--dport", "443");
    assertThat(text)
        .startsWith("verdict: deny\n")
        .contains(
            SAMPLE
                + "/SecurityGroups.json:42  [security groups sg-0c0ffee0000000f01, outbound]"
                + " sg-0c0ffee0000000f01 'zpa-connectors' outbound rule 2: tcp 443 to 3.0.0.0/8"
                + " ('partner APIs')\n")
        .contains(
            SAMPLE
                + "/NetworkAcls.json:12  [network ACL acl-0c0ffee0000000001, outbound]"
                + " acl-0c0ffee0000000001 'connectors' outbound rule 90: deny tcp 443 to"
                + " 3.6.0.0/15\n");
    assertThat(explain("--dport", "443", "--connector", "10.0.1.10")).isEqualTo(text);
  }

  @Test
  void aReplyCrossesTheNetworkAclAndNotTheGroups() {
    assertThat(explain("--dport", "443", "--state", "reply"))
        .startsWith("verdict: allow\n")
        .contains("'connectors' inbound rule 100: allow tcp 1024-65535 from 0.0.0.0/0")
        .doesNotContain("sg-0c0ffee0000000f01");
  }
}
