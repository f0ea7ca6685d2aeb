package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Map;

/**
 * A device's or a template's {@code <network>}: interfaces, virtual routers, and the encapsulation
 * of each tunnel interface an IPsec or GRE tunnel is bound to ({@code ipsec} or {@code gre}, by
 * interface name).
 */
public record Network(
    List<PanosInterface> interfaces,
    List<VirtualRouter> virtualRouters,
    Map<String, String> encapsulations) {
  public static final Network NONE = new Network(List.of(), List.of(), Map.of());

  public Network {
    interfaces = List.copyOf(interfaces);
    virtualRouters = List.copyOf(virtualRouters);
    encapsulations = Map.copyOf(encapsulations);
  }

  public int routeCount() {
    return virtualRouters.stream().mapToInt(v -> v.staticRoutes().size()).sum();
  }
}
