package dev.zpaaudit.ingest.panos;

import java.util.List;

/** A custom {@code <region>}: its name and the addresses written for it. */
public record Region(String name, List<String> addresses, int line) {
  public Region {
    Checks.name(name, "region name");
    addresses = Checks.names(addresses, "region address");
    Checks.writtenLine(line);
  }
}
