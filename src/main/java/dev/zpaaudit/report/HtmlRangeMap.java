package dev.zpaaudit.report;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A check's per-range results as a picture: the counts per status, which double as the legend, and
 * a map of the IPv4 address space, 16 by 16 cells of one /8 block each (0.0.0.0/8 top left), each
 * cell coloured and marked by the least allowed status of the published entries in it, with a bar
 * showing the mix and a hover title naming the entries. Entries of other families are shown as
 * marked chips. The tables of entries follow ({@link HtmlRangeTable}).
 */
final class HtmlRangeMap {
  /** Entries a cell's hover title names per status; it says how many more there are. */
  static final int TITLE_LIMIT = 12;

  private static final int CELLS = 256;

  /** A published entry: its text as published, its status, and its result as the check wrote it. */
  record Entry(String range, RangeStatus status, Map<?, ?> result) {}

  private HtmlRangeMap() {}

  /** The per-range results of a check, in the check's order; empty for a check without them. */
  static List<Entry> entries(CheckResult c) {
    List<Entry> out = new ArrayList<>();
    for (Evidence e : c.evidence()) {
      if (e.data().get("ranges") instanceof List<?> results) {
        for (Object o : results) {
          if (o instanceof Map<?, ?> m) {
            out.add(new Entry(String.valueOf(m.get("range")), RangeStatus.of(m), m));
          }
        }
      }
    }
    return out;
  }

  /** Entries per status, every status present (0 when none), least allowed first. */
  static Map<RangeStatus, Integer> counts(List<Entry> entries) {
    Map<RangeStatus, Integer> counts = new EnumMap<>(RangeStatus.class);
    for (RangeStatus s : RangeStatus.values()) {
      counts.put(s, 0);
    }
    entries.forEach(e -> counts.merge(e.status(), 1, Integer::sum));
    return counts;
  }

  /** The element id of a check's map section. */
  static String sectionId(CheckResult c) {
    return "ranges-" + Html.id(c.id());
  }

  /** What a status means for a check: its own word where the check gives one (ssl-bypass). */
  static String word(CheckResult c, RangeStatus s) {
    for (Evidence e : c.evidence()) {
      if (e.data().get("labels") instanceof Map<?, ?> words && words.get(s.label()) != null) {
        return String.valueOf(words.get(s.label()));
      }
    }
    return s.label();
  }

  /** The section of one check that has per-range results. */
  static void render(StringBuilder sb, CheckResult c) {
    List<Entry> entries = entries(c);
    String id = sectionId(c);
    sb.append("<section class=\"rangemap\" id=\"").append(id).append("\">\n");
    sb.append("<h3><a href=\"#check-")
        .append(Html.id(c.id()))
        .append("\">")
        .append(Html.text(c.id()))
        .append("</a>: ")
        .append(Html.count(entries.size()))
        .append(entries.size() == 1 ? " published entry" : " published entries")
        .append("</h3>\n");
    counts(sb, id, counts(entries), c);
    List<List<Entry>> cells = new ArrayList<>();
    for (int i = 0; i < CELLS; i++) {
      cells.add(new ArrayList<>());
    }
    List<Entry> others = new ArrayList<>();
    for (Entry e : entries) {
      place(e, cells, others);
    }
    if (others.size() < entries.size()) {
      map(sb, c, cells);
    }
    chips(sb, others);
    HtmlRangeTable.render(sb, entries);
    sb.append("</section>\n");
  }

  /** The counts per status, each with its swatch: the legend of the map. */
  private static void counts(
      StringBuilder sb, String id, Map<RangeStatus, Integer> counts, CheckResult c) {
    sb.append("<ul class=\"counts\" aria-label=\"published entries by status\">\n");
    counts.forEach(
        (s, n) ->
            sb.append("<li id=\"")
                .append(id)
                .append('-')
                .append(s.label())
                .append("\" data-count=\"")
                .append(n)
                .append("\" data-status=\"")
                .append(s.label())
                .append("\">")
                .append(swatch(s.css(), s.mark()))
                .append(" <b>")
                .append(Html.count(n))
                .append("</b> ")
                .append(word(c, s))
                .append("</li>\n"));
    sb.append("<li>").append(swatch("empty", "")).append(" no published entry</li>\n");
    sb.append("</ul>\n");
  }

  static String swatch(String css, String mark) {
    return "<span class=\"sw " + css + "\" aria-hidden=\"true\">" + mark + "</span>";
  }

  /** Adds the entry to each /8 cell its IPv4 addresses touch, or to {@code others}. */
  private static void place(Entry e, List<List<Entry>> cells, List<Entry> others) {
    Optional<IpSet> set = IpSet.tryParse(e.range());
    if (set.isEmpty() || set.get().isEmpty() || set.get().family() != AddressFamily.IPV4) {
      others.add(e);
      return;
    }
    int first = set.get().first().orElseThrow().getAddress()[0] & 0xff;
    int last = set.get().last().orElseThrow().getAddress()[0] & 0xff;
    for (int octet = first; octet <= last; octet++) {
      cells.get(octet).add(e);
    }
  }

  private static void map(StringBuilder sb, CheckResult c, List<List<Entry>> cells) {
    sb.append("<div class=\"map\" aria-label=\"")
        .append(Html.attr("IPv4 address space of " + c.id() + " by /8 block"))
        .append("\">\n");
    for (int octet = 0; octet < CELLS; octet++) {
      cell(sb, octet, cells.get(octet));
    }
    sb.append("</div>\n<p class=\"note\">Each cell is one /8 block of IPv4 addresses, 0.0.0.0/8")
        .append(" top left to 255.0.0.0/8 bottom right, coloured and marked by the least allowed")
        .append(" status of the published entries in it; the bar at its foot shows their mix.")
        .append(" Hover over a cell for its entries.</p>\n");
  }

  private static void cell(StringBuilder sb, int octet, List<Entry> in) {
    String block = octet + ".0.0.0/8";
    if (in.isEmpty()) {
      sb.append("<div class=\"c empty\" title=\"")
          .append(block)
          .append(": no published entry\"><b>")
          .append(octet)
          .append("</b></div>\n");
      return;
    }
    Map<RangeStatus, Integer> counts = counts(in);
    RangeStatus worst = in.stream().map(Entry::status).min(Enum::compareTo).orElseThrow();
    sb.append("<div class=\"c ")
        .append(worst.css())
        .append("\" data-block=\"")
        .append(block)
        .append("\" title=\"")
        .append(Html.attr(title(block, in, counts)))
        .append("\"><b>")
        .append(octet)
        .append("</b><i aria-hidden=\"true\">")
        .append(worst.mark())
        .append("</i>");
    if (counts.values().stream().filter(n -> n > 0).count() > 1) {
      mix(sb, counts, in.size());
    }
    sb.append("</div>\n");
  }

  /** A bar of the statuses in a cell, each as wide as its share. */
  private static void mix(StringBuilder sb, Map<RangeStatus, Integer> counts, int total) {
    sb.append("<span class=\"mix\">");
    counts.forEach(
        (s, n) -> {
          if (n > 0) {
            sb.append("<span class=\"")
                .append(s.css())
                .append("\" style=\"width:")
                .append(String.format(Locale.ROOT, "%.1f", 100.0 * n / total))
                .append("%\"></span>");
          }
        });
    sb.append("</span>");
  }

  /** "3.0.0.0/8: 150 published entries: 26 denied, 124 allowed", then the entries per status. */
  static String title(String block, List<Entry> in, Map<RangeStatus, Integer> counts) {
    StringBuilder sb = new StringBuilder(block).append(": ");
    sb.append(Html.count(in.size()))
        .append(in.size() == 1 ? " published entry" : " published entries");
    String sep = ": ";
    for (Map.Entry<RangeStatus, Integer> e : counts.entrySet()) {
      if (e.getValue() > 0) {
        sb.append(sep).append(Html.count(e.getValue())).append(' ').append(e.getKey().label());
        sep = ", ";
      }
    }
    for (RangeStatus s : counts.keySet()) {
      List<String> names = in.stream().filter(e -> e.status() == s).map(Entry::range).toList();
      if (names.isEmpty()) {
        continue;
      }
      sb.append('\n').append(s.label()).append(": ");
      sb.append(String.join(", ", names.subList(0, Math.min(names.size(), TITLE_LIMIT))));
      if (names.size() > TITLE_LIMIT) {
        sb.append(" and ").append(Html.count(names.size() - TITLE_LIMIT)).append(" more");
      }
    }
    return sb.toString();
  }

  /** Entries that are not IPv4 (IPv6, or text that is not an address) as marked chips. */
  private static void chips(StringBuilder sb, List<Entry> others) {
    if (others.isEmpty()) {
      return;
    }
    sb.append("<p class=\"note\">Entries outside the IPv4 map:</p>\n<ul class=\"chips\">\n");
    for (Entry e : others) {
      sb.append("<li class=\"")
          .append(e.status().css())
          .append("\" title=\"")
          .append(Html.attr(e.range() + ": " + e.status().label()))
          .append("\"><i aria-hidden=\"true\">")
          .append(e.status().mark())
          .append("</i> ")
          .append(Html.text(e.range()))
          .append(" <small>")
          .append(e.status().label())
          .append("</small></li>\n");
    }
    sb.append("</ul>\n");
  }
}
