package dev.zpaaudit.checks.tls;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The names TLS inspection must leave alone (rules/tls.yaml). */
public record TlsRules(String file, List<String> bypassNames) {
  public static final String EMBEDDED = "/rules/tls.yaml";

  public TlsRules {
    bypassNames = List.copyOf(bypassNames);
  }

  public static TlsRules embedded() {
    try (InputStream in = TlsRules.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("the embedded rule pack " + EMBEDDED + " is missing");
      }
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "embedded:rules/tls.yaml");
    } catch (IOException | InputException e) {
      throw new IllegalStateException("cannot read the embedded rule pack " + EMBEDDED, e);
    }
  }

  public static TlsRules parse(String text, String file) throws InputException {
    Tree root = SafeParsers.yaml(text, file);
    if (!(root instanceof Tree.Obj o)
        || !(o.fields().get("bypass-names") instanceof Tree.Seq names)
        || o.fields().size() != 1) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(file, 1),
              "the pack holds one key, 'bypass-names', a list of names"));
    }
    List<String> out = new ArrayList<>();
    for (Tree t : names.items()) {
      if (!(t instanceof Tree.Scalar s) || s.text().isBlank()) {
        throw new InputException(
            new Diagnostic(
                Diagnostic.Severity.ERROR,
                new SourceLocation(file, 1),
                "bypass-names holds names such as *.prod.zpath.net"));
      }
      out.add(s.text().strip());
    }
    return new TlsRules(file, out);
  }
}
