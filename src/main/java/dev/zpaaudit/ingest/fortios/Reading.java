package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** The file being read and what has been said about it so far. */
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

  boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  /** The errors said so far, sorted by line. */
  List<Diagnostic> errors() {
    List<Diagnostic> e = new ArrayList<>(diagnostics.errors());
    e.sort(Diagnostic.ORDER);
    return List.copyOf(e);
  }

  /** Everything said, sorted by line. */
  List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(diagnostics.all());
    all.sort(Diagnostic.ORDER);
    return List.copyOf(all);
  }
}
