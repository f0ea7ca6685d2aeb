package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.model.SourceLocation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One inventory value as written: text (a CSV field or YAML scalar) or a YAML list; and where. */
record Cell(String text, List<String> items, SourceLocation at) {
  Cell {
    Objects.requireNonNull(at, "at");
    items = items == null ? null : List.copyOf(items);
  }

  boolean blank() {
    return items == null && (text == null || text.isBlank());
  }

  /** A list: the YAML items, or the text split on ';' (CSV). */
  List<String> list() {
    if (items != null) {
      return items;
    }
    return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
