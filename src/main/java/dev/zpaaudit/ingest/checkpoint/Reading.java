package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.FileReading;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One file being read, what has been said of the export so far, and typed access to JSON fields: a
 * field of the wrong kind is an error at its line.
 */
final class Reading extends FileReading {
  Reading(String file, Diagnostics diagnostics) {
    super(file, diagnostics);
  }

  /** The same export's next file. */
  Reading of(String other) {
    return new Reading(other, shared());
  }

  SourceLocation at(Tree t) {
    return new SourceLocation(file(), t.line());
  }

  /** A string field; absent, null or blank is empty; another kind of value is an error. */
  Optional<String> text(Tree.Obj o, String key) {
    Tree t = o.fields().get(key);
    if (t instanceof Tree.Scalar s && s.value() == null) {
      return Optional.empty();
    }
    if (t instanceof Tree.Scalar s && (s.isString() || s.isNumber())) {
      String v = s.text().strip();
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
    if (t != null) {
      error(t.line(), "'" + key + "' is not a string");
    }
    return Optional.empty();
  }

  /** A boolean field, or {@code otherwise} when it is absent. */
  boolean bool(Tree.Obj o, String key, boolean otherwise) {
    Tree t = o.fields().get(key);
    if (t == null || t instanceof Tree.Scalar s && s.value() == null) {
      return otherwise;
    }
    if (t instanceof Tree.Scalar s && s.value() instanceof Boolean b) {
      return b;
    }
    error(t.line(), "'" + key + "' is not true or false");
    return otherwise;
  }

  /** A whole-number field (written as a number or a string), if present and one. */
  Optional<Integer> integer(Tree.Obj o, String key) {
    Tree t = o.fields().get(key);
    Optional<String> s = text(o, key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(s.get()));
    } catch (NumberFormatException e) {
      error(t.line(), "'" + key + "' is not a whole number: '" + s.get() + "'");
      return Optional.empty();
    }
  }

  /** A list field's items; absent or null is empty; another kind of value is an error. */
  List<Tree> list(Tree.Obj o, String key) {
    Tree t = o.fields().get(key);
    if (t == null || t instanceof Tree.Scalar s && s.value() == null) {
      return List.of();
    }
    if (t instanceof Tree.Seq seq) {
      return seq.items();
    }
    error(t.line(), "'" + key + "' is not a list");
    return List.of();
  }
}
