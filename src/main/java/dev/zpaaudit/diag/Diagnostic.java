package dev.zpaaudit.diag;

import dev.zpaaudit.model.SourceLocation;
import java.util.Comparator;
import java.util.Objects;

/** Something worth telling about the input: an error, a warning, or a note. */
public record Diagnostic(Severity severity, SourceLocation location, String message) {
  public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * By location, then severity, then message (written out, not composed from the JDK's comparators,
   * whose lambdas are made anew at each start).
   */
  public static final Comparator<Diagnostic> ORDER =
      (a, b) -> {
        int c = a.location.compareTo(b.location);
        c = c != 0 ? c : a.severity.compareTo(b.severity);
        return c != 0 ? c : a.message.compareTo(b.message);
      };

  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(location);
    Objects.requireNonNull(message);
  }

  /**
   * What the diagnostic is about, for counting alike ones together: the match, target or expression
   * that is not modelled ({@code mac}, {@code target NFQUEUE}, {@code meta mark}); null for a
   * message that does not say something is not modelled. See {@link DiagnosticKinds}.
   */
  public String kind() {
    return DiagnosticKinds.of(message);
  }

  /**
   * The one format for a located message: {@code file:line: severity: message}, on one line. Input
   * quoted in the message cannot break or hide it: control, format and line-separator characters
   * are written as escapes (a carriage return as {@code \r}, others as a backslash, {@code u} and
   * four hex digits).
   */
  public String format() {
    return printable(location + ": " + severity.label() + ": " + message);
  }

  /** The text with every control, format or line-separator character written as an escape. */
  public static String printable(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = c != '\t' && isInvisible(c);
      if (escape && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (!escape) {
          sb.append(c);
        } else if (c == '\r') {
          sb.append("\\r");
        } else if (c == '\n') {
          sb.append("\\n");
        } else {
          sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static boolean isInvisible(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
