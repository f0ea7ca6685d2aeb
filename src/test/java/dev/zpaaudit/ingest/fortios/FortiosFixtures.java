package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the one-feature fixtures under src/test/resources/fortios/features by their bare names. */
final class FortiosFixtures {
  static final Path FEATURES = Path.of("src/test/resources/fortios/features");

  private FortiosFixtures() {}

  static String text(String name) throws IOException {
    return Files.readString(FEATURES.resolve(name));
  }

  static FortiosReader.Result read(String name) throws IOException, InputException {
    return FortiosReader.parse(text(name), name);
  }

  /** The tree of a fixture, as the parser builds it. */
  static ConfigNode.Top tree(String name) throws IOException {
    Diagnostics d = new Diagnostics();
    CommandTokenizer.Tokens t = CommandTokenizer.tokenize(text(name), name, d);
    return ConfigParser.parse(t.commands(), name, d);
  }

  /** The one VDOM of a fixture. */
  static Vdom vdom(String name) throws IOException, InputException {
    return read(name).config().vdoms().get(0);
  }

  static Firewall firewall(String name) throws IOException, InputException {
    return firewall(name, ExportScope.ALL);
  }

  static Firewall firewall(String name, ExportScope scope) throws IOException, InputException {
    return FortiosConversions.convert(read(name), scope).firewall();
  }

  /** The policy filter a fixture lowers into. */
  static Filter policy(String name) throws IOException, InputException {
    return firewall(name).filter(FortiosConversions.POLICY);
  }

  static List<String> diagnostics(FortiosReader.Result result) {
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }
}
