package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML (or JSON) inventory: {@code groups: [...]} and {@code connectors: [...]}. */
final class YamlInventory {
  record Parsed(List<Entry> connectors, List<Entry> groups) {}

  private YamlInventory() {}

  static Parsed read(Tree root, String file, Diagnostics d) {
    List<Entry> connectors = new ArrayList<>();
    List<Entry> groups = new ArrayList<>();
    if (!(root instanceof Tree.Obj o)) {
      d.error(at(file, root), "expected a mapping with 'connectors' (and optionally 'groups')");
      return new Parsed(connectors, groups);
    }
    for (Map.Entry<String, Tree> e : o.fields().entrySet()) {
      switch (e.getKey()) {
        case "schema" -> {}
        case "connectors" ->
            connectors.addAll(entries(e.getValue(), file, Fields.connectorFields(), d));
        case "groups" -> groups.addAll(entries(e.getValue(), file, groupFields(), d));
        default ->
            d.error(
                at(file, e.getValue()),
                "unknown key '" + e.getKey() + "' (expected connectors, groups)");
      }
    }
    if (o.get("connectors").isEmpty()) {
      d.error(at(file, root), "no 'connectors' list");
    }
    return new Parsed(connectors, groups);
  }

  private static List<String> groupFields() {
    List<String> f = new ArrayList<>(List.of("name"));
    f.addAll(Fields.GROUP);
    return f;
  }

  private static List<Entry> entries(Tree node, String file, List<String> known, Diagnostics d) {
    List<Entry> out = new ArrayList<>();
    if (!(node instanceof Tree.Seq seq)) {
      d.error(at(file, node), "expected a list");
      return out;
    }
    for (Tree item : seq.items()) {
      if (!(item instanceof Tree.Obj o)) {
        d.error(at(file, item), "expected a mapping of fields");
        continue;
      }
      Map<String, Cell> cells = new LinkedHashMap<>();
      for (Map.Entry<String, Tree> f : o.fields().entrySet()) {
        String name = Fields.match(f.getKey(), known).orElse(null);
        if (name == null) {
          d.error(at(file, f.getValue()), "unknown field '" + f.getKey() + "'");
        } else {
          Cell c = cell(f.getValue(), file, name, d);
          if (c != null) {
            cells.put(name, c);
          }
        }
      }
      out.add(new Entry(at(file, item), cells));
    }
    return out;
  }

  private static Cell cell(Tree t, String file, String field, Diagnostics d) {
    if (t instanceof Tree.Scalar s) {
      return new Cell(s.value() == null ? null : s.text(), null, at(file, t));
    }
    if (t instanceof Tree.Seq seq) {
      List<String> items = new ArrayList<>();
      for (Tree i : seq.items()) {
        if (i instanceof Tree.Scalar s && s.value() != null) {
          items.add(s.text());
        } else {
          d.error(at(file, i), field + ": list items must be plain values");
        }
      }
      return new Cell(String.join(";", items), items, at(file, t));
    }
    d.error(at(file, t), field + ": expected a value or a list");
    return null;
  }

  static SourceLocation at(String file, Tree t) {
    return new SourceLocation(file, Math.max(0, t.line()));
  }
}
