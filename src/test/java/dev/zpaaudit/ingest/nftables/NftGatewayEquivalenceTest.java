package dev.zpaaudit.ingest.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: a gateway that lets the connectors reach only 5 of 8 ZEN ranges, once as
 * iptables-save and once as the equivalent nftables ruleset (nft -j list ruleset), gets the same
 * findings; only the deciding rules' file:line and text differ.
 */
class NftGatewayEquivalenceTest {
  static final String DIR = NftFixtures.DIR;

  @TempDir Path tmp;

  JsonNode audit(String config) throws Exception {
    Path dir = tmp.resolve(config);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "audit",
              "--config",
              DIR + config,
              "--chain",
              "FORWARD",
              "--in-interface",
              "eth1",
              "--out-interface",
              "eth0",
              "--connector",
              "10.20.0.0/24",
              "--resolver",
              "192.0.2.53",
              "--ranges",
              DIR + "gateway.ranges",
              "--format",
              "json",
              "--output",
              dir.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(1);
    return new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
  }

  /**
   * A check's findings: status, summary, uncovered and the per-range results, without what names
   * the deciding rules (file, line, rule text). The evidence grouped by rule is left out: one nft
   * rule with a set stands for several iptables rules, so the grouping differs by design.
   */
  static JsonNode findings(JsonNode check) {
    ObjectNode c = (ObjectNode) check.deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode kept = c.arrayNode();
    c.get("evidence")
        .forEach(
            e -> {
              if (e.get("data").has("ranges")) {
                kept.add(e);
              }
            });
    c.set("evidence", kept);
    c.remove("fingerprint"); // of the check and its input files, which differ by name
    strip(c);
    return c;
  }

  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o && o.has("rule")) {
      o.remove(List.of("file", "line", "rule"));
    }
    if (n instanceof ObjectNode o) {
      // per-range results name their deciding rules as "file:line" under allowBy, denyBy, ...
      List<String> by = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              f -> {
                if (f.endsWith("By")) {
                  by.add(f);
                }
              });
      o.remove(by);
    }
    n.forEach(NftGatewayEquivalenceTest::strip);
  }

  static List<String> deciders(JsonNode check) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : check.get("evidence")) {
      // The fixes are each tool's own commands; the deciding rules are what must agree.
      if (!e.get("file").isNull() && !e.get("verdict").asText().equals("fix")) {
        out.add(
            e.get("verdict").asText()
                + " "
                + e.get("file").asText()
                + ":"
                + e.get("line").asText()
                + " "
                + e.get("rule").asText());
      }
    }
    return out;
  }

  @Test
  void nftablesAndIptablesGatewaysGetTheSameFindings() throws Exception {
    JsonNode ipt = audit("gateway.rules");
    JsonNode nft = audit("gateway.json");
    JsonNode iptChecks = ipt.get("checks");
    JsonNode nftChecks = nft.get("checks");
    assertThat(nftChecks.size()).isEqualTo(3).isEqualTo(iptChecks.size());
    for (int i = 0; i < iptChecks.size(); i++) {
      assertThat(findings(nftChecks.get(i))).isEqualTo(findings(iptChecks.get(i)));
    }
    JsonNode zen = nftChecks.get(0);
    assertThat(zen.get("id").asText()).isEqualTo("zen-egress");
    assertThat(zen.get("status").asText()).isEqualTo("fail");
    assertThat(zen.get("uncovered"))
        .extracting(JsonNode::asText)
        .containsExactly("147.28.130.0/24", "165.225.9.0/24", "185.46.212.0/24");
    List<String> perRange = new ArrayList<>();
    zen.get("evidence")
        .get(zen.get("evidence").size() - 1)
        .get("data")
        .get("ranges")
        .forEach(r -> perRange.add(r.get("range").asText() + " " + r.get("status").asText()));
    assertThat(perRange)
        .containsExactly(
            "104.129.192.0/24 allowed",
            "104.129.193.0/24 allowed",
            "136.226.0.0/24 allowed",
            "136.226.1.0/24 allowed",
            "165.225.8.0/24 allowed",
            "165.225.9.0/24 denied",
            "185.46.212.0/24 denied",
            "147.28.130.0/24 denied");
    assertThat(nftChecks.get(1).get("status").asText()).isEqualTo("pass");
    assertThat(nftChecks.get(2).get("status").asText()).isEqualTo("fail");
    // the deciding rules are named in each export's own terms
    assertThat(deciders(zen))
        .containsExactly(
            "deny "
                + DIR
                + "gateway.json:105 type filter hook forward priority 0; policy drop;"
                + " (policy of inet filter forward)",
            "allow " + DIR + "gateway.json:153 ct state established,related accept # handle 6",
            "allow "
                + DIR
                + "gateway.json:251 iifname \"eth1\" oifname \"eth0\" ip saddr 10.20.0.0/24"
                + " ip daddr @zen tcp dport 443 accept # handle 9");
    assertThat(deciders(iptChecks.get(0)))
        .containsExactly(
            "deny " + DIR + "gateway.rules:11 :FORWARD DROP (policy of filter/FORWARD)",
            "allow "
                + DIR
                + "gateway.rules:14 -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "allow "
                + DIR
                + "gateway.rules:17 -A FORWARD -s 10.20.0.0/24 -d 104.129.192.0/24 -i eth1 -o eth0"
                + " -p tcp -m tcp --dport 443 -j ACCEPT",
            "allow "
                + DIR
                + "gateway.rules:18 -A FORWARD -s 10.20.0.0/24 -d 104.129.193.0/24 -i eth1 -o eth0"
                + " -p tcp -m tcp --dport 443 -j ACCEPT",
            "allow "
                + DIR
                + "gateway.rules:19 -A FORWARD -s 10.20.0.0/24 -d 136.226.0.0/24 -i eth1 -o eth0"
                + " -p tcp -m tcp --dport 443 -j ACCEPT",
            "allow "
                + DIR
                + "gateway.rules:20 -A FORWARD -s 10.20.0.0/24 -d 136.226.1.0/24 -i eth1 -o eth0"
                + " -p tcp -m tcp --dport 443 -j ACCEPT",
            "allow "
                + DIR
                + "gateway.rules:21 -A FORWARD -s 10.20.0.0/24 -d 165.225.8.0/24 -i eth1 -o eth0"
                + " -p tcp -m tcp --dport 443 -j ACCEPT");
  }
}
