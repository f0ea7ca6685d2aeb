package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/**
 * A Panorama template or template stack: the network config it pushes (interfaces, virtual routers)
 * and its vsys (zones). A stack also lists its templates, first the strongest; a template lists
 * none.
 */
public record Template(
    String name,
    boolean stack,
    List<String> templates,
    List<Vsys> vsys,
    Network network,
    int line) {
  public Template {
    Checks.name(name, "template name");
    templates = Checks.names(templates, "template");
    if (!stack && !templates.isEmpty()) {
      throw new IllegalArgumentException("only a template stack lists templates");
    }
    vsys = List.copyOf(vsys);
    Objects.requireNonNull(network, "network");
    Checks.writtenLine(line);
  }
}
