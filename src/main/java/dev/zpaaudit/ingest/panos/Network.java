package dev.zpaaudit.ingest.panos;

import java.util.List;

/** A device's or a template's {@code <network>}: interfaces and virtual routers. */
public record Network(List<PanosInterface> interfaces, List<VirtualRouter> virtualRouters) {
  public static final Network NONE = new Network(List.of(), List.of());

  public Network {
    interfaces = List.copyOf(interfaces);
    virtualRouters = List.copyOf(virtualRouters);
  }

  public int routeCount() {
    return virtualRouters.stream().mapToInt(v -> v.staticRoutes().size()).sum();
  }
}
