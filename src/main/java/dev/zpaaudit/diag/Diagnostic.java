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

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

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

  /** The one format for a located message: {@code file:line: severity: message}. */
  public String format() {
    return location + ": " + severity.label() + ": " + message;
  }
}
