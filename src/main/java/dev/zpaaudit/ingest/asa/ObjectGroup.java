package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.PortSet;
import java.util.List;
import java.util.Objects;

/**
 * An {@code object-group}: its kind, for a service group of one protocol ({@code object-group
 * service NAME tcp}) that protocol ({@code tcp}, {@code udp} or {@code tcp-udp}), and its members:
 * addresses (network), services (service), ports (a service group of one protocol), protocols
 * (protocol), the groups it nests ({@code group-object}), and the line it starts on.
 */
record ObjectGroup(
    String name,
    Kind kind,
    String portProtocol,
    List<AsaAddress> addresses,
    List<AsaProtocol> services,
    List<PortSet> ports,
    List<Integer> protocols,
    List<String> groups,
    int line) {
  enum Kind {
    NETWORK,
    SERVICE,
    PROTOCOL,
    ICMP_TYPE,
    OTHER
  }

  ObjectGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    addresses = List.copyOf(addresses);
    services = List.copyOf(services);
    ports = List.copyOf(ports);
    protocols = List.copyOf(protocols);
    groups = List.copyOf(groups);
  }
}
