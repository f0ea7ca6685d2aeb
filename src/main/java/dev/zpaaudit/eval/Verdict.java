package dev.zpaaudit.eval;

import java.util.Locale;

/** The fate of a packet: let through, stopped, or not known. */
public enum Verdict {
  ALLOW,
  DENY,
  INDETERMINATE;

  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }
}
