package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One VDOM of a FortiGate (the one, {@code root}, of a FortiGate without VDOMs): its objects, its
 * policies in the order they are tried (the order of their entries, not of their ids), the line of
 * its policy table (0 without one), its zones, interfaces, static routes, policy routes and SSL/SSH
 * inspection profiles, and the policy tables that decide its traffic too but are not read.
 */
record Vdom(
    String name,
    FortiosObjects objects,
    List<Policy> policies,
    int policyLine,
    List<Zone> zones,
    List<FortiosInterface> interfaces,
    List<StaticRoute> routes,
    List<RoutePolicy> routePolicies,
    Map<String, SslSshProfile> sslSshProfiles,
    List<UnreadPolicies> unreadPolicies,
    int line) {
  Vdom {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(objects, "objects");
    policies = List.copyOf(policies);
    zones = List.copyOf(zones);
    interfaces = List.copyOf(interfaces);
    routes = List.copyOf(routes);
    routePolicies = List.copyOf(routePolicies);
    sslSshProfiles = Map.copyOf(sslSshProfiles);
    unreadPolicies = List.copyOf(unreadPolicies);
  }
}
