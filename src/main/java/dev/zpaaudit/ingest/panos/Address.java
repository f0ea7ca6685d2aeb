package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/** An {@code <address>} object. */
public record Address(String name, AddressValue value, List<String> tags, int line) {
  public Address {
    Checks.name(name, "address name");
    Objects.requireNonNull(value, "value");
    tags = Checks.names(tags, "tag");
    Checks.writtenLine(line);
  }
}
