package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import java.util.List;

/**
 * The report as JUnit XML, for CI systems that show test results: one test case per check, named by
 * the check and what it judged; a failed or indeterminate check is a failure (type {@code fail} or
 * {@code indeterminate}) whose text is the evidence; a skipped check is skipped.
 */
public final class JunitReport implements Renderer {
  @Override
  public String extension() {
    return "junit.xml";
  }

  @Override
  public String render(Report r) {
    long failures = r.count(Status.FAIL) + r.count(Status.INDETERMINATE);
    long skipped = r.count(Status.SKIPPED) + r.suppressed();
    String suite = "zpa-audit " + r.command();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // The schema Jenkins reads reports with allows "skipped" on a testsuite, not on testsuites.
    String counts =
        " tests=\"" + r.checks().size() + "\" failures=\"" + failures + "\" errors=\"0\"";
    sb.append("<testsuites name=\"").append(xml(suite)).append('"').append(counts).append(">\n");
    sb.append("  <testsuite name=\"")
        .append(xml(suite))
        .append('"')
        .append(counts)
        .append(" skipped=\"")
        .append(skipped)
        .append("\">\n");
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (CheckResult c : r.checks()) {
      String name = c.id() + " (" + String.join(", ", c.requirements()) + ")" + target(r, c);
      int n = seen.merge(name, 1, Integer::sum);
      sb.append("    <testcase classname=\"zpa-audit.")
          .append(xml(c.id()))
          .append("\" name=\"")
          .append(xml(n == 1 ? name : name + " #" + n))
          .append('"');
      if (c.status() == Status.PASS) {
        sb.append("/>\n");
        continue;
      }
      sb.append(">\n");
      if (r.suppression(c).isPresent()) {
        String why = Renderer.suppressedWhy(r.suppression(c).get());
        sb.append("      <skipped>").append(xml(why + ". " + c.summary())).append("</skipped>\n");
      } else if (c.status() == Status.SKIPPED) {
        sb.append("      <skipped>").append(xml(c.summary())).append("</skipped>\n");
      } else {
        sb.append("      <failure type=\"")
            .append(c.status() == Status.FAIL ? "fail" : "indeterminate")
            .append("\" message=\"")
            .append(xml(c.summary()))
            .append("\">")
            .append(xml(details(c)))
            .append("</failure>\n");
      }
      sb.append("    </testcase>\n");
    }
    return sb.append("  </testsuite>\n</testsuites>\n").toString();
  }

  /**
   * What a check judged: the input files its evidence names, else all it judged (in a fleet report,
   * its own device's).
   */
  private static String target(Report r, CheckResult c) {
    List<String> all =
        c.inputs() != null ? c.inputs() : r.inputs().stream().map(Report.Input::file).toList();
    List<String> named =
        c.evidence().stream()
            .map(Evidence::file)
            .filter(f -> f != null && all.contains(f))
            .distinct()
            .toList();
    List<String> files = named.isEmpty() ? all : named;
    return files.isEmpty() ? "" : " of " + String.join(", ", files);
  }

  private static String details(CheckResult c) {
    StringBuilder sb = new StringBuilder();
    for (Evidence e : c.evidence()) {
      if (e.verdict().equals("allow") || e.verdict().equals("info")) {
        continue;
      }
      if (e.verdict().equals("fix") && e.data().get("commands") instanceof List<?> commands) {
        sb.append("fix for ").append(e.file()).append(":\n");
        commands.forEach(cmd -> sb.append("  ").append(cmd).append('\n'));
        continue;
      }
      sb.append(e.verdict());
      if (e.file() != null) {
        sb.append(' ').append(e.file()).append(e.line() > 0 ? ":" + e.line() : "");
      }
      sb.append(": ").append(e.message());
      if (e.rule() != null) {
        sb.append(" [").append(e.rule()).append(']');
      }
      sb.append('\n');
    }
    if (c.remediation() != null) {
      sb.append("fix: ").append(c.remediation()).append('\n');
    }
    return sb.toString();
  }

  /** Text as XML character data or an attribute value; characters XML 1.0 forbids are dropped. */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }
}
