package dev.zpaaudit.ingest.azure;

import java.util.List;
import java.util.Objects;

/**
 * An Azure network security group as exported: its name, its resource group (from {@code
 * resourceGroup} or its id; null when the export says neither), file and line, its own rules and
 * its default rules (empty when the export leaves them out: Azure's are then assumed), and whether
 * it is attached to subnets or to network interfaces ({@code properties.subnets}, {@code
 * properties.networkInterfaces}).
 */
record Nsg(
    String name,
    String resourceGroup,
    String file,
    int line,
    List<NsgRule> rules,
    List<NsgRule> defaults,
    boolean onSubnet,
    boolean onInterface) {
  Nsg {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    rules = List.copyOf(rules);
    defaults = List.copyOf(defaults);
  }
}
