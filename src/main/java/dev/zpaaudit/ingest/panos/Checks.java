package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The validations the PAN-OS records share. */
final class Checks {
  private Checks() {}

  /** A name as PAN-OS writes it: not blank. */
  static String name(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return name;
  }

  /** A line of the file: 1 or more, or 0 for something the file does not write. */
  static int line(int line) {
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
    return line;
  }

  /** A line that must exist: 1 or more. */
  static int writtenLine(int line) {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    return line;
  }

  /** An immutable copy of a list of names, none blank. */
  static List<String> names(List<String> names, String what) {
    for (String n : names) {
      name(n, what);
    }
    return List.copyOf(names);
  }

  static <T> Optional<T> optional(Optional<T> value, String what) {
    return Objects.requireNonNull(value, what);
  }

  /** Checks that every key of a map is the name of its value. */
  static <V> void keyedByName(Map<String, V> map, java.util.function.Function<V, String> name) {
    map.forEach(
        (k, v) -> {
          if (!k.equals(name.apply(v))) {
            throw new IllegalArgumentException("'" + k + "' names '" + name.apply(v) + "'");
          }
        });
  }
}
