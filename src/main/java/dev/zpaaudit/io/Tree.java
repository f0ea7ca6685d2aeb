package dev.zpaaudit.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON or YAML document in which every node knows the line it started on, so that checks
 * of its content can report {@code file:line}.
 */
public sealed interface Tree {
  int line();

  /** A string, number, boolean or null, kept as text with its kind. */
  record Scalar(int line, Object value) implements Tree {
    public String text() {
      return value == null ? "null" : value.toString();
    }

    public boolean isString() {
      return value instanceof String;
    }

    public boolean isNumber() {
      return value instanceof Number;
    }
  }

  record Seq(int line, List<Tree> items) implements Tree {
    public Seq {
      items = List.copyOf(items);
    }
  }

  record Obj(int line, Map<String, Tree> fields) implements Tree {
    public Obj {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<Tree> get(String key) {
      return Optional.ofNullable(fields.get(key));
    }
  }
}
