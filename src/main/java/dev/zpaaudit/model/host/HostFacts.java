package dev.zpaaudit.model.host;

import dev.zpaaudit.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about one host, fact by fact, each with where it was read. {@code origin} is the
 * facts file or inventory entry; a fact never recorded is unknown, located there, with {@code
 * whyMissing} as its reason.
 */
public record HostFacts(SourceLocation origin, Map<String, Fact<?>> facts, String whyMissing) {
  public HostFacts {
    Objects.requireNonNull(origin, "origin");
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    whyMissing = whyMissing == null ? "not recorded in " + origin : whyMissing;
  }

  public static HostFacts none(SourceLocation origin, String why) {
    return new HostFacts(origin, Map.of(), why);
  }

  @SuppressWarnings("unchecked")
  public <T> Fact<T> get(FactKey<T> key) {
    Fact<?> f = facts.get(key.name());
    if (f == null) {
      return Fact.unknown(key.description() + ": " + whyMissing, origin);
    }
    return (Fact<T>) f;
  }

  /** These facts, with the other's facts filling the gaps (this one wins where both know). */
  public HostFacts orElse(HostFacts other) {
    Map<String, Fact<?>> merged = new LinkedHashMap<>(other.facts);
    facts.forEach(
        (k, v) -> {
          if (v.known() || !merged.containsKey(k) || !merged.get(k).known()) {
            merged.put(k, v);
          }
        });
    return new HostFacts(origin, merged, whyMissing);
  }
}
