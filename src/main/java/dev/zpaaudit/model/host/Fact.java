package dev.zpaaudit.model.host;

import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/**
 * One fact about a host: its value and where it was read (a facts file key or an inventory field),
 * or, when unknown, why. A missing fact is never treated as a pass.
 */
public record Fact<T>(T value, SourceLocation at, String missing) {
  public Fact {
    if (value == null) {
      Objects.requireNonNull(missing, "a fact without a value needs a reason");
    } else if (missing != null) {
      throw new IllegalArgumentException("a fact with a value has no missing reason");
    }
  }

  public static <T> Fact<T> of(T value, SourceLocation at) {
    return new Fact<>(Objects.requireNonNull(value, "value"), at, null);
  }

  public static <T> Fact<T> unknown(String reason, SourceLocation at) {
    return new Fact<>(null, at, reason);
  }

  public boolean known() {
    return value != null;
  }

  /** {@code file:line}, or empty when the fact was not located. */
  public String where() {
    return at == null ? "" : at.toString();
  }
}
