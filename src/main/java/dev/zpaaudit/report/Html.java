package dev.zpaaudit.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writing HTML safely: every text and attribute value goes through {@link #text} or {@link #attr},
 * so input quoted in a report (a rule's text, a file name, a message) is shown as written and never
 * becomes markup.
 */
final class Html {
  /** Lists up to this long are shown inline; longer ones are folded under a summary line. */
  static final int INLINE_LIMIT = 4;

  private Html() {}

  /**
   * Text for element content or a double- or single-quoted attribute: {@code & < > " '} as
   * references; control characters other than tab, newline and carriage return, which HTML does not
   * allow, and lone surrogates as U+FFFD; null as nothing.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || !allowed(c)) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    return !(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF');
  }

  /** A value for a double-quoted attribute: {@link #text}, with line breaks kept as references. */
  static String attr(String s) {
    return text(s).replace("\r", "").replace("\n", "&#10;").replace("\t", "&#9;");
  }

  /** A file path or {@code file:line} as text that may break after each slash. */
  static String path(String s) {
    return text(s).replace("/", "/<wbr>");
  }

  /** A fragment identifier made of the text: lower case letters, digits and hyphens. */
  static String id(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) {
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
      sb.setLength(sb.length() - 1);
    }
    return sb.length() == 0 ? "x" : sb.toString();
  }

  /** A count with thousands separators: {@code 1,080}. */
  static String count(long n) {
    return TextLayout.count(n);
  }

  /**
   * A list of addresses or names: inline up to {@value #INLINE_LIMIT} items, else folded under "N
   * label" in a {@code <details>} element.
   */
  static void list(StringBuilder sb, List<String> items, String label) {
    if (items.isEmpty()) {
      return;
    }
    if (items.size() <= INLINE_LIMIT) {
      sb.append("<span class=\"addrs\">").append(text(String.join(", ", items))).append("</span>");
      return;
    }
    sb.append("<details><summary>")
        .append(count(items.size()))
        .append(' ')
        .append(text(label))
        .append("</summary><p class=\"addrs\">")
        .append(text(String.join(", ", items)))
        .append("</p></details>");
  }

  /**
   * A value of evidence data as text, the same for the same value: maps by sorted key, lists in
   * their order.
   */
  static String value(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      StringBuilder sb = new StringBuilder("{");
      sorted.forEach(
          (k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(value(x)));
      return sb.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder();
      for (Object x : l) {
        sb.append(sb.length() > 0 ? ", " : "").append(value(x));
      }
      return sb.toString();
    }
    return String.valueOf(v);
  }
}
