package dev.zpaaudit.report;

import static dev.zpaaudit.report.TextLayout.LIST_LIMIT;
import static dev.zpaaudit.report.TextLayout.count;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One check in the text report: its summary, what is uncovered, the evidence and the fix. */
final class CheckText {
  /** Verdicts that say all is well; the others are shown first when a list must be cut. */
  private static final Set<String> GOOD = Set.of("allow", "pass", "info");

  /** More allow items than this are told as one line; the denials are what needs reading. */
  private static final int ALLOWS_SHOWN = 3;

  private CheckText() {}

  static void details(StringBuilder sb, CheckResult c) {
    sb.append("\n== ")
        .append(c.id())
        .append(" (")
        .append(String.join(", ", c.requirements()))
        .append("): ")
        .append(c.status().label().toUpperCase(Locale.ROOT))
        .append('\n');
    TextLayout.words(sb, "  ", c.summary(), 4);
    if (c.uncovered() != null && !c.uncovered().isEmpty()) {
      TextLayout.list(sb, 2, "uncovered", c.uncovered());
    }
    evidence(sb, c.evidence());
    if (c.remediation() != null && c.status() != Status.PASS) {
      TextLayout.words(sb, "  fix: ", c.remediation(), 4);
    }
    commands(sb, c.evidence());
  }

  /**
   * The commands of the fixes, whole and one a line so that they paste as written; at most {@value
   * TextLayout#LIST_LIMIT} lines in all, the rest in the JSON report.
   */
  private static void commands(StringBuilder sb, List<Evidence> all) {
    int shown = 0;
    int hidden = 0;
    for (Evidence e : all) {
      if (!e.verdict().equals("fix") || !(e.data().get("commands") instanceof List<?> commands)) {
        continue;
      }
      if (shown >= TextLayout.LIST_LIMIT) {
        hidden += commands.size();
        continue;
      }
      TextLayout.words(
          sb, "  commands for ", e.file() + " (" + e.data().get("attachment") + "):", 4);
      for (Object cmd : commands) {
        if (shown < TextLayout.LIST_LIMIT) {
          sb.append("    ").append(cmd).append('\n');
          shown++;
        } else {
          hidden++;
        }
      }
    }
    if (hidden > 0) {
      sb.append("    # ").append(TextLayout.more(hidden)).append('\n');
    }
  }

  private static void evidence(StringBuilder sb, List<Evidence> all) {
    long allows = all.stream().filter(e -> e.verdict().equals("allow")).count();
    boolean collapse = allows > ALLOWS_SHOWN;
    List<Evidence> items = new ArrayList<>();
    List<Map<?, ?>> perRange = new ArrayList<>();
    for (Evidence e : all) {
      if (e.verdict().equals("fix")) {
        continue;
      }
      if (e.data().get("ranges") instanceof List<?>) {
        perRange.add(e.data());
      } else if (!(collapse && e.verdict().equals("allow"))) {
        items.add(e);
      }
    }
    boolean[] show = toShow(items);
    List<Evidence> hidden = new ArrayList<>();
    Evidence previous = null;
    for (int i = 0; i < items.size(); i++) {
      if (show[i]) {
        item(sb, items.get(i), previous);
        previous = items.get(i);
      } else {
        hidden.add(items.get(i));
      }
    }
    if (!hidden.isEmpty()) {
      TextLayout.words(sb, "  - ", hiddenLine(hidden), 4);
    }
    if (collapse) {
      TextLayout.words(
          sb, "  - ", "allow: " + count(allows) + " rules allow the rest (see the JSON report)", 4);
    }
    perRange.forEach(data -> notAllowed(sb, data));
  }

  /**
   * Which items to show: all of them up to {@value TextLayout#LIST_LIMIT}; past that, those that
   * are not well first, then the others, each kept in its place.
   */
  private static boolean[] toShow(List<Evidence> items) {
    boolean[] show = new boolean[items.size()];
    int left = LIST_LIMIT;
    for (boolean good : new boolean[] {false, true}) {
      for (int i = 0; i < items.size() && left > 0; i++) {
        if (GOOD.contains(items.get(i).verdict()) == good) {
          show[i] = true;
          left--;
        }
      }
    }
    return show;
  }

  /** "... and 460 more: 458 indeterminate, 2 deny (see the JSON report)", or "..., all pass". */
  private static String hiddenLine(List<Evidence> hidden) {
    Map<String, Integer> byVerdict = new LinkedHashMap<>();
    for (Evidence e : hidden) {
      byVerdict.put(e.verdict(), byVerdict.getOrDefault(e.verdict(), 0) + 1);
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> v : byVerdict.entrySet()) {
      parts.add(count(v.getValue()) + " " + v.getKey());
    }
    String which =
        byVerdict.size() == 1
            ? ", all " + byVerdict.keySet().iterator().next()
            : ": " + String.join(", ", parts);
    return "... and " + count(hidden.size()) + " more" + which + " (see the JSON report)";
  }

  private static void item(StringBuilder sb, Evidence e, Evidence previous) {
    String head = e.verdict() + (e.file() != null ? " by " + e.where() : "") + ": " + e.message();
    TextLayout.words(sb, "  - ", head, 4);
    if (e.rule() != null) {
      TextLayout.words(sb, "      rule: ", e.rule(), 8);
    }
    addresses(
        sb, "destinations", e.destinations(), previous == null ? null : previous.destinations());
    addresses(sb, "sources", e.sources(), previous == null ? null : previous.sources());
  }

  /** A list of addresses, or a short line when it is the same long list as the item above. */
  private static void addresses(
      StringBuilder sb, String label, List<String> items, List<String> above) {
    if (items.isEmpty()) {
      return;
    }
    if (items.size() > 1 && items.equals(above)) {
      sb.append("      ")
          .append(label)
          .append(": the same ")
          .append(TextLayout.size(items))
          .append(" as the item above\n");
      return;
    }
    TextLayout.list(sb, 6, label, items);
  }

  /** The published entries that are not allowed, with their status, out of all entries. */
  private static void notAllowed(StringBuilder sb, Map<?, ?> data) {
    List<?> ranges = (List<?>) data.get("ranges");
    Map<?, ?> words = data.get("labels") instanceof Map<?, ?> w ? w : Map.of();
    List<String> lines = new ArrayList<>();
    int applicable = 0;
    for (Object o : ranges) {
      // Not-applicable entries are listed apart, by their own evidence item.
      if (o instanceof Map<?, ?> m && "not-applicable".equals(m.get("status"))) {
        continue;
      }
      applicable++;
      if (o instanceof Map<?, ?> m && !"allowed".equals(m.get("status"))) {
        Object status = m.get("status");
        lines.add(m.get("range") + " " + (words.containsKey(status) ? words.get(status) : status));
      }
    }
    if (!lines.isEmpty()) {
      String head =
          "  published entries "
              + (words.containsKey("none") ? words.get("none") : "not allowed")
              + " ("
              + count(lines.size())
              + " of "
              + count(applicable)
              + "): ";
      TextLayout.units(sb, head, TextLayout.listUnits(lines), 4);
    }
  }
}
