package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/** A rule parameter with the rule file line it came from, e.g. {@code memory.minimumGiB = 4}. */
public record Param<T>(String name, T value, SourceLocation at) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
  }

  /** For evidence: {@code memory.minimumGiB = 4 (rules/hosts.yaml:9)}. */
  public String cite() {
    String v =
        value instanceof Double d ? dev.zpaaudit.model.host.Throughput.number(d) : value.toString();
    return name + " = " + v + " (" + at + ")";
  }
}
