package dev.zpaaudit.ingest.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One rule of an inet table decides IPv4 and IPv6 packets alike (here the chain's policy); the
 * published ranges of each family are still judged apart, each with the rule that decided it.
 */
class NftInetFamiliesTest {
  static final String DIR = "src/test/resources/families/";

  @Test
  void anInetRuleDecidingBothFamiliesKeepsThemApart() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "audit",
              "--config",
              DIR + "edge.json",
              "--chain",
              "FORWARD",
              "--ranges",
              DIR + "ranges.txt",
              "--format",
              "json"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(1);
    JsonNode zen = new ObjectMapper().readTree(out.toString()).get("checks").get(0);
    assertThat(zen.get("id").asText()).isEqualTo("zen-egress");
    assertThat(zen.get("uncovered"))
        .extracting(JsonNode::asText)
        .containsExactly("58.220.95.0/24", "2001:db8:b::/48");
    List<String> perRange = new ArrayList<>();
    for (JsonNode r : zen.get("evidence").get(zen.get("evidence").size() - 1).at("/data/ranges")) {
      String by = r.get("status").asText().equals("allowed") ? "allowBy" : "denyBy";
      perRange.add(
          r.get("range").asText()
              + " "
              + r.get("status").asText()
              + " "
              + r.get(by).get(0).asText());
    }
    String edge = DIR + "edge.json";
    assertThat(perRange)
        .containsExactly(
            "8.25.203.0/24 allowed " + edge + ":18",
            "58.220.95.0/24 denied " + edge + ":30",
            "2001:db8:a::/48 allowed " + edge + ":18",
            "2001:db8:b::/48 denied " + edge + ":72");
    JsonNode policy = null; // the policy's allows, grouped
    for (JsonNode e : zen.get("evidence")) {
      if (e.get("verdict").asText().equals("allow") && e.get("line").asInt() == 18) {
        policy = e;
      }
    }
    assertThat(policy).isNotNull();
    assertThat(policy.get("line").asInt()).isEqualTo(18);
    assertThat(policy.get("destinations"))
        .extracting(JsonNode::asText)
        .containsExactly("8.25.203.0/24", "2001:db8:a::/48");
  }
}
