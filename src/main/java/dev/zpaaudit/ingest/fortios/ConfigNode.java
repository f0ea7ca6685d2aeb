package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A place in a FortiOS configuration that holds settings and nested {@code config} blocks: the top
 * of the file, a block, or an entry of one. Settings and blocks are kept by name, a block opened
 * again being the same block (its entries and settings edited in place), as FortiOS does.
 */
abstract sealed class ConfigNode permits ConfigBlock, ConfigEntry, ConfigNode.Top {
  private final int line;
  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private final Map<String, ConfigBlock> blocks = new LinkedHashMap<>();

  ConfigNode(int line) {
    this.line = line;
  }

  /** The top of the file. */
  static final class Top extends ConfigNode {
    Top() {
      super(0);
    }
  }

  /** The line where the node was first opened (0 for the top of the file). */
  int line() {
    return line;
  }

  /** The values of a setting; empty when it is not set. */
  List<String> values(String key) {
    Setting s = settings.get(key);
    return s == null ? List.of() : s.values();
  }

  /** The first value of a setting, when it is set with one. */
  Optional<String> value(String key) {
    List<String> v = values(key);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Whether a setting is set to {@code value} (its first value). */
  boolean is(String key, String value) {
    return value(key).map(value::equals).orElse(false);
  }

  Optional<Setting> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  /** The settings in the order they were first set. */
  List<Setting> settings() {
    return List.copyOf(settings.values());
  }

  /** The nested block of this path ({@code "ssl-exempt"}), if the node has one. */
  Optional<ConfigBlock> block(String path) {
    return Optional.ofNullable(blocks.get(path));
  }

  List<ConfigBlock> blocks() {
    return List.copyOf(blocks.values());
  }

  /** The block of this path, opened anew or again. */
  ConfigBlock open(String path, int at) {
    return blocks.computeIfAbsent(path, p -> new ConfigBlock(p, at));
  }

  void set(String key, List<String> values, int at) {
    settings.put(key, new Setting(key, values, at));
  }

  void unset(String key) {
    settings.remove(key);
  }

  /** Adds values to a setting ({@code append}, {@code select}). */
  void append(String key, List<String> values, int at) {
    List<String> all = new ArrayList<>(values(key));
    all.addAll(values);
    settings.put(key, new Setting(key, all, at));
  }

  /** Takes values off a setting ({@code unselect}). */
  void remove(String key, List<String> values, int at) {
    List<String> left = new ArrayList<>(values(key));
    left.removeAll(values);
    settings.put(key, new Setting(key, left, at));
  }
}
