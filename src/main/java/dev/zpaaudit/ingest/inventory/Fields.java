package dev.zpaaudit.ingest.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The inventory's field names, for YAML keys and CSV columns. */
final class Fields {
  static final List<String> REQUIRED = List.of("name", "group", "platform");
  static final List<String> CONNECTOR =
      List.of("name", "group", "platform", "instanceType", "region", "vpc", "peeredVpcs",
          "provisioningKey", "facts");
  /** Group fields; in CSV they are columns of the connector rows. */
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
