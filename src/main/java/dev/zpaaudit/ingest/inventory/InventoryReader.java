package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a connector inventory: YAML ({@code .yaml}, {@code .yml}), JSON ({@code .json}) or CSV
 * ({@code .csv}). Facts files it names are read relative to the inventory. Any error (unknown
 * platform, bad throughput, missing column, unreadable facts file) makes the whole read fail with
 * every error located; warnings are returned with the inventory.
 */
public final class InventoryReader {
  /** The inventory and the warnings met reading it (facts files' unknown keys, conflicts). */
  public record Result(Inventory inventory, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private InventoryReader() {}

  public static Result read(Path file) throws InputException {
    String name = file.toString();
    String text = InputFiles.read(file);
    String lower = name.toLowerCase(Locale.ROOT);
    Diagnostics d = new Diagnostics();
    List<Entry> connectors;
    List<Entry> groups = List.of();
    boolean csv = lower.endsWith(".csv");
    if (csv) {
      connectors = CsvInventory.read(text, name, d);
    } else if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
      Tree t =
          lower.endsWith(".json") ? SafeParsers.json(text, name) : SafeParsers.yaml(text, name);
      YamlInventory.Parsed p = YamlInventory.read(t, name, d);
      connectors = p.connectors();
      groups = p.groups();
    } else {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(name, 0),
              "unknown inventory format (expected .yaml, .yml, .json or .csv)"));
    }
    Path dir = file.toAbsolutePath().getParent();
    ConnectorBuilder cb = new ConnectorBuilder(dir, d);
    GroupBuilder gb = new GroupBuilder(d);
    for (Entry g : groups) {
      g.get("name")
          .ifPresentOrElse(
              n ->
                  gb.declare(
                      n.text().trim(),
                      g.at(),
                      g.get("peak").orElse(null),
                      g.get("average").orElse(null),
                      g.get("doubleEncryption").orElse(null)),
              () -> d.error(g.at(), "group without 'name'"));
    }
    List<Connector> built = new ArrayList<>();
    Map<String, SourceLocation> names = new HashMap<>();
    for (Entry e : connectors) {
      cb.build(e)
          .ifPresent(
              c -> {
                SourceLocation prev = names.putIfAbsent(c.name(), c.at());
                if (prev != null) {
                  d.error(
                      c.at(),
                      "connector '" + c.name() + "' is listed twice (first at " + prev + ")");
                }
                built.add(c);
              });
      if (csv) {
        e.get("group")
            .ifPresent(
                g -> {
                  if (e.get("groupPeak").isPresent()
                      || e.get("groupAverage").isPresent()
                      || e.get("doubleEncryption").isPresent()) {
                    gb.declare(
                        g.text().trim(),
                        e.at(),
                        e.get("groupPeak").orElse(null),
                        e.get("groupAverage").orElse(null),
                        e.get("doubleEncryption").orElse(null));
                  }
                });
      }
    }
    var groupList = gb.build(built, !csv && !groups.isEmpty());
    if (d.hasErrors()) {
      throw new InputException(d.errors().stream().sorted(Diagnostic.ORDER).toList());
    }
    return new Result(new Inventory(name, built, groupList), d.all());
  }
}
