package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the one-feature fixtures under src/test/resources/checkpoint/features by their names. */
final class CheckpointFixtures {
  static final Path FEATURES = Path.of("src/test/resources/checkpoint/features");

  private CheckpointFixtures() {}

  /** A fixture file or folder, read. */
  static CheckpointReader.Result read(String name) throws InputException {
    return CheckpointReader.read(FEATURES.resolve(name));
  }

  static CheckpointExport export(String name) throws InputException {
    return read(name).export();
  }

  static Firewall firewall(String name) throws InputException {
    return CheckpointConversions.convert(read(name)).firewall();
  }

  /** The filter of the first (or only) access layer. */
  static Filter layer(String name) throws InputException {
    Firewall fw = firewall(name);
    return fw.filter(fw.attachments().get(0).filter());
  }

  /** Each rule as {@code line: text => match -> action}, then the default rule. */
  static List<String> describe(Filter f) {
    List<String> out = new ArrayList<>();
    for (Rule r : f.rules()) {
      out.add(describe(r));
    }
    if (f.hasDefault()) {
      out.add("default " + describe(f.defaultRule()));
    }
    return out;
  }

  static String describe(Rule r) {
    return r.location().line() + ": " + r.text() + " => " + r.match() + " -> " + r.action().text();
  }

  static List<String> diagnostics(CheckpointReader.Result r) {
    return r.diagnostics().stream().map(Diagnostic::format).toList();
  }
}
