package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text report of big real rulesets stays readable: a few hundred lines of at most 80 columns (a
 * single word longer than that stands alone), hundreds of alike warnings counted as one kind.
 */
class CorpusTextReportTest {
  static final String DIR = "src/test/resources/corpus/iptables/";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tum-2013.rules  | 895 warnings, in 3 kinds | mac: 885 warnings: match 'mac'
          home-user.rules | 59 warnings, in 6 kinds  | pkttype: 10 warnings: match 'pkttype'
          """)
  void aBigRulesetGivesAShortReportWithItsWarningsCountedByKind(
      String file, String totals, String group) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"audit", "--config", DIR + file, "--chain", "FORWARD"},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isEqualTo(1);
    String text = out.toString();
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSizeLessThan(440); // with up to 20 lines of fix commands
    // Commands of a fix are printed whole (four spaces in), so that they paste as written.
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l.length() <= 80 || !l.strip().contains(" ") || l.startsWith("    "))
                    .as(l)
                    .isTrue());
    assertThat(text)
        .contains("\ndiagnostics (" + totals + "; the JSON report lists each):\n")
        .contains("\n  " + group)
        .contains("ranges: 1,080 published entries (818 CIDR blocks once overlapping and")
        .contains("... and 1,060 more (see the JSON report)");
  }
}
