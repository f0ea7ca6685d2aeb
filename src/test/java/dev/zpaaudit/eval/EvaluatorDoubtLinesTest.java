package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A doubt names both lines: the rule whose test is not modelled, and the rule where the packets it
 * may match end.
 */
class EvaluatorDoubtLinesTest {
  static final String DIR = "src/test/resources/verdicts/";

  static Outcome syn(String file, String dst) throws Exception {
    Firewall fw =
        new dev.zpaaudit.ingest.iptables.IptablesSaveParser()
            .parse(Files.readString(Path.of(DIR + file)), file)
            .firewall();
    IfaceDomain d = IfaceDomain.forFirewalls(java.util.List.of(fw), java.util.List.of("eth0"));
    Cube c =
        OneFlow.syn(d, "10.0.0.10", dst, 443, IfaceDomain.NONE, "eth0")
            .withSport(dev.zpaaudit.model.PortSet.range(1024, 65535));
    return OneFlow.evaluate(fw, d, OneFlow.noFacts(), c, Point.ORIGINATED, Point.LEAVING);
  }

  @Test
  void aJumpWithAnUnmodelledTestNamesItselfAndTheRuleThatDecidesInside() throws Exception {
    Outcome o = syn("recent-jump.rules", "8.25.203.1");
    assertThat(o.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(o.decidingRule().location().line()).isEqualTo(8);
    assertThat(o.doubts())
        .singleElement()
        .satisfies(
            dbt -> {
              assertThat(dbt.rule().location().line()).isEqualTo(7);
              assertThat(dbt.landsAt().location().line()).isEqualTo(10);
              assertThat(dbt.verdict()).isEqualTo(Verdict.DENY);
              assertThat(dbt.landsElsewhere()).isTrue();
            });
    assertThat(o.reason())
        .isEqualTo(
            "recent-jump.rules:7: match 'recent' (--name seen --rcheck --seconds 60);"
                + " if it matches, they end at recent-jump.rules:10 (deny)");
    // Inside the chain, the range it accepts is accepted either way: exact.
    assertThat(syn("recent-jump.rules", "58.220.95.1").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void anAcceptWithAnUnmodelledTestNamesTheLaterStageThatDecides() throws Exception {
    Outcome o = syn("recent-stage.rules", "8.25.203.1");
    assertThat(o.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(o.decidingRule().location().line()).isEqualTo(16);
    assertThat(o.doubts())
        .singleElement()
        .satisfies(
            dbt -> {
              assertThat(dbt.rule().location().line()).isEqualTo(15);
              assertThat(dbt.landsAt().location().line()).isEqualTo(9);
              assertThat(dbt.verdict()).isEqualTo(Verdict.INDETERMINATE);
            });
  }

  @Test
  void aDropWithAnUnmodelledTestIsBothLines() throws Exception {
    Outcome o = syn("recent-stage.rules", "58.220.95.1");
    // The DROP at line 16 decides; if the recent test at 15 matches, the packets are accepted and
    // later stages let them through.
    assertThat(o.doubts())
        .singleElement()
        .satisfies(
            dbt -> {
              assertThat(dbt.rule().location().line()).isEqualTo(15);
              assertThat(dbt.landsAt().location().line()).isEqualTo(15);
              assertThat(dbt.landsElsewhere()).isFalse();
            });
  }
}
