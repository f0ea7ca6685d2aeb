package dev.zpaaudit.ingest.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The inventory's field names, for YAML keys and CSV columns. */
final class Fields {
  static final List<String> REQUIRED = List.of("name", "group", "platform");

  /**
   * Connector fields. {@code peak} and {@code average} are the connector's own measured traffic; a
   * group's are {@link #GROUP} in YAML and {@link #CSV_GROUP} columns in CSV.
   */
  static final List<String> CONNECTOR =
      List.of(
          "name",
          "group",
          "platform",
          "instanceType",
          "region",
          "vpc",
          "peeredVpcs",
          "provisioningKey",
          "facts",
          "peak",
          "average");

  /**
   * Group fields; in CSV they are columns of the connector rows, named as in {@link #CSV_GROUP}.
   */
  static final List<String> GROUP = List.of("peak", "average", "doubleEncryption");

  static final List<String> CSV_GROUP = List.of("groupPeak", "groupAverage", "doubleEncryption");

  private Fields() {}

  static List<String> connectorFields() {
    List<String> all = new ArrayList<>(CONNECTOR);
    all.addAll(StatedFacts.FIELDS.keySet());
    return all;
  }

  /** A field by name, ignoring case, '-' and '_' ("instance_type" is "instanceType"). */
  static Optional<String> match(String name, List<String> known) {
    String k = norm(name);
    return known.stream().filter(f -> norm(f).equals(k)).findFirst();
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }
}
