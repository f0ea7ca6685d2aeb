package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the one-feature fixtures under src/test/resources/aws/features by their bare names: each is
 * one file holding several describe-* outputs under their top-level keys.
 */
final class AwsFixtures {
  static final Path FEATURES = Path.of("src/test/resources/aws/features");

  private AwsFixtures() {}

  static AwsReader.Result read(String name) throws IOException, InputException {
    return AwsReader.parse(Files.readString(FEATURES.resolve(name)), name);
  }

  static Ec2Export export(String name) throws IOException, InputException {
    return read(name).export();
  }

  /** The fixture as the host of the connector at {@code address}. */
  static ParseResult convert(String name, String address) throws IOException, InputException {
    return AwsConversions.convert(
        read(name), ExportScope.ALL.withConnectors(List.of(IpSet.parse(address))));
  }

  static Firewall firewall(String name, String address) throws IOException, InputException {
    return convert(name, address).firewall();
  }

  /** Each rule of a filter as {@code LOCATION TEXT -> ACTION}, then its default rule. */
  static List<String> rules(Filter f) {
    List<String> out = new java.util.ArrayList<>();
    for (Rule r : f.rules()) {
      out.add(r.location() + " " + r.text() + " -> " + r.actionText());
    }
    out.add(f.defaultRule().location() + " " + f.defaultRule().text() + " (default)");
    return out;
  }

  static List<String> diagnostics(ParseResult r) {
    return r.diagnostics().stream().map(Diagnostic::format).toList();
  }

  /** The message of the error a conversion stops at. */
  static List<String> errors(String name, String... addresses) throws IOException {
    try {
      AwsConversions.convert(
          read(name),
          ExportScope.ALL.withConnectors(
              java.util.Arrays.stream(addresses).map(IpSet::parse).toList()));
      throw new AssertionError("no error");
    } catch (InputException e) {
      return e.errors().stream().map(Diagnostic::format).toList();
    }
  }
}
