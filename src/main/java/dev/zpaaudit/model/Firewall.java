package dev.zpaaudit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A packet filter in neutral form: named filters and the stages (filters attached where packets
 * pass) that packets go through. {@code families} are the address families the export filters at
 * all; traffic of another family is not described by it.
 */
public record Firewall(
    String source,
    String format,
    Set<Integer> families,
    Map<String, Filter> filters,
    List<Stage> stages) {
  public Firewall {
    Objects.requireNonNull(source);
    Objects.requireNonNull(format);
    families = Set.copyOf(families);
    filters = Map.copyOf(filters);
    stages =
        stages.stream()
            .sorted(Comparator.comparing(Stage::hook).thenComparingInt(Stage::priority))
            .toList();
  }

  public List<Stage> stagesAt(Hook hook, int family) {
    return stages.stream().filter(s -> s.hook() == hook && s.families().contains(family)).toList();
  }

  public Filter filter(String name) {
    return filters.get(name);
  }
}
