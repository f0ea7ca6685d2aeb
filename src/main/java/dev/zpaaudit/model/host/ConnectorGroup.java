package dev.zpaaudit.model.host;

import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/**
 * A connector group with its measured traffic: peak and average (aggregate in+out) and the share of
 * applications that are double-encrypted, in percent.
 */
public record ConnectorGroup(
    String name,
    SourceLocation at,
    Fact<Throughput> peak,
    Fact<Throughput> average,
    Fact<Double> doubleEncryptionPercent) {
  public ConnectorGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(peak, "peak");
    Objects.requireNonNull(average, "average");
    Objects.requireNonNull(doubleEncryptionPercent, "doubleEncryptionPercent");
    if (doubleEncryptionPercent.known()
        && (doubleEncryptionPercent.value() < 0 || doubleEncryptionPercent.value() > 100)) {
      throw new IllegalArgumentException("double encryption must be 0-100%");
    }
  }
}
