package dev.zpaaudit.diag;

import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics while a file is read. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void error(SourceLocation at, String message) {
    items.add(new Diagnostic(Severity.ERROR, at, message));
  }

  public void warning(SourceLocation at, String message) {
    items.add(new Diagnostic(Severity.WARNING, at, message));
  }

  public void note(SourceLocation at, String message) {
    items.add(new Diagnostic(Severity.NOTE, at, message));
  }

  public void addAll(List<Diagnostic> more) {
    items.addAll(more);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public List<Diagnostic> errors() {
    return items.stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  public List<Diagnostic> all() {
    return List.copyOf(items);
  }
}
