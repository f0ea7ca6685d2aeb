package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts as they are collected: values with their source, and facts that could not be read. */
public final class Collected {
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, String> unreadable = new LinkedHashMap<>();

  void put(FactKey<?> key, Object value, String source) {
    facts.put(key.name(), value);
    sources.put(key.name(), source);
    unreadable.remove(key.name());
  }

  void miss(FactKey<?> key, String reason) {
    if (!facts.containsKey(key.name())) {
      unreadable.put(key.name(), reason);
    }
  }

  public Map<String, Object> facts() {
    return Collections.unmodifiableMap(facts);
  }

  public Map<String, String> sources() {
    return Collections.unmodifiableMap(sources);
  }

  public Map<String, String> unreadable() {
    return Collections.unmodifiableMap(unreadable);
  }
}
