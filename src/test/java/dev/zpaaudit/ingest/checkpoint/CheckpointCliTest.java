package dev.zpaaudit.ingest.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A Check Point export through the command line: its layer sits on forwarded traffic between any
 * two interfaces (its rules test none), so naming an interface or another chain is refused, and a
 * flow is explained by the rule that decides it.
 */
class CheckpointCliTest {
  static final String SAMPLE = "sample-configs/checkpoint/non-compliant";
  static final String RANGES = "src/test/resources/golden/ranges-panos.txt";

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theLayerSitsOnForwardedTrafficBetweenAnyInterfaces() {
    Run r = run("audit", "--config", SAMPLE, "--ranges", RANGES, "--connector", "10.20.0.0/24");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "input: sample-configs/checkpoint/non-compliant (Check Point layer 'Network')\n"
                + "placement: FORWARD (gateway: in any, out any)\n"
                + "in interface: any (the rules of sample-configs/checkpoint/non-compliant test no\n"
                + "  interface)\n");
  }

  @Test
  void aFlowIsExplainedByTheRuleThatDecidesIt() {
    Run r =
        run(
            "explain",
            "--config",
            SAMPLE,
            "--src",
            "10.20.0.5",
            "--dst",
            "3.6.8.246",
            "--proto",
            "tcp",
            "--dport",
            "443");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "verdict: deny\n"
                + "placement: FORWARD (gateway: in any, out any)\n"
                + "\n"
                + SAMPLE
                + ": deny (source ports 1024-65535)\n"
                + "  "
                + SAMPLE
                + "/show-access-rulebase.json:10  [access layer 'Network'] rule 1"
                + " 'block-aws-india': source Any; destination aws-india; service Any; action"
                + " Drop\n");
  }

  @Test
  void anInterfaceIsRefusedForRulesThatTestNone() {
    Run r = run("audit", "--config", SAMPLE, "--in-interface", "eth1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: --in-interface eth1: the rules of "
                + SAMPLE
                + " test no interface, so they apply between any two: leave it out\n");
    r = run("audit", "--config", SAMPLE + "@FORWARD:eth1:eth0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: interface 'eth1': the rules of "
                + SAMPLE
                + " test no interface, so they apply between any two: name none\n");
  }

  @Test
  void anotherChainIsRefused() {
    Run r = run("audit", "--config", SAMPLE, "--chain", "OUTPUT");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: --chain OUTPUT does not apply to a network firewall: it forwards the"
                + " connectors' traffic (--chain FORWARD, the default for it)\n");
  }
}
