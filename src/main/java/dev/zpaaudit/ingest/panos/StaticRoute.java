package dev.zpaaudit.ingest.panos;

import java.util.Objects;
import java.util.Optional;

/**
 * A static route of a virtual router, as written. Metric and admin distance are empty when not
 * written (PAN-OS then uses metric 10 and the virtual router's static distance, 10 by default).
 */
public record StaticRoute(
    String name,
    Family family,
    String destination,
    NextHop nextHop,
    Optional<String> interfaceName,
    Optional<Integer> metric,
    Optional<Integer> adminDistance,
    int line) {
  public enum Family {
    IPV4,
    IPV6
  }

  public StaticRoute {
    Checks.name(name, "route name");
    Objects.requireNonNull(family, "family");
    Checks.name(destination, "destination");
    Objects.requireNonNull(nextHop, "next hop");
    Checks.optional(interfaceName, "interface");
    Checks.optional(metric, "metric");
    Checks.optional(adminDistance, "admin distance");
    Checks.writtenLine(line);
  }
}
