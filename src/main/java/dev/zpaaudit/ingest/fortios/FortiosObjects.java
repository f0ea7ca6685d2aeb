package dev.zpaaudit.ingest.fortios;

import java.util.Map;

/**
 * The named objects of a VDOM that policies refer to: IPv4 and IPv6 addresses and groups, custom
 * services and groups, wildcard FQDNs, and the names that stand for something not modelled (virtual
 * IPs and their groups, external address lists), each with why.
 */
record FortiosObjects(
    Map<String, Address> addresses,
    Map<String, AddressGroup> groups,
    Map<String, Address> addresses6,
    Map<String, AddressGroup> groups6,
    Map<String, Service> services,
    Map<String, ServiceGroup> serviceGroups,
    Map<String, String> wildcardFqdns,
    Map<String, String> unmodelledAddresses) {
  FortiosObjects {
    addresses = Map.copyOf(addresses);
    groups = Map.copyOf(groups);
    addresses6 = Map.copyOf(addresses6);
    groups6 = Map.copyOf(groups6);
    services = Map.copyOf(services);
    serviceGroups = Map.copyOf(serviceGroups);
    wildcardFqdns = Map.copyOf(wildcardFqdns);
    unmodelledAddresses = Map.copyOf(unmodelledAddresses);
  }
}
