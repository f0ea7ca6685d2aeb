package dev.zpaaudit.ingest.panos;

import java.util.Locale;
import java.util.Optional;

/** A security rule's {@code <action>}. */
public enum SecurityAction {
  ALLOW,
  DENY,
  DROP,
  RESET_CLIENT,
  RESET_SERVER,
  RESET_BOTH;

  /** The action as PAN-OS writes it ("reset-client"). */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<SecurityAction> tryParse(String text) {
    for (SecurityAction a : values()) {
      if (a.text().equals(text)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
