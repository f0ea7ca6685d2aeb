package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/**
 * A virtual system: its objects, rulebase, zones and the interfaces it imports. In a template, a
 * vsys usually holds only zones and imports.
 */
public record Vsys(
    String name,
    PanosObjects objects,
    Rulebase rulebase,
    List<Zone> zones,
    List<String> importedInterfaces,
    int line) {
  public Vsys {
    Checks.name(name, "vsys name");
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(rulebase, "rulebase");
    zones = List.copyOf(zones);
    importedInterfaces = Checks.names(importedInterfaces, "interface");
    Checks.writtenLine(line);
  }
}
