package dev.zpaaudit.ingest.azure;

import java.util.List;
import java.util.Objects;

/**
 * A security rule of an Azure network security group as exported: its name, priority, direction,
 * access, protocol, address prefixes (CIDRs, addresses, service tags or {@code *}), port ranges
 * ({@code *}, {@code N}, {@code N-M}), application security groups (by name), whether it is one of
 * Azure's default rules, and the line of its JSON object.
 */
record NsgRule(
    String name,
    int priority,
    Direction direction,
    boolean allow,
    String protocol,
    List<String> sourcePrefixes,
    List<String> sourcePorts,
    List<String> destinationPrefixes,
    List<String> destinationPorts,
    List<String> sourceGroups,
    List<String> destinationGroups,
    boolean isDefault,
    int line) {
  enum Direction {
    INBOUND,
    OUTBOUND
  }

  NsgRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(protocol, "protocol");
    sourcePrefixes = List.copyOf(sourcePrefixes);
    sourcePorts = List.copyOf(sourcePorts);
    destinationPrefixes = List.copyOf(destinationPrefixes);
    destinationPorts = List.copyOf(destinationPorts);
    sourceGroups = List.copyOf(sourceGroups);
    destinationGroups = List.copyOf(destinationGroups);
  }
}
