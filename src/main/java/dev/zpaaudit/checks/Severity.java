package dev.zpaaudit.checks;

import java.util.Locale;

/** How much a failed check matters; ordered from most to least severe. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Severity parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + s + "' (expected critical, high, medium, low or info)");
    }
  }
}
