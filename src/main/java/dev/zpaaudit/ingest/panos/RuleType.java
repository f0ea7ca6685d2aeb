package dev.zpaaudit.ingest.panos;

import java.util.Locale;
import java.util.Optional;

/**
 * A security rule's {@code <rule-type>}: universal (the default: within and between zones),
 * intrazone (only within the same zone) or interzone (only between different zones).
 */
public enum RuleType {
  UNIVERSAL,
  INTRAZONE,
  INTERZONE;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RuleType> tryParse(String text) {
    for (RuleType t : values()) {
      if (t.text().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
