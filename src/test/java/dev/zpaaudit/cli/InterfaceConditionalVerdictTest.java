package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.Audits.DIR;
import static dev.zpaaudit.cli.Audits.audit;
import static dev.zpaaudit.cli.Audits.check;
import static dev.zpaaudit.cli.Audits.ranges;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A verdict that depends on an interface the user did not name is not a denial: the ranges are
 * indeterminate, the reason names the interface and the rule, and the option to give is suggested.
 */
class InterfaceConditionalVerdictTest {
  static final String RANGES = DIR + "ranges.txt";
  static final String HOST_ETH0 = DIR + "host-eth0.rules";
  static final String GW = "src/test/resources/families/gw.rules";

  static List<String> args(String... more) {
    List<String> a = new ArrayList<>(List.of("--ranges", RANGES));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void aHostThatAllowsOnlyOneInterfaceIsNotDeniedWhenNoneWasNamed() {
    JsonNode report = audit(args("--config", HOST_ETH0, "--connector", "10.0.0.10"));
    JsonNode egress = check(report, "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("indeterminate");
    assertThat(egress.get("summary").asText())
        .contains(
            "0 denied, 0 partly denied, 2 indeterminate (2 depend on an interface not named)");
    String reason =
        "allowed only when leaving by eth0 ("
            + HOST_ETH0
            + ":8); name the interface with --out-interface eth0";
    for (JsonNode r : ranges(egress).values()) {
      assertThat(r.get("status").asText()).isEqualTo("indeterminate");
      assertThat(r.get("reason").asText()).isEqualTo(reason);
    }
    JsonNode first = egress.get("evidence").get(0);
    assertThat(first.get("verdict").asText()).isEqualTo("indeterminate");
    assertThat(first.get("line").asInt()).isEqualTo(8);
    assertThat(first.at("/data/options/0").asText()).isEqualTo("--out-interface eth0");
    assertThat(first.get("destinations").toString())
        .isEqualTo("[\"8.25.203.0/24\",\"58.220.95.0/24\"]");
    // The policy's denial says which interfaces it concerns.
    assertThat(egress.toString())
        .contains("denied: new packets leaving by any interface but eth0 stopped by DROP");
  }

  @Test
  void namingTheInterfaceGivesADefiniteVerdict() {
    JsonNode eth0 =
        audit(args("--config", HOST_ETH0, "--connector", "10.0.0.10", "--out-interface", "eth0"));
    assertThat(check(eth0, "zen-egress").get("status").asText()).isEqualTo("pass");
    JsonNode eth1 =
        audit(args("--config", HOST_ETH0, "--connector", "10.0.0.10", "--out-interface", "eth1"));
    JsonNode egress = check(eth1, "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("fail");
    assertThat(ranges(egress).values())
        .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("denied"));
  }

  @Test
  void aGatewayWithoutInterfacesNamesBoth() {
    JsonNode report =
        audit(args("--config", GW, "--chain", "FORWARD", "--connector", "10.1.0.0/24"));
    JsonNode egress = check(report, "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("indeterminate");
    for (JsonNode r : ranges(egress).values()) {
      assertThat(r.get("reason").asText())
          .isEqualTo(
              "allowed only when arriving by eth1 and leaving by eth0 ("
                  + GW
                  + ":7); name the interfaces with --in-interface eth1 --out-interface eth0");
    }
    // Replies are let through by connection tracking on every interface.
    assertThat(check(report, "zen-return").get("status").asText()).isEqualTo("pass");
    JsonNode half =
        audit(
            args(
                "--config",
                GW,
                "--chain",
                "FORWARD",
                "--in-interface",
                "eth1",
                "--connector",
                "10.1.0.0/24"));
    assertThat(ranges(check(half, "zen-egress")).get("8.25.203.0/24").get("reason").asText())
        .isEqualTo(
            "allowed only when leaving by eth0 ("
                + GW
                + ":7); name the interface with --out-interface eth0");
  }

  @Test
  void repliesAllowedOnlyByOneInterfaceSaySo() {
    String rules = DIR + "host-reply-eth0.rules";
    JsonNode report = audit(args("--config", rules, "--connector", "10.0.0.10"));
    JsonNode ret = check(report, "zen-return");
    assertThat(ret.get("status").asText()).isEqualTo("indeterminate");
    assertThat(ranges(ret).get("58.220.95.0/24").get("reason").asText())
        .isEqualTo(
            "allowed only when arriving by eth0 ("
                + rules
                + ":7); name the interface with --out-interface eth0");
  }

  @Test
  void partOfARangeDeniedEverywhereIsStillAFailure() {
    String rules = DIR + "host-partial-eth0.rules";
    JsonNode egress =
        check(audit(args("--config", rules, "--connector", "10.0.0.10")), "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("fail");
    Map<String, JsonNode> r = ranges(egress);
    assertThat(r.get("8.25.203.0/24").get("status").asText()).isEqualTo("partial");
    assertThat(r.get("8.25.203.0/24").get("reason").asText())
        .startsWith("8.25.203.128/25: allowed only when leaving by eth0 (" + rules + ":9)");
    assertThat(r.get("58.220.95.0/24").get("status").asText()).isEqualTo("indeterminate");
  }

  @Test
  void devicesInSeriesEachChooseTheirOwnInterface() {
    String eth1 = DIR + "host-eth1.rules";
    JsonNode egress =
        check(
            audit(args("--config", HOST_ETH0, "--config", eth1, "--connector", "10.0.0.10")),
            "zen-egress");
    // Each device lets the traffic out by one of its interfaces: not denied, but one
    // --out-interface cannot name both, so none is suggested.
    assertThat(egress.get("status").asText()).isEqualTo("indeterminate");
    assertThat(ranges(egress).get("8.25.203.0/24").get("reason").asText())
        .isEqualTo(
            "allowed only when leaving by eth0 at "
                + HOST_ETH0
                + " ("
                + HOST_ETH0
                + ":8), and when leaving by eth1 at "
                + eth1
                + " ("
                + eth1
                + ":7)");
    // Named, the one interface is denied by one device or the other.
    JsonNode named =
        check(
            audit(
                args(
                    "--config",
                    HOST_ETH0,
                    "--config",
                    eth1,
                    "--connector",
                    "10.0.0.10",
                    "--out-interface",
                    "eth0")),
            "zen-egress");
    assertThat(named.get("status").asText()).isEqualTo("fail");
  }

  @Test
  void dnsAllowedOnlyByOneInterfaceIsNotAFailure() {
    String rules = DIR + "host-eth0.rules";
    JsonNode dns =
        check(
            audit(args("--config", rules, "--connector", "10.0.0.10", "--resolver", "10.0.0.53")),
            "dns-egress");
    // TCP 443 only, so DNS is denied on every interface: a definite failure.
    assertThat(dns.get("status").asText()).isEqualTo("fail");
    String dnsRules = DIR + "host-dns-eth0.rules";
    JsonNode cond =
        check(
            audit(
                args("--config", dnsRules, "--connector", "10.0.0.10", "--resolver", "10.0.0.53")),
            "dns-egress");
    assertThat(cond.get("status").asText()).isEqualTo("indeterminate");
    assertThat(cond.get("evidence").get(0).get("message").asText())
        .contains("allowed only when leaving by eth0");
  }

  @Test
  void explainSaysWhyItPrintsSeveralOutcomes() {
    Audits.Run r =
        Audits.run("explain", "--config", HOST_ETH0, "--src", "10.0.0.10", "--dst", "8.25.203.1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "verdict: indeterminate\n"
                + "placement: OUTPUT (connector host)\n"
                + "the verdict depends on the interface the packets leave by, which"
                + " --out-interface did not name: allowed only when leaving by eth0 ("
                + HOST_ETH0
                + ":8); name the interface with --out-interface eth0\n")
        .contains(
            HOST_ETH0 + ": deny (source ports 1024-65535, leaving by any interface but eth0)\n",
            HOST_ETH0 + ": allow (source ports 1024-65535, leaving by eth0)\n");
    Audits.Run named =
        Audits.run(
            "explain",
            "--config",
            HOST_ETH0,
            "--out-interface",
            "eth0",
            "--src",
            "10.0.0.10",
            "--dst",
            "8.25.203.1",
            "--format",
            "json");
    assertThat(named.code()).isZero();
    assertThat(named.json().get("dependsOn").isNull()).isTrue();
    Audits.Run ports =
        Audits.run(
            "explain",
            "--config",
            DIR + "host-sport.rules",
            "--src",
            "10.0.0.10",
            "--dst",
            "8.25.203.1");
    assertThat(ports.out())
        .startsWith(
            "verdict: deny\n"
                + "placement: OUTPUT (connector host)\n"
                + "the verdict depends on the source port, which --sport did not name\n");
  }
}
