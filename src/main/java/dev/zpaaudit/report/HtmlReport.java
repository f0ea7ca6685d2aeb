package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.Diagnostic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one HTML page to look at: the status and counts, a table of the checks, for each
 * check with per-range results a map of the published ranges by status ({@link HtmlRangeMap}), each
 * check's evidence ({@link HtmlCheck}), the inputs and placement, and the diagnostics. The page is
 * a single file: its style is inline, it has no script, and a content security policy stops it from
 * loading anything. The same report gives the same bytes.
 */
public final class HtmlReport implements Renderer {
  /** Diagnostics past this many are folded under a summary line. */
  static final int DIAGNOSTICS_OPEN = 20;

  private static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public String render(Report r) {
    String status = Renderer.overall(r).label();
    String title = "zpa-audit " + r.command() + ": " + status.toUpperCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(POLICY)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"zpa-audit ")
        .append(Html.attr(Version.get()))
        .append("\">\n<title>")
        .append(Html.text(title))
        .append("</title>\n<style>\n")
        .append(HtmlStyle.CSS)
        .append("</style>\n</head>\n<body>\n");
    header(sb, r);
    sb.append("<main>\n");
    summary(sb, r);
    ranges(sb, r.checks());
    sb.append("<section id=\"checks\">\n<h2>Checks</h2>\n");
    r.checks().forEach(c -> HtmlCheck.render(sb, c));
    sb.append("</section>\n");
    inputs(sb, r);
    diagnostics(sb, r.diagnostics());
    sb.append("</main>\n");
    footer(sb, r);
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void header(StringBuilder sb, Report r) {
    Status overall = Renderer.overall(r);
    sb.append("<header class=\"st-")
        .append(overall.label())
        .append("\" id=\"overall\" data-status=\"")
        .append(overall.label())
        .append("\">\n<h1>zpa-audit ")
        .append(Html.text(r.command()))
        .append(' ')
        .append(HtmlCheck.statusTag(overall))
        .append("</h1>\n");
    if (r.ranges() != null) {
      sb.append("<p>Published ranges: ").append(Html.text(TextReport.ranges(r.ranges())));
      sb.append("</p>\n");
    }
    sb.append("<nav><a href=\"#summary\">Summary</a>");
    if (r.checks().stream().anyMatch(c -> !HtmlRangeMap.entries(c).isEmpty())) {
      sb.append("<a href=\"#ranges\">Published ranges</a>");
    }
    sb.append("<a href=\"#checks\">Checks</a><a href=\"#inputs\">Inputs and placement</a>")
        .append("<a href=\"#diagnostics\">Diagnostics</a></nav>\n</header>\n");
  }

  /** The counts of checks by status, of diagnostics by severity, then one row per check. */
  private static void summary(StringBuilder sb, Report r) {
    sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"tiles\">\n");
    for (Status s : Status.values()) {
      long n = r.count(s);
      sb.append("<li class=\"st-")
          .append(s.label())
          .append("\" id=\"summary-")
          .append(s.label())
          .append("\" data-count=\"")
          .append(n)
          .append("\"><b>")
          .append(Html.count(n))
          .append("</b> ")
          .append(s.label())
          .append("</li>\n");
    }
    sb.append("</ul>\n");
    diagnosticCounts(sb, r.diagnostics());
    checks(sb, r);
    sb.append("</section>\n");
  }

  /** "3 diagnostics: 1 error, 2 warnings", linking to them. */
  private static void diagnosticCounts(StringBuilder sb, List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return;
    }
    Map<Diagnostic.Severity, Integer> by = new EnumMap<>(Diagnostic.Severity.class);
    diagnostics.forEach(d -> by.merge(d.severity(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    by.forEach((s, n) -> parts.add(Html.count(n) + " " + s.label() + (n == 1 ? "" : "s")));
    sb.append("<p class=\"meta\"><a href=\"#diagnostics\">")
        .append(TextLayout.count(diagnostics.size(), "diagnostic", "diagnostics"))
        .append("</a>: ")
        .append(String.join(", ", parts))
        .append("</p>\n");
  }

  /** One row per check; a column of published entries where a check has per-range results. */
  private static void checks(StringBuilder sb, Report r) {
    List<CheckResult> checks = r.checks();
    boolean published = checks.stream().anyMatch(c -> !HtmlRangeMap.entries(c).isEmpty());
    sb.append("<table class=\"checks\"><thead><tr>");
    for (String h : new String[] {"status", "check", "requirements", "severity", "summary"}) {
      sb.append("<th scope=\"col\">").append(h).append("</th>");
    }
    sb.append(published ? "<th scope=\"col\">published entries</th>" : "");
    sb.append("</tr></thead>\n<tbody>\n");
    for (CheckResult c : checks) {
      sb.append("<tr><td>")
          .append(HtmlCheck.statusTag(c.status()))
          .append(
              r.suppression(c)
                  .map(
                      x ->
                          " <span class=\"tag\" title=\""
                              + Html.attr(Renderer.suppressedWhy(x))
                              + "\">suppressed</span>")
                  .orElse(""))
          .append("</td><td class=\"id\"><a href=\"#")
          .append(HtmlCheck.anchor(c))
          .append("\">")
          .append(Html.text(c.id()))
          .append("</a></td><td>")
          .append(Html.text(String.join(", ", c.requirements())))
          .append("</td><td>")
          .append(c.severity().label())
          .append("</td><td>")
          .append(Html.text(c.summary()));
      if (published) {
        sb.append("</td><td>");
        rangeBar(sb, c);
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
  }

  /** A check's published entries by status in words and as a bar, linking to its map. */
  private static void rangeBar(StringBuilder sb, CheckResult c) {
    List<HtmlRangeMap.Entry> entries = HtmlRangeMap.entries(c);
    if (entries.isEmpty()) {
      return;
    }
    Map<RangeStatus, Integer> counts = HtmlRangeMap.counts(entries);
    StringBuilder words = new StringBuilder();
    StringBuilder bar = new StringBuilder();
    counts.forEach(
        (s, n) -> {
          if (n > 0) {
            words.append(words.length() > 0 ? ", " : "").append(Html.count(n)).append(' ');
            words.append(HtmlRangeMap.word(c, s));
            bar.append("<span class=\"")
                .append(s.css())
                .append("\" style=\"width:")
                .append(String.format(Locale.ROOT, "%.1f", 100.0 * n / entries.size()))
                .append("%\"></span>");
          }
        });
    sb.append("<a href=\"#")
        .append(HtmlRangeMap.sectionId(c))
        .append("\">")
        .append(words)
        .append("</a><div class=\"bar\" aria-hidden=\"true\">")
        .append(bar)
        .append("</div>");
  }

  private static void ranges(StringBuilder sb, List<CheckResult> checks) {
    List<CheckResult> mapped =
        checks.stream().filter(c -> !HtmlRangeMap.entries(c).isEmpty()).toList();
    if (mapped.isEmpty()) {
      return;
    }
    sb.append("<section id=\"ranges\">\n<h2>Published ranges</h2>\n");
    mapped.forEach(c -> HtmlRangeMap.render(sb, c));
    sb.append("</section>\n");
  }

  /** The input files, and the placement and other context of the run. */
  private static void inputs(StringBuilder sb, Report r) {
    sb.append("<section id=\"inputs\">\n<h2>Inputs and placement</h2>\n");
    if (!r.inputs().isEmpty()) {
      sb.append("<table class=\"inputs\"><thead><tr><th scope=\"col\">file</th>")
          .append("<th scope=\"col\">read as</th><th scope=\"col\">device</th>")
          .append("<th scope=\"col\">families</th></tr></thead>\n<tbody>\n");
      for (Report.Input in : r.inputs()) {
        sb.append("<tr><td><code>")
            .append(Html.path(in.file()))
            .append("</code></td><td>")
            .append(Html.text(in.format()))
            .append("</td><td>")
            .append(in.device() == null ? "" : in.device())
            .append("</td><td>");
        if (in.families() != null) {
          sb.append(String.join(", ", in.families().stream().map(f -> "IPv" + f).toList()));
        }
        sb.append("</td></tr>\n");
      }
      sb.append("</tbody></table>\n");
    }
    if (!r.context().isEmpty()) {
      sb.append("<table class=\"context\"><tbody>\n");
      r.context()
          .forEach(
              (k, v) ->
                  sb.append("<tr><th scope=\"row\">")
                      .append(Html.text(k))
                      .append("</th><td>")
                      .append(Html.text(v))
                      .append("</td></tr>\n"));
      sb.append("</tbody></table>\n");
    }
    sb.append("</section>\n");
  }

  private static void diagnostics(StringBuilder sb, List<Diagnostic> diagnostics) {
    sb.append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
    if (diagnostics.isEmpty()) {
      sb.append("<p>None: every input was read in full.</p>\n</section>\n");
      return;
    }
    boolean fold = diagnostics.size() > DIAGNOSTICS_OPEN;
    if (fold) {
      sb.append("<details><summary>")
          .append(Html.count(diagnostics.size()))
          .append(" diagnostics</summary>\n");
    }
    sb.append("<table class=\"diagnostics\"><thead><tr><th scope=\"col\">severity</th>")
        .append("<th scope=\"col\">where</th><th scope=\"col\">message</th>")
        .append("<th scope=\"col\">kind</th></tr></thead>\n<tbody>\n");
    for (Diagnostic d : diagnostics) {
      sb.append("<tr><td>")
          .append(d.severity().label())
          .append("</td><td class=\"where\">")
          .append(Html.path(d.location().toString()))
          .append("</td><td>")
          .append(Html.text(d.message()))
          .append("</td><td>")
          .append(Html.text(d.kind()))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
    if (fold) {
      sb.append("</details>\n");
    }
    sb.append("</section>\n");
  }

  private static void footer(StringBuilder sb, Report r) {
    sb.append("<footer>zpa-audit ").append(Html.text(Version.get()));
    if (!r.requirements().isEmpty()) {
      sb.append(" &middot; requirements ")
          .append(Html.text(String.join(", ", r.requirements())))
          .append(", described in ")
          .append(Html.text(Report.REQUIREMENTS_DOC));
    }
    sb.append("</footer>\n");
  }
}
