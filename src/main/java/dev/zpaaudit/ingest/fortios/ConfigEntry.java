package dev.zpaaudit.ingest.fortios;

/** An {@code edit NAME} entry of a block: its name (or id), settings and nested blocks. */
final class ConfigEntry extends ConfigNode {
  private final String name;

  ConfigEntry(String name, int line) {
    super(line);
    this.name = name;
  }

  String name() {
    return name;
  }
}
