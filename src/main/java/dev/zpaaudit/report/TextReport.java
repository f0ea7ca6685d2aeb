package dev.zpaaudit.report;

import static dev.zpaaudit.report.TextLayout.count;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report for people: a short summary first, then the evidence for each check, then the
 * diagnostics. Lines are wrapped for an 80-column terminal; lists longer than {@value
 * TextLayout#LIST_LIMIT} items are cut, saying how many more the JSON report has.
 */
public final class TextReport implements Renderer {
  /** Lists longer than this are cut in text; the JSON report always has them whole. */
  static final int LIST_LIMIT = TextLayout.LIST_LIMIT;

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public String render(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("zpa-audit ")
        .append(r.command())
        .append(": ")
        .append(Renderer.overall(r).label().toUpperCase(Locale.ROOT))
        .append(" (")
        .append(count(r.count(Status.PASS)))
        .append(" pass, ")
        .append(count(r.count(Status.FAIL)))
        .append(" fail, ")
        .append(count(r.count(Status.INDETERMINATE)))
        .append(" indeterminate");
    if (r.count(Status.SKIPPED) > 0) {
      sb.append(", ").append(count(r.count(Status.SKIPPED))).append(" skipped");
    }
    if (r.suppressed() > 0) {
      sb.append(", ").append(count(r.suppressed())).append(" suppressed");
    }
    sb.append(")\n");
    if (r.ranges() != null) {
      TextLayout.words(sb, "ranges: ", ranges(r.ranges()), 2);
    }
    inputs(sb, r.inputs());
    devices(sb, r.inputs());
    r.context().forEach((k, v) -> TextLayout.words(sb, k + ": ", v, 2));
    sb.append('\n');
    summaries(sb, r);
    for (CheckResult c : r.checks()) {
      CheckText.details(sb, c);
      r.suppression(c).ifPresent(x -> TextLayout.words(sb, "  ", Renderer.suppressedWhy(x), 4));
    }
    DiagnosticText.render(sb, r.diagnostics());
    if (!r.requirements().isEmpty()) {
      sb.append('\n');
      TextLayout.words(
          sb,
          "requirements: ",
          String.join(", ", r.requirements()) + "; see " + Report.REQUIREMENTS_DOC,
          2);
    }
    return sb.toString();
  }

  /** "1,080 published entries (818 CIDR blocks once ... merged) from SOURCE (DATE)". */
  static String ranges(Report.RangeInfo ranges) {
    String blocks =
        ranges.blocks() < 0 || ranges.blocks() == ranges.count()
            ? ""
            : " ("
                + count(ranges.blocks(), "CIDR block", "CIDR blocks")
                + " once overlapping and adjacent entries are merged)";
    return count(ranges.count(), "published entry", "published entries")
        + blocks
        + " from "
        + ranges.source()
        + " ("
        + ranges.date()
        + ")";
  }

  /** One line per input, cut after {@value #LIST_LIMIT}. */
  private static void inputs(StringBuilder sb, List<Report.Input> inputs) {
    int shown = Math.min(inputs.size(), LIST_LIMIT);
    for (Report.Input in : inputs.subList(0, shown)) {
      TextLayout.words(sb, "input: ", in.file() + " (" + in.format() + ")", 2);
    }
    if (shown < inputs.size()) {
      TextLayout.words(sb, "input: ", TextLayout.more(inputs.size() - shown), 2);
    }
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
        String part =
            in.file() + " (" + (fams.isEmpty() ? "no rules" : String.join(", ", fams)) + ")";
        parts.add(parts.size() < exports.size() - 1 ? part + " +" : part);
      }
      TextLayout.units(sb, "device: ", parts, 2);
    }
  }

  /** The table of checks: status, id, severity and summary, the summary wrapped in its column. */
  private static void summaries(StringBuilder sb, Report r) {
    List<CheckResult> checks = r.checks();
    int idWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(8);
    for (CheckResult c : checks) {
      String columns =
          String.format(
              Locale.ROOT,
              "  %-13s %-" + idWidth + "s  %-8s  ",
              r.suppression(c).isPresent()
                  ? "SUPPRESSED"
                  : c.status().label().toUpperCase(Locale.ROOT),
              c.id(),
              c.severity().label());
      int indent = columns.length() <= TextLayout.WIDTH / 2 ? columns.length() : 6;
      TextLayout.words(sb, columns, c.summary(), indent);
    }
  }
}
