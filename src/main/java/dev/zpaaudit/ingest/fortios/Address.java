package dev.zpaaudit.ingest.fortios;

import java.util.Objects;

/** A {@code firewall address} or {@code address6} object: its name, value and line. */
record Address(String name, AddressValue value, int line) {
  Address {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
