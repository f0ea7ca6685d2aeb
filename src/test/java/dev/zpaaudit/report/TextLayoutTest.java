package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wrapping with a hanging indent, cutting long lists, and counts with thousands separators. */
class TextLayoutTest {
  static List<String> cidrs(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("10." + (i / 256) + "." + (i % 256) + ".0/24");
    }
    return out;
  }

  @Test
  void textQuotedFromAnExportCannotBreakOrHideALine() {
    StringBuilder sb = new StringBuilder();
    TextLayout.words(
        sb, "      rule: ", "-A INPUT -m comment --comment \"a\rb\u001b[2Kc\" -j DROP", 8);
    assertThat(sb.toString())
        .isEqualTo("      rule: -A INPUT -m comment --comment \"a\\rb\\u001b[2Kc\" -j DROP\n");
  }

  @Test
  void listsWrapAtEightyColumnsWithAHangingIndentAndNeverBreakAnItem() {
    StringBuilder sb = new StringBuilder();
    List<String> items = cidrs(20);
    TextLayout.list(sb, 6, "destinations", items);
    List<String> lines = sb.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("      destinations (20 blocks): 10.0.0.0/24, ");
    assertThat(lines).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(l).hasSizeLessThan(81));
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l).matches("        \\S.*"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).endsWith(" "));
    List<String> seen = new ArrayList<>();
    for (String l : lines) {
      for (String w :
          l.substring(l.indexOf(':') > 20 ? l.indexOf(": ") + 2 : 0).strip().split(" ")) {
        seen.add(w.replace(",", ""));
      }
    }
    assertThat(seen).containsExactlyElementsOf(items);
  }

  @Test
  void aListOverTwentyShowsTwentyAndSaysHowManyMore() {
    List<String> units = TextLayout.listUnits(cidrs(1080));
    assertThat(units).hasSize(21);
    assertThat(units.get(19)).isEqualTo("10.0.19.0/24,");
    assertThat(units.get(20)).isEqualTo("... and 1,060 more (see the JSON report)");
    assertThat(TextLayout.listUnits(cidrs(20))).hasSize(20).last().isEqualTo("10.0.19.0/24");
  }

  @Test
  void theMoreNoteIsNeverSplitAcrossLines() {
    for (int at = 0; at < 40; at++) {
      StringBuilder sb = new StringBuilder();
      TextLayout.list(sb, at, "uncovered", cidrs(818));
      assertThat(sb.toString().lines())
          .anySatisfy(l -> assertThat(l).endsWith("... and 798 more (see the JSON report)"));
    }
  }

  @Test
  void wordsBreakOnlyAtSpacesAndALongWordStandsAlone() {
    String path = "/a/very/long/path/" + "x".repeat(80) + ".rules:12:";
    StringBuilder sb = new StringBuilder();
    TextLayout.words(sb, "  - ", "fail by " + path + " the rule at 10.0.0.0/8 decides", 4);
    assertThat(sb.toString())
        .isEqualTo("  - fail by\n    " + path + "\n    the rule at 10.0.0.0/8 decides\n");
  }

  @Test
  void aPrefixAloneStaysOnItsLineWhenTheFirstWordFitsBetterBelow() {
    StringBuilder sb = new StringBuilder();
    String word = "w".repeat(70);
    TextLayout.words(sb, "  label that is long: ", word, 4);
    assertThat(sb.toString()).isEqualTo("  label that is long:\n    " + word + "\n");
  }

  @ParameterizedTest
  @ValueSource(
      longs = {
        0,
        7,
        999,
        1000,
        65535,
        999999,
        1000000,
        -1,
        -1000,
        -123456789,
        Long.MAX_VALUE,
        Long.MIN_VALUE
      })
  void countsAreGroupedAsTheJdkGroupsThem(long n) {
    assertThat(TextLayout.count(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
  }

  @Test
  void countsHaveThousandsSeparatorsAndSayWhatTheyCount() {
    assertThat(TextLayout.count(1080)).isEqualTo("1,080");
    assertThat(TextLayout.count(1, "warning", "warnings")).isEqualTo("1 warning");
    assertThat(TextLayout.count(1234567, "entry", "entries")).isEqualTo("1,234,567 entries");
    assertThat(TextLayout.size(cidrs(818))).isEqualTo("818 blocks");
    assertThat(TextLayout.size(List.of("ac-1", "ac-2"))).isEqualTo("2");
  }
}
