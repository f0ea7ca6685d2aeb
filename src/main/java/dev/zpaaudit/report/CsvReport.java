package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import java.util.List;

/**
 * The report as CSV (RFC 4180), for spreadsheets: one row per piece of evidence of every check,
 * with the check's status and severity, the evidence's verdict, file, line, rule and message, and
 * its destinations and sources (space-separated CIDRs).
 */
public final class CsvReport implements Renderer {
  private static final List<String> HEADER =
      List.of(
          "check",
          "requirements",
          "severity",
          "status",
          "verdict",
          "file",
          "line",
          "rule",
          "message",
          "destinations",
          "sources");

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public String render(Report r) {
    StringBuilder sb = new StringBuilder();
    row(sb, HEADER);
    for (CheckResult c : r.checks()) {
      if (c.evidence().isEmpty()) {
        row(
            sb,
            List.of(
                c.id(),
                reqs(c),
                c.severity().label(),
                Renderer.status(r, c),
                "",
                "",
                "",
                "",
                c.summary(),
                "",
                ""));
      }
      for (Evidence e : c.evidence()) {
        row(
            sb,
            List.of(
                c.id(),
                reqs(c),
                c.severity().label(),
                Renderer.status(r, c),
                e.verdict(),
                e.file() == null ? "" : e.file(),
                e.line() > 0 ? Integer.toString(e.line()) : "",
                e.rule() == null ? "" : e.rule(),
                e.message(),
                String.join(" ", e.destinations()),
                String.join(" ", e.sources())));
      }
    }
    return sb.toString();
  }

  private static String reqs(CheckResult c) {
    return String.join(" ", c.requirements());
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(cells.get(i)));
    }
    sb.append("\r\n");
  }

  /** A field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
