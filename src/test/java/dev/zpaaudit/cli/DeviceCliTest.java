package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One device exported as several files, one per address family ({@code --config
 * host.rules,host.rules6}): each family is judged by its own export, and verdicts name that
 * export's rules. Separate {@code --config} options stay filters in series.
 */
class DeviceCliTest {
  static final String DIR = "src/test/resources/families/";
  static final String V4 = DIR + "host.rules";
  static final String V6 = DIR + "host.rules6";
  static final String V6_MISSING = DIR + "host-missing.rules6";
  static final String RANGES = DIR + "ranges.txt";
  static final String[] HOST = {
    "--ranges", RANGES, "--connector", "10.0.0.10", "--connector", "2001:db8:1::10"
  };
  static final String[] GATEWAY = {
    "--ranges",
    RANGES,
    "--chain",
    "FORWARD",
    "--in-interface",
    "eth1",
    "--out-interface",
    "eth0",
    "--connector",
    "10.1.0.0/24",
    "--connector",
    "2001:db8:1::/64"
  };

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  static Run run(String[] fixed, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(fixed));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static JsonNode check(JsonNode report, String id) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id);
  }

  /** Per published range: "range status file:line,..." with the rules that decided it. */
  static List<String> perRange(JsonNode check) {
    JsonNode ev = check.get("evidence");
    List<String> out = new ArrayList<>();
    for (JsonNode r : ev.get(ev.size() - 1).at("/data/ranges")) {
      String status = r.get("status").asText();
      String by =
          switch (status) {
            case "allowed" -> "allowBy";
            case "denied" -> "denyBy";
            default -> "indeterminateBy";
          };
      List<String> rules = new ArrayList<>();
      r.get(by).forEach(x -> rules.add(x.asText()));
      out.add(r.get("range").asText() + " " + status + " " + String.join(",", rules));
    }
    return out;
  }

  @Test
  void theTwoHalvesOfOneHostPassForBothFamilies() throws Exception {
    Run r =
        run(
            HOST,
            "audit",
            "--config",
            V4 + "," + V6,
            "--resolver",
            "10.0.0.53",
            "--format",
            "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode report = r.json();
    assertThat(report.get("status").asText()).isEqualTo("pass");
    JsonNode egress = check(report, "zen-egress");
    assertThat(egress.get("uncovered")).isEmpty();
    assertThat(perRange(egress))
        .containsExactly(
            "8.25.203.0/24 allowed " + V4 + ":9," + V4 + ":10",
            "58.220.95.0/24 allowed " + V4 + ":9," + V4 + ":10",
            "2001:db8:a::/48 allowed " + V6 + ":10," + V6 + ":12",
            "2001:db8:b::/48 allowed " + V6 + ":10," + V6 + ":12");
    assertThat(perRange(check(report, "zen-return")))
        .containsExactly(
            "8.25.203.0/24 allowed " + V4 + ":7",
            "58.220.95.0/24 allowed " + V4 + ":7",
            "2001:db8:a::/48 allowed " + V6 + ":7",
            "2001:db8:b::/48 allowed " + V6 + ":7");
    assertThat(check(report, "dns-egress").get("status").asText()).isEqualTo("pass");
    // Both files are inputs of device 1, each with the family it judges.
    assertThat(report.get("inputs").toString())
        .isEqualTo(
            "[{\"file\":\""
                + V4
                + "\",\"format\":\"iptables-save\",\"device\":1,\"families\":[4]},"
                + "{\"file\":\""
                + V6
                + "\",\"format\":\"ip6tables-save\",\"device\":1,\"families\":[6]}]");
    Run text = run(HOST, "audit", "--config", V4 + "," + V6);
    assertThat(text.out())
        .contains(
            "input: " + V4 + " (iptables-save)\n",
            "input: " + V6 + " (ip6tables-save)\n",
            "device: " + V4 + " (IPv4) +\n  " + V6 + " (IPv6)\n");
  }

  @Test
  void theSameFilesAsTwoConfigsAreTwoFiltersAndJudgeNothingWhole() throws Exception {
    // What --config host.rules --config host.rules6 still means: each leaves the other family open.
    Run r = run(HOST, "audit", "--config", V4, "--config", V6, "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode egress = check(r.json(), "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("indeterminate");
    assertThat(perRange(egress)).extracting(s -> s.split(" ")[1]).containsOnly("indeterminate");
  }

  @Test
  void aMissingIpv6AllowFailsExactlyThatRangeWithTheIpv6Rule() throws Exception {
    Run r = run(HOST, "audit", "--config", V4 + "," + V6_MISSING, "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    JsonNode egress = check(r.json(), "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("fail");
    assertThat(egress.get("uncovered"))
        .extracting(JsonNode::asText)
        .containsExactly("2001:db8:b::/48");
    assertThat(perRange(egress))
        .containsExactly(
            "8.25.203.0/24 allowed " + V4 + ":9," + V4 + ":10",
            "58.220.95.0/24 allowed " + V4 + ":9," + V4 + ":10",
            "2001:db8:a::/48 allowed " + V6_MISSING + ":10," + V6_MISSING + ":11",
            "2001:db8:b::/48 denied " + V6_MISSING + ":12");
    JsonNode deny = egress.get("evidence").get(0);
    assertThat(deny.get("verdict").asText()).isEqualTo("deny");
    assertThat(deny.get("file").asText()).isEqualTo(V6_MISSING);
    assertThat(deny.get("line").asInt()).isEqualTo(12);
    assertThat(deny.get("rule").asText()).isEqualTo("-A OUTPUT -p tcp -m tcp --dport 443 -j DROP");
    assertThat(deny.get("destinations"))
        .extracting(JsonNode::asText)
        .containsExactly("2001:db8:b::/48");
    assertThat(deny.get("sources"))
        .extracting(JsonNode::asText)
        .containsExactly("2001:db8:1::10/128");
    assertThat(check(r.json(), "zen-return").get("status").asText()).isEqualTo("pass");
  }

  @Test
  void aDeviceWithOnlyItsIpv4FileLeavesIpv6RangesIndeterminate() throws Exception {
    Run r = run(HOST, "audit", "--config", V4, "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode egress = check(r.json(), "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("indeterminate");
    assertThat(egress.get("uncovered"))
        .extracting(JsonNode::asText)
        .containsExactly("2001:db8:a::/47");
    assertThat(perRange(egress))
        .containsExactly(
            "8.25.203.0/24 allowed " + V4 + ":9," + V4 + ":10",
            "58.220.95.0/24 allowed " + V4 + ":9," + V4 + ":10",
            "2001:db8:a::/48 indeterminate (no rule on the path)",
            "2001:db8:b::/48 indeterminate (no rule on the path)");
    JsonNode unknown = egress.get("evidence").get(0);
    assertThat(unknown.get("verdict").asText()).isEqualTo("indeterminate");
    assertThat(unknown.get("message").asText())
        .endsWith("iptables-save export " + V4 + " has no rules for IPv6 traffic");
  }

  @Test
  void twoExportsOfOneFamilyInOneConfigAreAUsageError() {
    String other = DIR + "gw.rules";
    Run r = run(HOST, "audit", "--config", V4 + "," + other);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: --config "
                + V4
                + ","
                + other
                + ": iptables-save export "
                + V4
                + " and iptables-save export "
                + other
                + " both have rules for IPv4 traffic; the exports of one device must cover"
                + " different address families (filters in series are separate --config"
                + " options)\n");
    Run inet =
        run(
            HOST,
            "explain",
            "--config",
            DIR + "edge.json," + V6,
            "--src",
            "10.0.0.10",
            "--dst",
            "8.25.203.1");
    assertThat(inet.code()).isEqualTo(2);
    assertThat(inet.out()).isEmpty();
    assertThat(inet.err())
        .contains(
            "nftables-json export "
                + DIR
                + "edge.json and ip6tables-save export "
                + V6
                + " both have rules for IPv6 traffic");
    Run empty = run(HOST, "audit", "--config", V4 + ",");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).isEqualTo("zpa-audit: --config '" + V4 + ",' has an empty file name\n");
  }

  @Test
  void aDeviceAndAGatewayAreFiltersInSeries() throws Exception {
    String gw = DIR + "gw.rules," + DIR + "gw.rules6";
    String edge = DIR + "edge.json";
    Run r = run(GATEWAY, "audit", "--config", gw, "--config", edge, "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    JsonNode report = r.json();
    JsonNode egress = check(report, "zen-egress");
    // Allowed only where both the device (by its export of the family) and the edge allow.
    assertThat(egress.get("uncovered"))
        .extracting(JsonNode::asText)
        .containsExactly("58.220.95.0/24", "2001:db8:b::/48");
    // Each range is allowed by the edge's policy and the rules of the device's export of its
    // family (established and new packets); the edge alone denies.
    assertThat(perRange(egress))
        .containsExactly(
            "8.25.203.0/24 allowed " + edge + ":18," + DIR + "gw.rules:6," + DIR + "gw.rules:7",
            "58.220.95.0/24 denied " + edge + ":30",
            "2001:db8:a::/48 allowed " + edge + ":18," + DIR + "gw.rules6:6," + DIR + "gw.rules6:7",
            "2001:db8:b::/48 denied " + edge + ":72");
    assertThat(check(report, "zen-return").get("status").asText()).isEqualTo("pass");
    assertThat(report.get("inputs"))
        .extracting(i -> i.get("file").asText() + " " + i.get("device") + " " + i.get("families"))
        .containsExactly(
            DIR + "gw.rules 1 [4]", DIR + "gw.rules6 1 [6]", DIR + "edge.json 2 [4,6]");
    // A second filter without IPv6 rules still leaves the IPv6 ranges open, whatever the device
    // says.
    Run v4only =
        run(GATEWAY, "audit", "--config", gw, "--config", DIR + "gw.rules", "--format", "json");
    JsonNode e2 = check(v4only.json(), "zen-egress");
    assertThat(e2.get("status").asText()).isEqualTo("indeterminate");
    assertThat(perRange(e2))
        .extracting(s -> s.split(" ")[0] + " " + s.split(" ")[1])
        .containsExactly(
            "8.25.203.0/24 allowed",
            "58.220.95.0/24 allowed",
            "2001:db8:a::/48 indeterminate",
            "2001:db8:b::/48 indeterminate");
  }

  @Test
  void explainJudgesAFlowByTheDevicesExportOfItsFamily() throws Exception {
    String device = V4 + "," + V6_MISSING;
    Run v6 =
        run(
            new String[0],
            "explain",
            "--config",
            device,
            "--src",
            "2001:db8:1::10",
            "--dst",
            "2001:db8:b::1");
    assertThat(v6.err()).isEmpty();
    assertThat(v6.code()).isEqualTo(1);
    assertThat(v6.out())
        .isEqualTo(
            "verdict: deny\n"
                + "placement: OUTPUT (connector host)\n\n"
                + V6_MISSING
                + " (the IPv6 export of "
                + device
                + "): deny (source ports 1024-65535)\n"
                + "  "
                + V6_MISSING
                + ":12  [filter/OUTPUT] -A OUTPUT -p tcp -m tcp --dport 443 -j DROP\n");
    Run v4 =
        run(
            new String[0],
            "explain",
            "--config",
            device,
            "--src",
            "10.0.0.10",
            "--dst",
            "8.25.203.1",
            "--format",
            "json");
    assertThat(v4.code()).isZero();
    JsonNode result = v4.json().get("results").get(0);
    assertThat(result.get("config").asText()).isEqualTo(device);
    assertThat(result.get("export").asText()).isEqualTo(V4);
    assertThat(result.get("verdict").asText()).isEqualTo("allow");
    assertThat(result.at("/trace/0/file").asText()).isEqualTo(V4);
    assertThat(result.at("/trace/0/line").asInt()).isEqualTo(10);
    // Without an export for the family, the flow is not judged, and the device's files are named.
    Run none =
        run(
            new String[0],
            "explain",
            "--config",
            V4,
            "--src",
            "2001:db8:1::10",
            "--dst",
            "2001:db8:a::1",
            "--format",
            "json");
    assertThat(none.code()).isEqualTo(1);
    JsonNode unjudged = none.json().get("results").get(0);
    assertThat(unjudged.get("verdict").asText()).isEqualTo("indeterminate");
    assertThat(unjudged.get("export").isNull()).isTrue();
    assertThat(unjudged.at("/doubts/0/reason").asText())
        .isEqualTo("iptables-save export " + V4 + " has no rules for IPv6 traffic");
  }
}
