package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.cli.Main;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.SourceLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report: what reports quote is shown as text and never becomes markup, and the counts the
 * page shows are the JSON report's for the same report.
 */
class HtmlReportTest {
  static final String HOSTILE_RULE =
      "-A OUTPUT -m comment --comment \"<script>alert('x')</script> & <img src=x onerror=y>\" -j"
          + " DROP";
  private static final Pattern COUNT = Pattern.compile("id=\"([a-z0-9-]+)\" data-count=\"(\\d+)\"");

  /** A per-range result as a check writes it. */
  static Map<String, Object> entry(String range, String status, int line) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("range", range);
    m.put("file", "ranges.txt");
    m.put("line", line);
    m.put("status", status);
    if (!status.equals("allowed")) {
      m.put("denyBy", List.of("fw<1>.rules:7"));
      m.put("reason", "a \"reason\" <b>");
    }
    return m;
  }

  /**
   * A report of one range check over entries of every status: IPv4 in several /8 blocks, one
   * spanning two blocks, IPv6; its deny evidence quotes a hostile rule; a diagnostic does too.
   */
  static Report sample() {
    List<Map<String, Object>> ranges =
        List.of(
            entry("3.0.0.1/32", "allowed", 1),
            entry("3.6.8.246/32", "denied", 2),
            entry("13.0.0.0/16", "partial", 3),
            entry("14.0.0.0-15.0.0.255", "indeterminate", 4),
            entry("99.0.0.0/24", "allowed", 5),
            entry("2001:db8::/32", "not-applicable", 6));
    Evidence deny =
        new Evidence(
            "deny",
            "fw<1>.rules",
            7,
            HOSTILE_RULE,
            "denied: new packets stopped by DROP & co",
            List.of("3.6.8.246/32"),
            List.of("10.0.0.10/32"),
            Map.of("packets", List.of("new"), "zeta", "last", "alpha", Map.of("b", 2, "a", 1)));
    Evidence perRange =
        new Evidence(
            "info", null, 0, null, "per-range", List.of(), List.of(), Map.of("ranges", ranges));
    CheckResult zen =
        new CheckResult(
            "zen-egress",
            List.of("R8"),
            Severity.CRITICAL,
            Status.FAIL,
            "connectors reach 2 of 6 <ranges>",
            List.of("3.6.8.246/32"),
            List.of(deny, perRange),
            "Allow TCP 443 & more");
    Diagnostic diag =
        new Diagnostic(
            Diagnostic.Severity.WARNING,
            new SourceLocation("fw<1>.rules", 3),
            "unexpected '</td></tr><script>'");
    return new Report(
        "audit",
        new Report.RangeInfo("ranges.txt", "2026-09-02", 6),
        List.of(new Report.Input("fw<1>.rules", "iptables-save", 1, List.of(4))),
        Map.of("placement", "OUTPUT <host>"),
        List.of(zen),
        List.of(diag));
  }

  /** Every element's {@code data-count} by its id. */
  static Map<String, Long> shownCounts(String html) {
    Map<String, Long> out = new TreeMap<>();
    Matcher m = COUNT.matcher(html);
    while (m.find()) {
      out.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return out;
  }

  /** What the JSON report says: checks by status, and each range check's entries by status. */
  static Map<String, Long> jsonCounts(JsonNode json) {
    Map<String, Long> out = new TreeMap<>();
    json.get("summary")
        .fields()
        .forEachRemaining(f -> out.put("summary-" + f.getKey(), f.getValue().asLong()));
    for (JsonNode c : json.get("checks")) {
      for (JsonNode e : c.get("evidence")) {
        JsonNode ranges = e.path("data").path("ranges");
        if (!ranges.isArray()) {
          continue;
        }
        for (RangeStatus s : RangeStatus.values()) {
          out.put("ranges-" + c.get("id").asText() + "-" + s.label(), 0L);
        }
        for (JsonNode r : ranges) {
          out.merge(
              "ranges-" + c.get("id").asText() + "-" + r.get("status").asText(), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  @Test
  void escapingTurnsMarkupIntoText() {
    assertThat(Html.text("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Html.text("a\u0000b\u0007c\td\ne\uD800f\uD83D\uDE00"))
        .isEqualTo("a\uFFFDb\uFFFDc\td\ne\uFFFDf\uD83D\uDE00");
    assertThat(Html.attr("line one\nline two")).isEqualTo("line one&#10;line two");
    assertThat(Html.id("Zen Egress/<x>")).isEqualTo("zen-egress-x");
  }

  @Test
  void aHostileRuleIsInertText() {
    String html = new HtmlReport().render(sample());
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<img");
    assertThat(html)
        .contains(
            "<code>-A OUTPUT -m comment --comment &quot;&lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;&quot; -j DROP</code>")
        .contains("unexpected &#39;&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;&#39;")
        .contains("fw&lt;1&gt;.rules:7")
        .contains("connectors reach 2 of 6 &lt;ranges&gt;")
        .contains("a &quot;reason&quot; &lt;b&gt;");
    // Nothing is loaded from anywhere: no scripts, links, images or fonts; a policy forbids them.
    assertThat(html).doesNotContain("src=\"").doesNotContain("<link").doesNotContain("url(");
    assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline';");
  }

  @Test
  void theCountsShownAreTheJsonReportsForTheSameReport() throws Exception {
    Report report = sample();
    String html = new HtmlReport().render(report);
    JsonNode json = new ObjectMapper().readTree(new JsonReport().render(report));
    Map<String, Long> expected = jsonCounts(json);
    assertThat(expected)
        .containsEntry("ranges-zen-egress-allowed", 2L)
        .containsEntry("ranges-zen-egress-denied", 1L)
        .containsEntry("summary-fail", 1L);
    assertThat(shownCounts(html)).isEqualTo(expected);
    // And from the Report object itself.
    Map<RangeStatus, Integer> counts =
        HtmlRangeMap.counts(HtmlRangeMap.entries(report.checks().get(0)));
    counts.forEach(
        (s, n) ->
            assertThat(expected.get("ranges-zen-egress-" + s.label())).isEqualTo(n.longValue()));
  }

  @Test
  void eachCellShowsTheLeastAllowedStatusInItsBlock() {
    String html = new HtmlReport().render(sample());
    assertThat(cellClass(html, "3.0.0.0/8")).isEqualTo("c s-denied");
    assertThat(cellClass(html, "13.0.0.0/8")).isEqualTo("c s-partial");
    // A range across two blocks is in both.
    assertThat(cellClass(html, "14.0.0.0/8")).isEqualTo("c s-indeterminate");
    assertThat(cellClass(html, "15.0.0.0/8")).isEqualTo("c s-indeterminate");
    assertThat(cellClass(html, "99.0.0.0/8")).isEqualTo("c s-allowed");
    assertThat(html).contains("title=\"4.0.0.0/8: no published entry\"");
    assertThat(html)
        .contains("title=\"3.0.0.0/8: 2 published entries: 1 denied, 1 allowed&#10;")
        .contains("denied: 3.6.8.246/32&#10;allowed: 3.0.0.1/32\"");
    // IPv6 is outside the map, as a chip that says its status.
    assertThat(html).contains("2001:db8::/32 <small>not-applicable</small>");
    assertThat(html.split("<div class=\"c ", -1)).hasSize(257);
  }

  private static String cellClass(String html, String block) {
    Matcher m =
        Pattern.compile("<div class=\"([^\"]+)\" data-block=\"" + Pattern.quote(block) + "\"")
            .matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void aReportWithoutPerRangeResultsHasNoMap() {
    CheckResult cpu =
        new CheckResult(
            "host-cpu",
            List.of("R2"),
            Severity.HIGH,
            Status.PASS,
            "all 1 connectors have the cores",
            null,
            List.of(Evidence.note("pass", "4 vCPUs")),
            null);
    String html =
        new HtmlReport()
            .render(new Report("audit", null, List.of(), Map.of(), List.of(cpu), List.of()));
    assertThat(html)
        .doesNotContain("id=\"ranges\"")
        .doesNotContain("published entries</th>")
        .contains("<p>None: every input was read in full.</p>")
        .contains("id=\"summary-pass\" data-count=\"1\"");
    assertThat(new HtmlReport().render(sample()))
        .contains("<th scope=\"col\">published entries</th>")
        .contains("<a href=\"#diagnostics\">1 diagnostic</a>: 1 warning</p>");
  }

  @Test
  void evidenceDataIsShownInKeyOrder() {
    String html = new HtmlReport().render(sample());
    assertThat(html)
        .contains(
            "<dl class=\"data\"><dt>alpha</dt><dd>{a: 1, b: 2}</dd><dt>packets</dt><dd>new</dd>"
                + "<dt>zeta</dt><dd>last</dd></dl>");
  }

  @Test
  void aRunShowsTheCountsOfItsJsonReport(@TempDir Path dir) throws Exception {
    String[] args = {
      "audit",
      "--config",
      "sample-configs/panos/non-compliant-firewall.xml",
      "--connector",
      "10.20.0.0/24",
      "--resolver",
      "203.0.113.53",
      "--output",
      dir.toString(),
      "--format",
      "json,html"
    };
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isEqualTo(1);
    String html = Files.readString(dir.resolve("report.html"));
    Map<String, Long> expected =
        jsonCounts(new ObjectMapper().readTree(Files.readString(dir.resolve("report.json"))));
    assertThat(expected)
        .containsEntry("ranges-zen-egress-denied", 26L)
        .containsEntry("ranges-zen-egress-allowed", 1054L)
        .containsEntry("ranges-zen-return-allowed", 1080L);
    assertThat(shownCounts(html)).isEqualTo(expected);
    assertThat(html).contains("<header class=\"st-fail\" id=\"overall\" data-status=\"fail\">");
    // The same report gives the same bytes.
    Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(html);
  }
}
