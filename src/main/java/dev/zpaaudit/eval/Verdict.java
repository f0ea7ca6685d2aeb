package dev.zpaaudit.eval;

import java.util.Locale;

/** The fate of a packet: let through, stopped, or not known. */
public enum Verdict {
  ALLOW,
  DENY,
  INDETERMINATE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
