package dev.zpaaudit.checks.network;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bytes each encapsulation adds (rules/encapsulation.yaml). */
final class Encapsulations {
  private static Map<String, Integer> overhead;

  private Encapsulations() {}

  /** The overhead of an encapsulation by its kind, or null when the table does not list it. */
  static synchronized Integer overhead(String kind) {
    if (overhead == null) {
      overhead = load();
    }
    return kind == null ? null : overhead.get(kind);
  }

  private static Map<String, Integer> load() {
    try (InputStream in = Encapsulations.class.getResourceAsStream("/rules/encapsulation.yaml")) {
      Tree t =
          SafeParsers.yaml(
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              "embedded:rules/encapsulation.yaml");
      Map<String, Integer> out = new LinkedHashMap<>();
      if (t instanceof Tree.Obj o && o.fields().get("overhead") instanceof Tree.Obj table) {
        table
            .fields()
            .forEach((k, v) -> out.put(k, (int) Double.parseDouble(((Tree.Scalar) v).text())));
      }
      return out;
    } catch (IOException | InputException | RuntimeException e) {
      throw new IllegalStateException("cannot read the embedded rules/encapsulation.yaml", e);
    }
  }
}
