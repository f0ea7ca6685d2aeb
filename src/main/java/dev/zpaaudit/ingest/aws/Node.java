package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object of a describe-* output, read field by field: a field of the wrong kind is an error
 * at its line, said once, and reads as absent so that reading goes on.
 */
final class Node {
  private final Tree.Obj obj;
  private final Reading reading;

  Node(Tree.Obj obj, Reading reading) {
    this.obj = obj;
    this.reading = reading;
  }

  int line() {
    return obj.line();
  }

  SourceLocation at() {
    return reading.at(obj.line());
  }

  Reading reading() {
    return reading;
  }

  /** The keys of the object, in the order written. */
  java.util.Set<String> keys() {
    return obj.fields().keySet();
  }

  boolean has(String key) {
    return obj.get(key).filter(t -> !(t instanceof Tree.Scalar s && s.value() == null)).isPresent();
  }

  /** The line of a field, or of this object when it is absent. */
  int lineOf(String key) {
    return obj.get(key).map(Tree::line).orElse(obj.line());
  }

  /** A string field. */
  Optional<String> text(String key) {
    Optional<Tree> t = obj.get(key);
    if (t.isEmpty() || t.get() instanceof Tree.Scalar s && s.value() == null) {
      return Optional.empty();
    }
    if (t.get() instanceof Tree.Scalar s && (s.isString() || s.isNumber())) {
      return Optional.of(s.text());
    }
    reading.error(t.get().line(), "'" + key + "' is not a string");
    return Optional.empty();
  }

  /** A string field that must be there; an error, and empty, when it is not. */
  Optional<String> required(String key, String what) {
    Optional<String> v = text(key);
    if (v.isEmpty() && !has(key)) {
      reading.error(obj.line(), what + " without '" + key + "'");
    }
    return v;
  }

  /** An integer field. */
  Optional<Integer> integer(String key) {
    Optional<Tree> t = obj.get(key);
    if (t.isEmpty() || t.get() instanceof Tree.Scalar s && s.value() == null) {
      return Optional.empty();
    }
    if (t.get() instanceof Tree.Scalar s) {
      try {
        return Optional.of(Integer.parseInt(s.text().trim()));
      } catch (NumberFormatException e) {
        // said below
      }
    }
    reading.error(t.get().line(), "'" + key + "' is not an integer");
    return Optional.empty();
  }

  boolean bool(String key) {
    Optional<Tree> t = obj.get(key);
    return t.isPresent()
        && t.get() instanceof Tree.Scalar s
        && (Boolean.TRUE.equals(s.value()) || "true".equals(s.value()));
  }

  Optional<Node> object(String key) {
    Optional<Tree> t = obj.get(key);
    if (t.isEmpty() || t.get() instanceof Tree.Scalar s && s.value() == null) {
      return Optional.empty();
    }
    if (t.get() instanceof Tree.Obj o) {
      return Optional.of(new Node(o, reading));
    }
    reading.error(t.get().line(), "'" + key + "' is not an object");
    return Optional.empty();
  }

  /** The objects of an array field (none when absent); an item that is not one is an error. */
  List<Node> objects(String key) {
    List<Node> out = new ArrayList<>();
    for (Tree t : items(key)) {
      if (t instanceof Tree.Obj o) {
        out.add(new Node(o, reading));
      } else {
        reading.error(t.line(), "an item of '" + key + "' is not an object");
      }
    }
    return out;
  }

  /** The strings of an array field (none when absent). */
  List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (Tree t : items(key)) {
      if (t instanceof Tree.Scalar s && s.isString()) {
        out.add(s.text());
      } else {
        reading.error(t.line(), "an item of '" + key + "' is not a string");
      }
    }
    return out;
  }

  private List<Tree> items(String key) {
    Optional<Tree> t = obj.get(key);
    if (t.isEmpty() || t.get() instanceof Tree.Scalar s && s.value() == null) {
      return List.of();
    }
    if (t.get() instanceof Tree.Seq seq) {
      return seq.items();
    }
    reading.error(t.get().line(), "'" + key + "' is not an array");
    return List.of();
  }

  /** A CIDR field, parsed; an error when it is not one. */
  Optional<IpSet> cidr(String key) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Optional<IpSet> set = v.get().contains("/") ? IpSet.tryParse(v.get()) : Optional.empty();
    if (set.isEmpty()) {
      reading.error(lineOf(key), key + " " + quote(v.get()) + " is not a CIDR block");
    }
    return set;
  }

  /** The value of the tag {@code Name}, or "" when it has none. */
  String name() {
    for (Node tag : objects("Tags")) {
      if (tag.text("Key").orElse("").equals("Name")) {
        return tag.text("Value").orElse("");
      }
    }
    return "";
  }

  static String quote(String s) {
    return "'" + s + "'";
  }
}
