package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.model.Filter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the one-feature fixtures under src/test/resources/panos/features by their bare names. */
final class PanosFixtures {
  static final Path FEATURES = Path.of("src/test/resources/panos/features");

  private PanosFixtures() {}

  static PanosReader.Result read(String name) throws IOException, InputException {
    return PanosReader.parse(Files.readString(FEATURES.resolve(name)), name);
  }

  /** The security filter a fixture lowers into, for the one vsys or device group it holds. */
  static Filter security(String name) throws IOException, InputException {
    return security(name, ExportScope.ALL);
  }

  static Filter security(String name, ExportScope scope) throws IOException, InputException {
    return PanosConversions.convert(read(name), scope, Applications.embedded())
        .firewall()
        .filter(PanosConversions.SECURITY);
  }

  static List<String> diagnostics(PanosReader.Result result) {
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }

  static Address netmask(String name, String text, int line) {
    return new Address(name, new AddressValue.IpNetmask(text), List.of(), line);
  }
}
