package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;

/**
 * The report as Markdown, for pull-request comments and wikis: a table of the checks, then each
 * check that did not pass with its evidence and fix.
 */
public final class MarkdownReport implements Renderer {
  @Override
  public String extension() {
    return "md";
  }

  @Override
  public String render(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# zpa-audit ").append(r.command()).append(": ");
    sb.append(Renderer.overall(r).label().toUpperCase(java.util.Locale.ROOT)).append("\n\n");
    if (r.ranges() != null) {
      sb.append("Ranges: ").append(cell(TextReport.ranges(r.ranges()))).append("\n\n");
    }
    for (Report.Input in : r.inputs()) {
      sb.append("- input: `").append(in.file()).append("` (").append(in.format()).append(")\n");
    }
    r.context()
        .forEach((k, v) -> sb.append("- ").append(k).append(": ").append(cell(v)).append('\n'));
    sb.append("\n| check | requirements | severity | status | summary |\n");
    sb.append("|---|---|---|---|---|\n");
    for (CheckResult c : r.checks()) {
      sb.append("| `")
          .append(c.id())
          .append("` | ")
          .append(String.join(", ", c.requirements()))
          .append(" | ")
          .append(c.severity().label())
          .append(" | **")
          .append(Renderer.status(r, c))
          .append("** | ")
          .append(cell(c.summary()))
          .append(" |\n");
    }
    for (CheckResult c : r.checks()) {
      if (c.status() == Status.PASS) {
        continue;
      }
      sb.append("\n## ").append(c.id()).append(": ").append(Renderer.status(r, c)).append("\n\n");
      sb.append(cell(c.summary())).append("\n\n");
      r.suppression(c).ifPresent(x -> sb.append(cell(Renderer.suppressedWhy(x))).append("\n\n"));
      for (Evidence e : c.evidence()) {
        sb.append("- ").append(e.verdict());
        if (e.file() != null) {
          sb.append(" at `")
              .append(e.file())
              .append(e.line() > 0 ? ":" + e.line() : "")
              .append('`');
        }
        sb.append(": ").append(cell(e.message()));
        if (e.rule() != null) {
          sb.append(" (`").append(e.rule().replace("`", "'")).append("`)");
        }
        if (!e.destinations().isEmpty()) {
          sb.append("; ").append(e.destinations().size()).append(" destination blocks");
        }
        sb.append('\n');
      }
      if (c.remediation() != null) {
        sb.append("\n**Fix:** ").append(cell(c.remediation())).append('\n');
      }
    }
    return sb.toString();
  }

  /** Text safe in a table cell or a line: pipes escaped, newlines as spaces. */
  static String cell(String s) {
    return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
