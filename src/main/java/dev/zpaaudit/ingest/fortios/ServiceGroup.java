package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/** A {@code firewall service group}: services or other groups. */
record ServiceGroup(String name, List<String> members, int line) {
  ServiceGroup {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
  }
}
