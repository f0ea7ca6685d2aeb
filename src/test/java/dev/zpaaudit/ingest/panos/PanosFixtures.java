package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
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

  static List<String> diagnostics(PanosReader.Result result) {
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }

  static Address netmask(String name, String text, int line) {
    return new Address(name, new AddressValue.IpNetmask(text), List.of(), line);
  }
}
