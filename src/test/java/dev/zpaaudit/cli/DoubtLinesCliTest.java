package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.Audits.DIR;
import static dev.zpaaudit.cli.Audits.audit;
import static dev.zpaaudit.cli.Audits.check;
import static dev.zpaaudit.cli.Audits.ranges;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Explain and audit name both lines of a doubt: the rule with the unmodelled test and the rule
 * where the packets it may match end.
 */
class DoubtLinesCliTest {
  static final String RULES = DIR + "recent-jump.rules";

  @Test
  void explainNamesTheUnmodelledRuleAndWhereItLands() {
    Audits.Run text =
        Audits.run("explain", "--config", RULES, "--src", "10.0.0.10", "--dst", "8.25.203.1");
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.out())
        .contains(
            "  ? "
                + RULES
                + ":7: match 'recent' (--name seen --rcheck --seconds 60); if it matches, they end"
                + " at "
                + RULES
                + ":10 (deny) [-A LIMITED -j DROP]\n");
    Audits.Run json =
        Audits.run(
            "explain",
            "--config",
            RULES,
            "--src",
            "10.0.0.10",
            "--dst",
            "8.25.203.1",
            "--format",
            "json");
    JsonNode doubt = json.json().at("/results/0/doubts/0");
    assertThat(doubt.get("file").asText()).isEqualTo(RULES);
    assertThat(doubt.get("line").asInt()).isEqualTo(7);
    assertThat(doubt.get("rule").asText()).contains("-m recent");
    assertThat(doubt.get("landsAt").asText()).isEqualTo(RULES + ":10");
    assertThat(doubt.get("landsAtRule").asText()).isEqualTo("-A LIMITED -j DROP");
    assertThat(doubt.get("mayBe").asText()).isEqualTo("deny");
  }

  @Test
  void theAuditsIndeterminateEvidenceNamesBothLines() {
    JsonNode egress =
        check(
            audit(
                List.of(
                    "--config", RULES, "--ranges", DIR + "ranges.txt", "--connector", "10.0.0.10")),
            "zen-egress");
    assertThat(egress.get("status").asText()).isEqualTo("indeterminate");
    JsonNode unsure = null;
    for (JsonNode e : egress.get("evidence")) {
      if (e.get("verdict").asText().equals("indeterminate")) {
        unsure = e;
      }
    }
    assertThat(unsure).isNotNull();
    assertThat(unsure.at("/data/reason").asText())
        .isEqualTo(
            RULES
                + ":7: match 'recent' (--name seen --rcheck --seconds 60); if it matches, they end"
                + " at "
                + RULES
                + ":10 (deny)");
    assertThat(ranges(egress).get("8.25.203.0/24").get("reason").asText())
        .contains(RULES + ":7", RULES + ":10");
  }
}
