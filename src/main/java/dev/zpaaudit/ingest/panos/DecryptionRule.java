package dev.zpaaudit.ingest.panos;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A decryption rule, as written: its match, action and type. */
public record DecryptionRule(
    String name, RuleMatch match, Action action, Type type, boolean disabled, int line) {
  /** {@code <action>}. */
  public enum Action {
    DECRYPT,
    NO_DECRYPT,
    DECRYPT_AND_FORWARD;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> tryParse(String text) {
      for (Action a : values()) {
        if (a.text().equals(text)) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }
  }

  /** {@code <type>}: the element written inside it. */
  public enum Type {
    SSL_FORWARD_PROXY,
    SSL_INBOUND_INSPECTION,
    SSH_PROXY;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Type> tryParse(String text) {
      for (Type t : values()) {
        if (t.text().equals(text)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public DecryptionRule {
    Checks.name(name, "rule name");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(type, "type");
    Checks.writtenLine(line);
  }
}
