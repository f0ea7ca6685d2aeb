package dev.zpaaudit.checks;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of evidence behind a check's status: usually the rule that decided (file and line, its
 * text), what it decided, and for which destinations and sources. {@code data} holds check-specific
 * machine-readable facts (probe timings, host values) with stable keys.
 */
public record Evidence(
    String verdict,
    String file,
    int line,
    String rule,
    String message,
    List<String> destinations,
    List<String> sources,
    Map<String, Object> data) {
  public Evidence {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
    sources = sources == null ? List.of() : List.copyOf(sources);
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** Evidence that is not tied to a rule in a file. */
  public static Evidence note(String verdict, String message) {
    return new Evidence(verdict, null, 0, null, message, List.of(), List.of(), Map.of());
  }

  public String where() {
    return file == null ? "" : line > 0 ? file + ":" + line : file;
  }
}
