package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.XmlElement;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** The file being read and what has been said about it so far. */
final class Reading {
  private final String file;
  private final Diagnostics diagnostics = new Diagnostics();

  Reading(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  SourceLocation at(int line) {
    return new SourceLocation(file, line);
  }

  void warning(XmlElement at, String message) {
    diagnostics.warning(at(at.line()), message);
  }

  void error(XmlElement at, String message) {
    diagnostics.error(at(at.line()), message);
  }

  void error(int line, String message) {
    diagnostics.error(at(line), message);
  }

  /** Reports that an element is not modelled, worded so that its kind is the label. */
  void unmodelled(XmlElement at, String label, String why) {
    warning(at, "'" + label + "' is not modelled (" + why + ")");
  }

  /** Everything said, sorted by line. */
  List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(diagnostics.all());
    all.sort(Diagnostic.ORDER);
    return List.copyOf(all);
  }
}
