package dev.zpaaudit.ingest;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.Firewall;
import java.util.List;

/** A firewall read from an export, with what the reader had to say about it. */
public record ParseResult(Firewall firewall, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
