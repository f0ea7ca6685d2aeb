package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * An access layer's rulebase as the export holds it (its pages put together): its uid (null when
 * the export does not say), name, where it starts, and its entries in order.
 */
record Layer(String uid, String name, SourceLocation at, List<Entry> entries) {
  Layer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
    entries = List.copyOf(entries);
  }
}
