package dev.zpaaudit.report;

import dev.zpaaudit.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * How the text report lays out lines: wrapped for an 80-column terminal with a hanging indent,
 * broken only between words or list items (never inside an address, a CIDR or a file:line), and
 * lists cut after {@value #LIST_LIMIT} items with a line saying how many more the JSON report has.
 */
final class TextLayout {
  /** The width lines are wrapped to; a single word longer than that stands alone on its line. */
  static final int WIDTH = 80;

  /** Lists longer than this are cut in text; the JSON report always has them whole. */
  static final int LIST_LIMIT = 20;

  private TextLayout() {}

  /** A count with thousands separators: {@code 1,080}. */
  static String count(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
    sb.append(digits, 0, sign);
    for (int i = sign; i < digits.length(); i++) {
      if (i > sign && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  /** A count and the noun it counts, singular for one: {@code 1 warning}, {@code 885 warnings}. */
  static String count(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  /** What stands for the items a list leaves out. */
  static String more(long hidden) {
    return "... and " + count(hidden) + " more (see the JSON report)";
  }

  /**
   * The items as units of a comma-separated list, cut after {@value #LIST_LIMIT} with a last unit
   * saying how many more there are.
   */
  static List<String> listUnits(List<String> items) {
    int shown = items.size() > LIST_LIMIT ? LIST_LIMIT : items.size();
    List<String> units = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      boolean last = i == shown - 1 && shown == items.size();
      units.add(last ? items.get(i) : items.get(i) + ",");
    }
    if (shown < items.size()) {
      units.add(more(items.size() - shown));
    }
    return units;
  }

  /**
   * "label: a, b, c" for a list: the label says how many items there are (as address blocks when
   * every item is a CIDR) when there are more than one, and the list is cut after {@value
   * #LIST_LIMIT}.
   */
  static void list(StringBuilder sb, int at, String label, List<String> items) {
    String head = " ".repeat(at) + label;
    if (items.size() > 1) {
      head += " (" + size(items) + ")";
    }
    units(sb, head + ": ", listUnits(items), at + 2);
  }

  /** How many items a list has: "818 blocks" when they are all CIDRs, else just the number. */
  static String size(List<String> items) {
    return allCidrs(items) ? count(items.size(), "block", "blocks") : count(items.size());
  }

  private static boolean allCidrs(List<String> items) {
    return items.stream().allMatch(TextLayout::looksLikeCidr);
  }

  /** Written as a CIDR block (as the reports print them): address characters, one '/' and bits. */
  static boolean looksLikeCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 2 || slash != s.lastIndexOf('/') || slash == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean address =
          digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':';
      if (i < slash ? !address : i > slash && !digit) {
        return false;
      }
    }
    return s.indexOf('.') >= 0 || s.indexOf(':') >= 0;
  }

  /** Appends {@code first} and then the words of {@code text}, wrapped with a hanging indent. */
  static void words(StringBuilder sb, String first, String text, int indent) {
    List<String> units = new ArrayList<>();
    String[] paragraphs = text.split("\n", -1);
    for (int p = 0; p < paragraphs.length; p++) {
      if (p > 0) {
        units.add("\n");
      }
      for (String w : paragraphs[p].split(" ")) {
        if (!w.isEmpty()) {
          units.add(w);
        }
      }
    }
    units(sb, first, units, indent);
  }

  /**
   * Appends {@code first} and then the units, separated by single spaces and wrapped at {@link
   * #WIDTH}: a unit is never broken, and a line takes at least one unless the first one fits better
   * on the next line. A unit "\n" starts a new line. Continuation lines start with {@code indent}
   * spaces; the text ends with a newline and no line ends with a space.
   */
  static void units(StringBuilder sb, String first, List<String> units, int indent) {
    String pad = " ".repeat(indent);
    int lineStart = sb.length();
    sb.append(first);
    boolean empty = true;
    for (String unit : units) {
      // Text quoted from an export (a rule, a comment) cannot break or hide a line.
      String u = unit.equals("\n") ? unit : Diagnostic.printable(unit);
      int col = sb.length() - lineStart;
      boolean fits = col + (empty ? 0 : 1) + u.length() <= WIDTH;
      boolean fitsBelow = indent + u.length() <= WIDTH;
      if (u.equals("\n") || !fits && (!empty || fitsBelow && !first.isBlank())) {
        trimEnd(sb);
        sb.append('\n');
        lineStart = sb.length();
        sb.append(pad);
        empty = true;
        if (u.equals("\n")) {
          continue;
        }
      }
      if (!empty) {
        sb.append(' ');
      }
      sb.append(u);
      empty = false;
      first = pad;
    }
    trimEnd(sb);
    sb.append('\n');
  }

  private static void trimEnd(StringBuilder sb) {
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == ' ') {
      n--;
    }
    sb.setLength(n);
  }
}
