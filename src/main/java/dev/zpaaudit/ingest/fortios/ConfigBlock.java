package dev.zpaaudit.ingest.fortios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code config PATH} block: its settings, nested blocks, and its entries ({@code edit NAME}) in
 * the order they stand, which for a policy table is the order policies are tried in.
 */
final class ConfigBlock extends ConfigNode {
  private final String path;
  private Map<String, ConfigEntry> entries = new LinkedHashMap<>();

  ConfigBlock(String path, int line) {
    super(line);
    this.path = path;
  }

  /** The words after {@code config}, joined by a blank: {@code "firewall policy"}. */
  String path() {
    return path;
  }

  List<ConfigEntry> entries() {
    return List.copyOf(entries.values());
  }

  Optional<ConfigEntry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The entry of this name, opened anew (at the end) or again (where it stands). */
  ConfigEntry edit(String name, int at) {
    return entries.computeIfAbsent(name, n -> new ConfigEntry(n, at));
  }

  boolean delete(String name) {
    return entries.remove(name) != null;
  }

  void purge() {
    entries.clear();
  }

  /** Moves entry {@code name} before or after entry {@code other}; false when either is absent. */
  boolean move(String name, boolean before, String other) {
    ConfigEntry moved = entries.get(name);
    if (moved == null || !entries.containsKey(other) || name.equals(other)) {
      return false;
    }
    Map<String, ConfigEntry> out = new LinkedHashMap<>();
    for (ConfigEntry e : entries.values()) {
      if (e == moved) {
        continue;
      }
      if (before && e.name().equals(other)) {
        out.put(name, moved);
      }
      out.put(e.name(), e);
      if (!before && e.name().equals(other)) {
        out.put(name, moved);
      }
    }
    entries = out;
    return true;
  }
}
