package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Panorama device group: its parent device group (empty: directly under shared), the devices
 * (serial numbers) it holds, its objects and its pre- and post-rulebases.
 */
public record DeviceGroup(
    String name,
    Optional<String> parent,
    List<String> devices,
    PanosObjects objects,
    Rulebase preRulebase,
    Rulebase postRulebase,
    int line) {
  public DeviceGroup {
    Checks.name(name, "device group name");
    Checks.optional(parent, "parent");
    devices = Checks.names(devices, "device");
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(preRulebase, "pre-rulebase");
    Objects.requireNonNull(postRulebase, "post-rulebase");
    Checks.writtenLine(line);
  }
}
