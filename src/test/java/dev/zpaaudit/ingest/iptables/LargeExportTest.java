package dev.zpaaudit.ingest.iptables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.model.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What keeps a large export's model small: rule lines are not held as words, and equal conditions
 * and targets of different rules are one value.
 */
class LargeExportTest {
  private static List<Rule> rules(String export) throws Exception {
    return new IptablesSaveParser()
        .parse(export, "t.rules")
        .firewall()
        .filter("filter/FORWARD")
        .rules();
  }

  @Test
  void equalConditionsAndTargetsOfDifferentRulesAreOneValue() throws Exception {
    List<Rule> r =
        rules(
            "*filter\n:FORWARD DROP [0:0]\n"
                + "-A FORWARD -s 10.0.0.1/32 -p tcp -m tcp --dport 443 -m conntrack --ctstate NEW"
                + " -j ACCEPT\n"
                + "-A FORWARD -s 10.0.0.2/32 -p tcp -m tcp --dport 443 -m conntrack --ctstate NEW"
                + " -j ACCEPT\nCOMMIT\n");
    Rule a = r.get(0);
    Rule b = r.get(1);
    assertThat(a.match()).hasSize(5).isNotEqualTo(b.match());
    for (int i = 1; i < 5; i++) {
      assertThat(b.match().get(i)).as("condition %d", i).isSameAs(a.match().get(i));
    }
    assertThat(b.action()).isSameAs(a.action());
    assertThat(a.text())
        .isEqualTo(
            "-A FORWARD -s 10.0.0.1/32 -p tcp -m tcp --dport 443 -m conntrack --ctstate NEW"
                + " -j ACCEPT");
  }

  @Test
  void firstWordsOfALineAreSplitAndTheRestOnlyCheckedForQuotes() {
    assertThat(Tokenizer.split("-A FORWARD -m comment --comment \"a \\\" b\" -j ACCEPT", 2))
        .extracting(Tokenizer.Word::text)
        .containsExactly("-A", "FORWARD");
    assertThat(Tokenizer.split("  -A\tFORWARD  ", 5))
        .extracting(Tokenizer.Word::text)
        .containsExactly("-A", "FORWARD");
    assertThatThrownBy(() -> Tokenizer.split("-A FORWARD -m comment --comment \"open", 2))
        .hasMessage("unterminated quote");
    assertThatThrownBy(() -> Tokenizer.split("-A \"FORWARD", 2)).hasMessage("unterminated quote");
  }

  @Test
  void wordsJoinQuotedAndEscapedPartsAsTheShellDoes() {
    assertThat(Tokenizer.split("a\"b c\"d \\ e \"\" f\\"))
        .containsExactly(
            new Tokenizer.Word("ab cd", true),
            new Tokenizer.Word(" e", false),
            new Tokenizer.Word("", true),
            new Tokenizer.Word("f\\", false));
  }

  @Test
  void aRuleIsItsLineWithoutCountersAndSurroundingBlanks() throws Exception {
    List<Rule> r =
        rules(
            "*filter\r\n:FORWARD DROP [0:0]\r\n"
                + "  [1:2] -A FORWARD -s 10.0.0.1/32  -j ACCEPT \t\r\n"
                + "-A   FORWARD   -j DROP\r\nCOMMIT\r\n");
    assertThat(r)
        .extracting(Rule::text)
        .containsExactly("-A FORWARD -s 10.0.0.1/32  -j ACCEPT", "-A FORWARD -j DROP");
    assertThat(r).extracting(x -> x.location().line()).containsExactly(3, 4);
  }

  @Test
  void aTruncatedExportIsReportedAtItsLastLine() {
    assertThatThrownBy(
            () ->
                new IptablesSaveParser()
                    .parse("*filter\n:FORWARD DROP [0:0]\n-A FORWARD -j DROP\n \n\n", "t.rules"))
        .isInstanceOfSatisfying(
            dev.zpaaudit.diag.InputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(dev.zpaaudit.diag.Diagnostic::format)
                    .containsExactly(
                        "t.rules:3: error: table 'filter' (line 1) has no COMMIT: the export is"
                            + " truncated"));
  }

  @Test
  void aChainOfAnotherTableIsNotOneOfThisTable() {
    assertThatThrownBy(
            () ->
                new IptablesSaveParser()
                    .parse(
                        "*filter\n:FORWARD DROP [0:0]\n:mine - [0:0]\n-A mine -j DROP\n"
                            + "-A mine -j ACCEPT\nCOMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\n"
                            + "-A mine -j ACCEPT\n--append PREROUTING -j ACCEPT\nCOMMIT\n",
                        "t.rules"))
        .isInstanceOfSatisfying(
            dev.zpaaudit.diag.InputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(dev.zpaaudit.diag.Diagnostic::format)
                    .containsExactly(
                        "t.rules:9: error: rule appends to chain 'mine', which is not declared in"
                            + " table 'nat'"));
  }

  @Test
  void countersBeforeARuleAreDropped() throws Exception {
    List<Rule> r = rules("*filter\n:FORWARD DROP [0:0]\n[12:3400] -A FORWARD -j ACCEPT\nCOMMIT\n");
    assertThat(r).extracting(Rule::text).containsExactly("-A FORWARD -j ACCEPT");
  }
}
