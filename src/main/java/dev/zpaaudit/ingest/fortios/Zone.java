package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code system zone}: its member interfaces, and whether traffic between them is allowed without
 * a policy ({@code intrazone allow}; {@code deny} is the default).
 */
record Zone(String name, List<String> interfaces, boolean intrazoneAllow, int line) {
  Zone {
    Objects.requireNonNull(name, "name");
    interfaces = List.copyOf(interfaces);
  }
}
