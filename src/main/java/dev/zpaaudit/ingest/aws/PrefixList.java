package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A prefix list: its id and name, and its CIDR blocks where the export holds them ({@code entries}
 * null when only the list itself is described).
 */
record PrefixList(String id, String name, List<IpSet> entries, SourceLocation at) {
  PrefixList {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    entries = entries == null ? null : List.copyOf(entries);
    Objects.requireNonNull(at, "at");
  }

  boolean known() {
    return entries != null;
  }
}
