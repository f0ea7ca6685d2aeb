package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One connector (or group) entry: its fields by name, blank ones left out, and where it starts. */
record Entry(SourceLocation at, Map<String, Cell> cells) {
  Entry {
    Map<String, Cell> m = new LinkedHashMap<>();
    cells.forEach(
        (k, v) -> {
          if (!v.blank()) {
            m.put(k, v);
          }
        });
    cells = java.util.Collections.unmodifiableMap(m);
  }

  Optional<Cell> get(String name) {
    return Optional.ofNullable(cells.get(name));
  }
}
