package dev.zpaaudit.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A packet filter in neutral form: named filters and the attachments (filters attached where
 * packets pass) that packets go through. {@code families} are the address families the export
 * filters at all; traffic of another family is not described by it. {@code network} is what the
 * export says of the device's interfaces and routes; {@code decryption} its TLS inspection policy,
 * in order. When {@code zoned}, the filters tell traffic apart by the zones it comes from and goes
 * to, not by interface names: the names their interface tests hold are zones.
 */
public record Firewall(
    String source,
    String format,
    Set<AddressFamily> families,
    Map<String, Filter> filters,
    List<Attachment> attachments,
    Network network,
    List<DecryptionRule> decryption,
    boolean zoned) {
  /** A firewall whose export says nothing of its interfaces and routes. */
  public Firewall(
      String source,
      String format,
      Set<AddressFamily> families,
      Map<String, Filter> filters,
      List<Attachment> attachments) {
    this(source, format, families, filters, attachments, Network.NONE, List.of(), false);
  }

  public Firewall {
    Objects.requireNonNull(source);
    Objects.requireNonNull(format);
    families = Set.copyOf(families);
    filters = Map.copyOf(filters);
    attachments = attachments.stream().sorted(Firewall::byPointThenPriority).toList();
    java.util.Objects.requireNonNull(network, "network");
    decryption = List.copyOf(decryption);
  }

  /**
   * Attachments in the order packets meet them (written out rather than composed from the JDK's
   * comparators, whose lambdas are made anew at every start).
   */
  private static int byPointThenPriority(Attachment a, Attachment b) {
    int c = a.point().compareTo(b.point());
    return c != 0 ? c : Integer.compare(a.priority(), b.priority());
  }

  /** The device's interfaces, where the export says. */
  public List<Interface> interfaces() {
    return network.interfaces();
  }

  /** The device's routes, where the export says. */
  public List<Route> routes() {
    return network.routes();
  }

  /** Whether some filter is attached at {@code point}. */
  public boolean filtersAt(Point point) {
    return attachments.stream().anyMatch(s -> s.point() == point);
  }

  public List<Attachment> attachedAt(Point point, AddressFamily family) {
    return attachments.stream()
        .filter(s -> s.point() == point && s.families().contains(family))
        .toList();
  }

  public Filter filter(String name) {
    return filters.get(name);
  }
}
