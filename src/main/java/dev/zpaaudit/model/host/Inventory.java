package dev.zpaaudit.model.host;

import java.util.List;
import java.util.Objects;

/** The connectors and groups read from one inventory file. */
public record Inventory(String file, List<Connector> connectors, List<ConnectorGroup> groups) {
  public Inventory {
    Objects.requireNonNull(file, "file");
    connectors = List.copyOf(connectors);
    groups = List.copyOf(groups);
  }

  public List<Connector> inGroup(String group) {
    return connectors.stream().filter(c -> c.group().equals(group)).toList();
  }
}
