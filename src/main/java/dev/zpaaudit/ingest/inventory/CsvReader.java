package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict CSV reader (RFC 4180): comma-separated, fields may be double-quoted with {@code ""} for
 * a quote and may then hold commas and line breaks. Blank lines and lines starting with {@code #}
 * are skipped. Each record knows the line it starts on.
 */
final class CsvReader {
  /** A record and the 1-based line it starts on. */
  record Row(int line, List<String> fields) {}

  private CsvReader() {}

  static List<Row> read(String text, String file, Diagnostics d) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      int start = line;
      int eol = text.indexOf('\n', i);
      String raw = text.substring(i, eol < 0 ? n : eol).strip();
      if (raw.isEmpty() || raw.startsWith("#")) {
        i = eol < 0 ? n : eol + 1;
        line++;
        continue;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      boolean bad = false;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            if (c == '\n') {
              line++;
            }
            f.append(c);
          }
        } else if (c == '"' && f.toString().isBlank() && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          f.setLength(0);
        } else if (c == ',') {
          fields.add(wasQuoted ? f.toString() : f.toString().strip());
          f.setLength(0);
          wasQuoted = false;
        } else if (c == '\n') {
          break;
        } else if (c == '\r') {
          continue;
        } else if (wasQuoted && !Character.isWhitespace(c)) {
          if (!bad) {
            d.error(new SourceLocation(file, line), "text after a closing quote");
          }
          bad = true;
        } else {
          f.append(c);
        }
      }
      if (quoted) {
        d.error(new SourceLocation(file, start), "unterminated quoted field");
        return rows;
      }
      fields.add(wasQuoted ? f.toString() : f.toString().strip());
      rows.add(new Row(start, fields));
      i++;
      line++;
    }
    return rows;
  }
}
