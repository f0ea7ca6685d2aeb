package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/** One {@code set KEY VALUE...} as it stands after the commands that changed it; its line. */
record Setting(String key, List<String> values, int line) {
  Setting {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
  }
}
