package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV inventory: a header row naming the columns (the YAML connector field names, so peak and
 * average are the connector's own; group traffic as groupPeak, groupAverage, doubleEncryption),
 * then one row per connector.
 */
final class CsvInventory {
  private CsvInventory() {}

  static List<Entry> read(String text, String file, Diagnostics d) {
    List<CsvReader.Row> rows = CsvReader.read(text, file, d);
    List<Entry> out = new ArrayList<>();
    if (rows.isEmpty()) {
      d.error(new SourceLocation(file, 1), "no header row");
      return out;
    }
    CsvReader.Row header = rows.get(0);
    List<String> known = new ArrayList<>(Fields.connectorFields());
    known.addAll(Fields.CSV_GROUP);
    List<String> columns = new ArrayList<>();
    for (String h : header.fields()) {
      String name = Fields.match(h, known).orElse(null);
      if (name == null) {
        d.error(new SourceLocation(file, header.line()), "unknown column '" + h + "'");
      } else if (columns.contains(name)) {
        d.error(new SourceLocation(file, header.line()), "column '" + h + "' appears twice");
        name = null;
      }
      // An unknown or repeated column is reported once and its cells are skipped; the rows are
      // still read, so that their own errors are reported too.
      columns.add(name);
    }
    for (String req : Fields.REQUIRED) {
      if (!columns.contains(req)) {
        d.error(new SourceLocation(file, header.line()), "missing required column '" + req + "'");
      }
    }
    if (Fields.REQUIRED.stream().anyMatch(req -> !columns.contains(req))) {
      return out;
    }
    for (CsvReader.Row r : rows.subList(1, rows.size())) {
      SourceLocation at = new SourceLocation(file, r.line());
      if (r.fields().size() != columns.size()) {
        d.error(at, "row has " + r.fields().size() + " fields; the header has " + columns.size());
        continue;
      }
      Map<String, Cell> cells = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i) != null) {
          cells.put(columns.get(i), new Cell(r.fields().get(i), null, at));
        }
      }
      out.add(new Entry(at, cells));
    }
    return out;
  }
}
