package dev.zpaaudit.ingest;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.iptables.IptablesSaveParser;
import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.ingest.nftables.NftablesJsonParser;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Detects an export's format from its content and parses it. */
public final class Formats {
  private final List<Parser> parsers = new ArrayList<>();

  public Formats(Ipsets ipsets) {
    parsers.add(new IptablesSaveParser(4, ipsets));
    parsers.add(new NftablesJsonParser());
  }

  public List<String> names() {
    return parsers.stream().map(Parser::format).toList();
  }

  public ParseResult read(Path file) throws InputException {
    String text = InputFiles.read(file);
    for (Parser p : parsers) {
      if (p.accepts(text)) {
        return p.parse(text, file.toString());
      }
    }
    throw new InputException(new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(file.toString(), 1),
        "unknown export format (expected one of: " + String.join(", ", names()) + ")"));
  }
}
