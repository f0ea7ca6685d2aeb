package dev.zpaaudit.checks;

import java.util.Locale;

/** The outcome of a check. Only PASS is a pass; INDETERMINATE means it could not be proven. */
public enum Status {
  PASS,
  FAIL,
  INDETERMINATE,
  SKIPPED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
