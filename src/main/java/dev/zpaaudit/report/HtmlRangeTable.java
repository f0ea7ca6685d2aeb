package dev.zpaaudit.report;

import dev.zpaaudit.report.HtmlRangeMap.Entry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A check's per-range results in words: a table of the entries not allowed, with each entry's
 * status, where it is listed, the rules that decided it by verdict, why it is not allowed where no
 * rule says, and for a partial entry which parts each rule decided; then every entry, listed by
 * status under one folded line per status.
 */
final class HtmlRangeTable {
  private static final String BY = "By";
  private static final String BY_COUNT = "ByCount";

  private HtmlRangeTable() {}

  static void render(StringBuilder sb, List<Entry> entries) {
    List<Entry> notAllowed =
        entries.stream()
            .filter(e -> e.status() != RangeStatus.ALLOWED)
            .filter(e -> e.status() != RangeStatus.NOT_APPLICABLE)
            .toList();
    long applicable =
        entries.stream().filter(e -> e.status() != RangeStatus.NOT_APPLICABLE).count();
    if (notAllowed.isEmpty()) {
      sb.append("<p>")
          .append(
              applicable == 0
                  ? "No entry applies to the connectors."
                  : "Every applicable entry is allowed.")
          .append("</p>\n");
    } else {
      sb.append("<h4>Entries not allowed (")
          .append(Html.count(notAllowed.size()))
          .append(" of ")
          .append(Html.count(applicable))
          .append(")</h4>\n");
      table(sb, notAllowed);
    }
    byStatus(sb, entries);
  }

  /** Every entry, listed by status under one folded line per status. */
  private static void byStatus(StringBuilder sb, List<Entry> entries) {
    for (RangeStatus s : RangeStatus.values()) {
      List<String> ranges =
          entries.stream().filter(e -> e.status() == s).map(Entry::range).toList();
      if (ranges.isEmpty()) {
        continue;
      }
      sb.append("<details class=\"").append(s.css()).append("\"><summary>");
      sb.append(Html.count(ranges.size())).append(ranges.size() == 1 ? " entry " : " entries ");
      sb.append(tag(s)).append("</summary><p class=\"addrs\">");
      sb.append(Html.text(String.join(", ", ranges))).append("</p></details>\n");
    }
  }

  private static void table(StringBuilder sb, List<Entry> entries) {
    sb.append("<table class=\"entries\"><thead><tr>");
    for (String h : new String[] {"entry", "status", "listed at", "decided by", "why"}) {
      sb.append("<th scope=\"col\">").append(h).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (Entry e : entries) {
      row(sb, e);
    }
    sb.append("</tbody></table>\n");
  }

  private static void row(StringBuilder sb, Entry e) {
    Map<?, ?> m = e.result();
    sb.append("<tr><td><code>")
        .append(Html.text(e.range()))
        .append("</code></td><td>")
        .append(tag(e.status()))
        .append("</td><td>")
        .append(Html.path(where(m.get("file"), m.get("line"))))
        .append("</td><td>");
    decidedBy(sb, m);
    sb.append("</td><td>");
    if (m.get("reason") != null) {
      sb.append(Html.text(String.valueOf(m.get("reason"))));
    }
    if (m.get("parts") instanceof List<?> parts) {
      parts(sb, parts);
    }
    sb.append("</td></tr>\n");
  }

  /** A status as a marked, coloured tag whose text says it. */
  static String tag(RangeStatus s) {
    return "<span class=\"tag "
        + s.css()
        + "\"><i aria-hidden=\"true\">"
        + s.mark()
        + "</i> "
        + s.label()
        + "</span>";
  }

  static String where(Object file, Object line) {
    if (file == null) {
      return "";
    }
    return line instanceof Number n && n.intValue() > 0 ? file + ":" + n : String.valueOf(file);
  }

  /** "deny: fw.xml:90", one line per verdict, from the entry's allowBy, denyBy... keys. */
  private static void decidedBy(StringBuilder sb, Map<?, ?> m) {
    Map<String, Object> by = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          if (key.endsWith(BY) && key.length() > BY.length()) {
            by.put(key.substring(0, key.length() - BY.length()), v);
          }
        });
    by.forEach(
        (verdict, rules) -> {
          sb.append("<div><b>").append(Html.text(verdict)).append(":</b> ");
          sb.append(Html.path(Html.value(rules)));
          if (m.get(verdict + BY_COUNT) instanceof Number n
              && rules instanceof List<?> shown
              && n.longValue() > shown.size()) {
            sb.append(" and ").append(Html.count(n.longValue() - shown.size())).append(" more");
          }
          sb.append("</div>");
        });
  }

  /** The parts of a partial entry: which sub-ranges and sources each rule decided. */
  private static void parts(StringBuilder sb, List<?> parts) {
    sb.append("<ul class=\"parts\">");
    for (Object o : parts) {
      if (!(o instanceof Map<?, ?> p)) {
        continue;
      }
      sb.append("<li><b>").append(Html.text(String.valueOf(p.get("verdict")))).append("</b> ");
      if (p.get("packets") != null) {
        sb.append(Html.text(p.get("packets") + " packets "));
      }
      sb.append("to ").append(Html.text(Html.value(p.get("destinations"))));
      if (p.get("sources") != null) {
        sb.append(" from ").append(Html.text(Html.value(p.get("sources"))));
      }
      if (p.get("interfaces") != null) {
        sb.append(' ').append(Html.text(String.valueOf(p.get("interfaces"))));
      }
      if (p.get("file") != null) {
        sb.append(" by ").append(Html.path(where(p.get("file"), p.get("line"))));
      }
      if (p.get("rule") != null) {
        sb.append(" <code>").append(Html.text(String.valueOf(p.get("rule")))).append("</code>");
      }
      if (p.get("reason") != null) {
        sb.append(": ").append(Html.text(String.valueOf(p.get("reason"))));
      }
      sb.append("</li>");
    }
    sb.append("</ul>");
  }
}
