package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** The file being read and what has been said so far about the files of the export. */
final class Reading {
  private final String file;
  private final Diagnostics diagnostics;

  Reading(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  String file() {
    return file;
  }

  SourceLocation at(int line) {
    return new SourceLocation(file, line);
  }

  void error(int line, String message) {
    diagnostics.error(at(line), message);
  }

  void warning(int line, String message) {
    diagnostics.warning(at(line), message);
  }

  /** The errors said so far of every file, sorted by file and line. */
  static List<Diagnostic> errors(Diagnostics d) {
    List<Diagnostic> e = new ArrayList<>(d.errors());
    e.sort(Diagnostic.ORDER);
    return List.copyOf(e);
  }

  /** Everything said of every file, sorted by file and line. */
  static List<Diagnostic> all(Diagnostics d) {
    List<Diagnostic> e = new ArrayList<>(d.all());
    e.sort(Diagnostic.ORDER);
    return List.copyOf(e);
  }
}
