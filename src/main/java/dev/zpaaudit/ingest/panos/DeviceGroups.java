package dev.zpaaudit.ingest.panos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The device group hierarchy of a Panorama config and the order its rulebases apply in. */
public final class DeviceGroups {
  private DeviceGroups() {}

  /**
   * A device group and its ancestors, nearest first. A parent that is not defined, or a loop of
   * parents, ends the list (the reader reports both as errors).
   */
  public static List<DeviceGroup> ancestry(List<DeviceGroup> all, DeviceGroup group) {
    List<DeviceGroup> lineage = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<DeviceGroup> g = Optional.of(group);
    while (g.isPresent() && seen.add(g.get().name())) {
      lineage.add(g.get());
      g = g.get().parent().flatMap(p -> find(all, p));
    }
    return lineage;
  }

  static Optional<DeviceGroup> find(List<DeviceGroup> all, String name) {
    return all.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /**
   * The pre-rulebases a firewall in the group evaluates before its own rules: shared first, then
   * the ancestors from the top down, then the group's own.
   */
  public static List<Rulebase> preRulebases(PanosConfig config, DeviceGroup group) {
    List<Rulebase> order = new ArrayList<>();
    order.add(config.shared().preRulebase());
    List<DeviceGroup> lineage = ancestry(config.deviceGroups(), group);
    for (int i = lineage.size() - 1; i >= 0; i--) {
      order.add(lineage.get(i).preRulebase());
    }
    return order;
  }

  /**
   * The post-rulebases a firewall in the group evaluates after its own rules: the group's own
   * first, then the ancestors from the bottom up, then shared.
   */
  public static List<Rulebase> postRulebases(PanosConfig config, DeviceGroup group) {
    List<Rulebase> order = new ArrayList<>();
    for (DeviceGroup g : ancestry(config.deviceGroups(), group)) {
      order.add(g.postRulebase());
    }
    order.add(config.shared().postRulebase());
    return order;
  }
}
