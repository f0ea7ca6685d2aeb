package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The report for people: a short summary first, then the evidence for each check. */
public final class TextReport implements Renderer {
  /** Lists longer than this are cut in text; the JSON report always has them whole. */
  static final int LIST_LIMIT = 20;

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public String render(Report r) {
    StringBuilder sb = new StringBuilder();
    Status overall = Renderer.overall(r);
    sb.append("zpa-audit ")
        .append(r.command())
        .append(": ")
        .append(overall.label().toUpperCase(Locale.ROOT))
        .append(" (")
        .append(r.count(Status.PASS))
        .append(" pass, ")
        .append(r.count(Status.FAIL))
        .append(" fail, ")
        .append(r.count(Status.INDETERMINATE))
        .append(" indeterminate");
    if (r.count(Status.SKIPPED) > 0) {
      sb.append(", ").append(r.count(Status.SKIPPED)).append(" skipped");
    }
    sb.append(")\n");
    if (r.ranges() != null) {
      sb.append("ranges: ")
          .append(r.ranges().count())
          .append(" entries from ")
          .append(r.ranges().source())
          .append(" (")
          .append(r.ranges().date())
          .append(")\n");
    }
    for (Report.Input in : r.inputs()) {
      sb.append("input: ").append(in.file()).append(" (").append(in.format()).append(")\n");
    }
    devices(sb, r.inputs());
    r.context().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    sb.append('\n');
    int idWidth = r.checks().stream().mapToInt(c -> c.id().length()).max().orElse(8);
    for (CheckResult c : r.checks()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-13s %-" + idWidth + "s  %-8s  %s%n",
              c.status().label().toUpperCase(Locale.ROOT),
              c.id(),
              c.severity().label(),
              c.summary()));
    }
    for (CheckResult c : r.checks()) {
      details(sb, c);
    }
    if (!r.diagnostics().isEmpty()) {
      sb.append("\ndiagnostics (").append(r.diagnostics().size()).append("):\n");
      for (Diagnostic d : r.diagnostics()) {
        sb.append("  ").append(d.format()).append('\n');
      }
    }
    return sb.toString();
  }

  /** A device of several exports: which family each judges. */
  private static void devices(StringBuilder sb, List<Report.Input> inputs) {
    Map<Integer, List<Report.Input>> byDevice = new TreeMap<>();
    for (Report.Input in : inputs) {
      if (in.device() != null) {
        byDevice.computeIfAbsent(in.device(), k -> new ArrayList<>()).add(in);
      }
    }
    for (List<Report.Input> exports : byDevice.values()) {
      if (exports.size() < 2) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (Report.Input in : exports) {
        List<String> fams = in.families().stream().map(f -> "IPv" + f).toList();
        parts.add(in.file() + " (" + (fams.isEmpty() ? "no rules" : String.join(", ", fams)) + ")");
      }
      sb.append("device: ").append(String.join(" + ", parts)).append('\n');
    }
  }

  private static void details(StringBuilder sb, CheckResult c) {
    sb.append("\n== ")
        .append(c.id())
        .append(" (")
        .append(String.join(", ", c.requirements()))
        .append("): ")
        .append(c.status().label().toUpperCase(Locale.ROOT))
        .append('\n');
    sb.append("  ").append(c.summary()).append('\n');
    if (c.uncovered() != null && !c.uncovered().isEmpty()) {
      sb.append("  uncovered (").append(c.uncovered().size()).append("): ");
      list(sb, c.uncovered());
      sb.append('\n');
    }
    long allows = c.evidence().stream().filter(e -> e.verdict().equals("allow")).count();
    boolean collapse = allows > 3;
    for (Evidence e : c.evidence()) {
      if (e.data().get("ranges") instanceof List<?> ranges) {
        notAllowed(sb, ranges);
        continue;
      }
      if (collapse && e.verdict().equals("allow")) {
        continue;
      }
      sb.append("  - ").append(e.verdict());
      if (e.file() != null) {
        sb.append(" by ").append(e.where());
      }
      sb.append(": ").append(e.message()).append('\n');
      if (e.rule() != null) {
        sb.append("      rule: ").append(e.rule()).append('\n');
      }
      if (!e.destinations().isEmpty()) {
        sb.append("      destinations (").append(e.destinations().size()).append("): ");
        list(sb, e.destinations());
        sb.append('\n');
      }
      if (!e.sources().isEmpty()) {
        sb.append("      sources: ");
        list(sb, e.sources());
        sb.append('\n');
      }
    }
    if (collapse) {
      sb.append("  - allow: ")
          .append(allows)
          .append(" rules allow the rest (the JSON report lists each)\n");
    }
    if (c.remediation() != null && c.status() != Status.PASS) {
      sb.append("  fix: ").append(c.remediation()).append('\n');
    }
  }

  /** The published entries that are not allowed, with their status. */
  private static void notAllowed(StringBuilder sb, List<?> ranges) {
    List<String> lines = new java.util.ArrayList<>();
    for (Object o : ranges) {
      // Not-applicable entries are listed apart, by their own evidence item.
      if (o instanceof java.util.Map<?, ?> m
          && !"allowed".equals(m.get("status"))
          && !"not-applicable".equals(m.get("status"))) {
        lines.add(m.get("range") + " " + m.get("status"));
      }
    }
    if (!lines.isEmpty()) {
      sb.append("  ranges not allowed (").append(lines.size()).append("): ");
      list(sb, lines);
      sb.append('\n');
    }
  }

  private static void list(StringBuilder sb, List<String> items) {
    int n = Math.min(items.size(), LIST_LIMIT);
    sb.append(String.join(", ", items.subList(0, n)));
    if (items.size() > n) {
      sb.append(", ... and ").append(items.size() - n).append(" more (the JSON report lists all)");
    }
  }
}
