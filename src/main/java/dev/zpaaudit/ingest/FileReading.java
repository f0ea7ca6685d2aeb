package dev.zpaaudit.ingest;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a reader is reading and what has been said so far about the export it belongs to (one
 * export may be several files, which share the diagnostics). Each reader extends it with its own
 * ways of locating things.
 */
public class FileReading {
  private final String file;
  private final Diagnostics diagnostics;

  public FileReading(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  public final String file() {
    return file;
  }

  /** The export's diagnostics, shared by the readings of its files. */
  protected final Diagnostics shared() {
    return diagnostics;
  }

  public final SourceLocation at(int line) {
    return new SourceLocation(file, line);
  }

  public final void error(int line, String message) {
    diagnostics.error(at(line), message);
  }

  public final void warning(int line, String message) {
    diagnostics.warning(at(line), message);
  }

  public final boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  /** The errors said so far, sorted by file and line. */
  public final List<Diagnostic> errors() {
    return sorted(diagnostics.errors());
  }

  /** Everything said so far, sorted by file and line. */
  public final List<Diagnostic> diagnostics() {
    return sorted(diagnostics.all());
  }

  /** Diagnostics sorted by file and line. */
  public static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.sort(Diagnostic.ORDER);
    return List.copyOf(out);
  }
}
