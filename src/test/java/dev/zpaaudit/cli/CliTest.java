package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  static final String HOST = "sample-configs/iptables/host-compliant.rules";
  static final String NO_RETURN = "sample-configs/iptables/host-no-return.rules";
  static final String GW = "sample-configs/iptables/gateway-shadowed.rules";

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("audit", "explain", "probe", "size", "host", "Exit codes");
    Run a = run("audit", "--help");
    assertThat(a.out())
        .contains(
            "--config",
            "--connector",
            "--ranges",
            "--chain",
            "--in-interface",
            "--out-interface",
            "--resolver",
            "--format",
            "--output",
            "--fail-on",
            "--hosts");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("audit", "--no-such-flag").code()).isEqualTo(2);
    Run none = run("audit");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("give at least one --config");
    assertThat(run("audit", "--config", HOST, "--fail-on", "bogus").err())
        .contains("unknown severity 'bogus'");
    assertThat(run("audit", "--config", HOST, "--chain", "PREROUTING").code()).isEqualTo(2);
    assertThat(run("audit", "--config", HOST, "--connector", "10.0.0.300").err())
        .contains("--connector '10.0.0.300' is not an address or CIDR");
  }

  @Test
  void aMissingFileNamesItself() {
    Run r = run("audit", "--config", "no/such.rules");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("no/such.rules: error: no such file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void passingAuditExitsZeroAndFailingOneUnlessBelowTheThreshold() {
    assertThat(run("audit", "--config", HOST, "--connector", "10.0.0.10").code()).isZero();
    assertThat(run("audit", "--config", NO_RETURN, "--connector", "10.0.0.10").code()).isEqualTo(1);
    // zen-return is critical: a threshold of critical still gates it.
    assertThat(run("audit", "--config", NO_RETURN, "--fail-on", "critical").code()).isEqualTo(1);
    // dns-egress is high: a critical threshold does not gate its failure alone.
    Run dns = run("audit", "--config", HOST, "--resolver", "10.9.9.9", "--fail-on", "critical");
    assertThat(dns.out()).contains("FAIL          dns-egress");
    assertThat(dns.code()).isZero();
  }

  @Test
  void outputDirectoryGetsEveryFormat(@TempDir Path dir) throws Exception {
    Run r = run("audit", "--config", HOST, "--output", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("report.txt")).exists();
    assertThat(Files.readString(dir.resolve("report.json")))
        .contains("\"schema\" : \"zpa-audit/report/v1\"");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "report.txt",
              "report.json",
              "report.sarif",
              "report.junit.xml",
              "report.md",
              "report.csv",
              "report.html");
    }
  }

  @Test
  void badInputWritesNothing(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.rules");
    Files.writeString(
        bad, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.0.0.0/33 -j ACCEPT\nCOMMIT\n");
    Path out = dir.resolve("out");
    Run r = run("audit", "--config", bad.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(bad + ":3: error: -s: '10.0.0.0/33' is not an IPv4 address or network");
    assertThat(out).doesNotExist();
  }

  @Test
  void severalFormatsNeedAnOutputDirectory() {
    Run r = run("audit", "--config", HOST, "--format", "text,json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("several --format values need --output DIR");
  }

  @Test
  void explainShowsTheVerdictAndTheTrace() {
    Run denied =
        run(
            "explain",
            "--config",
            GW,
            "--chain",
            "FORWARD",
            "--in-interface",
            "eth1",
            "--out-interface",
            "eth0",
            "--src",
            "10.1.0.5",
            "--dst",
            "58.220.95.10",
            "--dport",
            "443");
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.out())
        .startsWith("verdict: deny\n")
        .contains(GW + ":11  [filter/FORWARD] -A FORWARD -i eth1 -o eth0 -j BLOCKLIST")
        .contains(GW + ":15  [filter/FORWARD] -A BLOCKLIST -d 58.220.95.0/24");
    Run allowed =
        run(
            "explain",
            "--config",
            GW,
            "--chain",
            "FORWARD",
            "--in-interface",
            "eth1",
            "--out-interface",
            "eth0",
            "--src",
            "10.1.0.5",
            "--dst",
            "8.25.203.1",
            "--format",
            "json");
    assertThat(allowed.code()).isZero();
    assertThat(allowed.out()).contains("\"verdict\" : \"allow\"", "\"line\" : 12");
    Run reply =
        run(
            "explain",
            "--config",
            NO_RETURN,
            "--src",
            "10.0.0.10",
            "--dst",
            "8.25.203.1",
            "--state",
            "reply");
    assertThat(reply.code()).isEqualTo(1);
    assertThat(reply.out()).contains(":4  [filter/INPUT] :INPUT DROP (policy of filter/INPUT)");
  }

  @Test
  void auditHostsAloneOrWithExports() {
    String inv = "src/test/resources/hosts/inventories/";
    Run pass = run("audit", "--hosts", inv + "pass.yaml");
    assertThat(pass.code()).isZero();
    assertThat(pass.out())
        .contains("PASS          host-memory", "PASS          provisioning-key")
        .doesNotContain("zen-egress");
    Run both =
        run(
            "audit",
            "--hosts",
            inv + "fail.yaml",
            "--config",
            HOST,
            "--connector",
            "10.0.0.10",
            "--format",
            "json");
    assertThat(both.code()).isEqualTo(1);
    assertThat(both.out())
        .contains("\"id\" : \"zen-egress\"", "\"id\" : \"host-cpu\"", "\"format\" : \"inventory\"");
    Run bad = run("audit", "--hosts", inv + "bad-platform.csv");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("bad-platform.csv:3: error: unknown platform 'openstack'");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void explainKnowsWhatAuditKnowsAboutPublishedAddresses(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("addrtype.rules");
    Files.writeString(
        rules,
        "*filter\n:FORWARD DROP [0:0]\n"
            + "-A FORWARD -m addrtype --dst-type LOCAL -j DROP\n"
            + "-A FORWARD -p tcp -m tcp --dport 443 -j ACCEPT\nCOMMIT\n");
    // A published address is a unicast destination, never a local one: exact in both commands.
    Run audit = run("audit", "--config", rules.toString(), "--chain", "FORWARD");
    assertThat(audit.out()).contains("PASS          zen-egress");
    Run explain =
        run(
            "explain",
            "--config",
            rules.toString(),
            "--chain",
            "FORWARD",
            "--src",
            "10.1.0.5",
            "--dst",
            "8.25.203.1");
    assertThat(explain.out()).startsWith("verdict: allow\n");
    assertThat(explain.code()).isZero();
    // An address outside the published ranges may be local to the gateway: not known.
    Run other =
        run(
            "explain",
            "--config",
            rules.toString(),
            "--chain",
            "FORWARD",
            "--src",
            "10.1.0.5",
            "--dst",
            "192.0.2.1");
    assertThat(other.out()).startsWith("verdict: indeterminate\n");
  }
}
