package dev.zpaaudit.ingest.panos;

import java.util.List;

/** A {@code <virtual-router>}: its interfaces and static routes (IPv4, then IPv6). */
public record VirtualRouter(
    String name, List<String> interfaces, List<StaticRoute> staticRoutes, int line) {
  public VirtualRouter {
    Checks.name(name, "virtual router name");
    interfaces = Checks.names(interfaces, "interface");
    staticRoutes = List.copyOf(staticRoutes);
    Checks.writtenLine(line);
  }
}
