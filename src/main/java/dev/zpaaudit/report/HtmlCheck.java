package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One check in the HTML report: its status, requirements, severity and summary, what is uncovered,
 * the fix, and a table of its evidence: verdict, where (file:line), the rule as written, the
 * message with the evidence's data, destinations and sources.
 */
final class HtmlCheck {
  private HtmlCheck() {}

  static String anchor(CheckResult c) {
    return "check-" + Html.id(c.id());
  }

  static void render(StringBuilder sb, CheckResult c) {
    sb.append("<section class=\"check\" id=\"").append(anchor(c)).append("\">\n");
    sb.append("<h3>")
        .append(statusTag(c.status()))
        .append(' ')
        .append(Html.text(c.id()))
        .append("</h3>\n<p class=\"meta\">requirements ")
        .append(Html.text(String.join(", ", c.requirements())))
        .append(" &middot; severity ")
        .append(c.severity().label())
        .append("</p>\n<p>")
        .append(Html.text(c.summary()))
        .append("</p>\n");
    if (c.uncovered() != null && !c.uncovered().isEmpty()) {
      sb.append("<div class=\"uncovered\"><b>Uncovered:</b> ");
      Html.list(sb, c.uncovered(), "blocks");
      sb.append("</div>\n");
    }
    if (c.remediation() != null && c.status() != Status.PASS) {
      sb.append("<p class=\"fix\"><b>Fix:</b> ")
          .append(Html.text(c.remediation()))
          .append("</p>\n");
    }
    evidence(sb, c);
    sb.append("</section>\n");
  }

  /** A check's status as a marked, coloured tag whose text says it. */
  static String statusTag(Status s) {
    String mark =
        switch (s) {
          case PASS -> "\u2713";
          case FAIL -> "\u2717";
          case INDETERMINATE -> "?";
          case SKIPPED -> "\u2013";
        };
    return "<span class=\"tag st-"
        + s.label()
        + "\"><i aria-hidden=\"true\">"
        + mark
        + "</i> "
        + s.label()
        + "</span>";
  }

  /** An evidence verdict as a tag: allow and pass good, deny and fail bad, the rest neutral. */
  static String verdictTag(String verdict) {
    String kind =
        switch (verdict) {
          case "allow", "pass" -> "good";
          case "deny", "fail" -> "bad";
          case "indeterminate" -> "unknown";
          default -> "neutral";
        };
    String mark =
        switch (kind) {
          case "good" -> "\u2713";
          case "bad" -> "\u2717";
          case "unknown" -> "?";
          default -> "\u2022";
        };
    return "<span class=\"tag v-"
        + kind
        + "\"><i aria-hidden=\"true\">"
        + mark
        + "</i> "
        + Html.text(verdict)
        + "</span>";
  }

  private static void evidence(StringBuilder sb, CheckResult c) {
    if (c.evidence().isEmpty()) {
      return;
    }
    sb.append("<table class=\"evidence\"><thead><tr>");
    for (String h :
        new String[] {"verdict", "where", "rule", "message", "destinations", "sources"}) {
      sb.append("<th scope=\"col\">").append(h).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (Evidence e : c.evidence()) {
      row(sb, c, e);
    }
    sb.append("</tbody></table>\n");
  }

  private static void row(StringBuilder sb, CheckResult c, Evidence e) {
    sb.append("<tr><td>")
        .append(verdictTag(e.verdict()))
        .append("</td><td class=\"where\">")
        .append(Html.path(e.where()))
        .append("</td><td>");
    if (e.rule() != null) {
      sb.append("<code>").append(Html.text(e.rule())).append("</code>");
    }
    sb.append("</td><td>");
    if (e.data().get("ranges") instanceof List<?> ranges) {
      sb.append("per-range results of ")
          .append(Html.count(ranges.size()))
          .append(" published entries: see <a href=\"#")
          .append(HtmlRangeMap.sectionId(c))
          .append("\">the map</a>");
    } else {
      sb.append(Html.text(e.message()));
      data(sb, e.data());
    }
    sb.append("</td><td>");
    Html.list(sb, e.destinations(), "destinations");
    sb.append("</td><td>");
    Html.list(sb, e.sources(), "sources");
    sb.append("</td></tr>\n");
  }

  /** The evidence's machine-readable facts, by sorted key. */
  private static void data(StringBuilder sb, Map<String, Object> data) {
    if (data.isEmpty()) {
      return;
    }
    sb.append("<dl class=\"data\">");
    new TreeMap<>(data)
        .forEach(
            (k, v) ->
                sb.append("<dt>")
                    .append(Html.text(k))
                    .append("</dt><dd>")
                    .append(Html.text(Html.value(v)))
                    .append("</dd>"));
    sb.append("</dl>");
  }
}
