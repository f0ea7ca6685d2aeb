package dev.zpaaudit.model;

import java.util.List;

/**
 * What an export says of a device's network: its interfaces, its routes and its policy routes.
 * Empty where the export says nothing of them (a Linux ruleset).
 */
public record Network(
    List<Interface> interfaces, List<Route> routes, List<PolicyRoute> policyRoutes) {
  public static final Network NONE = new Network(List.of(), List.of(), List.of());

  public Network {
    interfaces = List.copyOf(interfaces);
    routes = List.copyOf(routes);
    policyRoutes = List.copyOf(policyRoutes);
  }
}
