package dev.zpaaudit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A packet filter in neutral form: named filters and the stages (filters attached where packets
 * pass) that packets go through. {@code families} are the address families the export filters at
 * all; traffic of another family is not described by it. {@code interfaces} and {@code routes} are
 * what the export says of the device's network, where it says anything. When {@code zoned}, the
 * filters tell traffic apart by the zones it comes from and goes to, not by interface names: the
 * names their interface tests hold are zones.
 */
public record Firewall(
    String source,
    String format,
    Set<Integer> families,
    Map<String, Filter> filters,
    List<Stage> stages,
    List<Interface> interfaces,
    List<Route> routes,
    boolean zoned) {
  /** A firewall whose export says nothing of its interfaces and routes. */
  public Firewall(
      String source,
      String format,
      Set<Integer> families,
      Map<String, Filter> filters,
      List<Stage> stages) {
    this(source, format, families, filters, stages, List.of(), List.of(), false);
  }

  public Firewall {
    Objects.requireNonNull(source);
    Objects.requireNonNull(format);
    families = Set.copyOf(families);
    filters = Map.copyOf(filters);
    stages =
        stages.stream()
            .sorted(Comparator.comparing(Stage::hook).thenComparingInt(Stage::priority))
            .toList();
    interfaces = List.copyOf(interfaces);
    routes = List.copyOf(routes);
  }

  /** Whether some stage filters traffic at {@code hook}. */
  public boolean filtersAt(Hook hook) {
    return stages.stream().anyMatch(s -> s.hook() == hook);
  }

  public List<Stage> stagesAt(Hook hook, int family) {
    return stages.stream().filter(s -> s.hook() == hook && s.families().contains(family)).toList();
  }

  public Filter filter(String name) {
    return filters.get(name);
  }
}
