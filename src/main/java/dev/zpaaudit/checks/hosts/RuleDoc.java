package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layered YAML rule files: a base file and overlays (profiles, user files), later layers winning
 * key by key. An overlay may only set keys the base has; every value is read with its file:line.
 */
final class RuleDoc {
  record Layer(String file, Tree.Obj root) {}

  /**
   * The largest number a rule may hold: far beyond any limit (GiB, percent, Mbps, counts), so that
   * a typo is an error and not an overflow in the checks.
   */
  static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(1_000_000_000_000L);

  private final List<Layer> layers;
  private final Diagnostics diags;

  RuleDoc(List<Layer> layers, Diagnostics diags) {
    this.layers = List.copyOf(layers);
    this.diags = diags;
    for (Layer overlay : this.layers.subList(1, this.layers.size())) {
      checkKeys(overlay.file(), layers.get(0).root(), overlay.root(), "");
    }
  }

  private void checkKeys(String file, Tree.Obj base, Tree.Obj over, String prefix) {
    for (Map.Entry<String, Tree> e : over.fields().entrySet()) {
      Tree b = base.fields().get(e.getKey());
      String name = prefix + e.getKey();
      if (b == null || e.getKey().equals("schema")) {
        diags.error(at(file, e.getValue()), "unknown rule key '" + name + "'");
      } else if (b instanceof Tree.Obj bo && !name.equals("severities")) {
        if (e.getValue() instanceof Tree.Obj oo) {
          checkKeys(file, bo, oo, name + ".");
        } else {
          diags.error(at(file, e.getValue()), "'" + name + "' must be a mapping");
        }
      }
    }
  }

  static SourceLocation at(String file, Tree t) {
    return new SourceLocation(file, Math.max(0, t.line()));
  }

  /** The winning node for a dotted path and the file it is in, or null (an error is recorded). */
  Located find(String path) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Tree t = walk(layers.get(i).root(), path);
      if (t != null) {
        return new Located(layers.get(i).file(), t);
      }
    }
    diags.error(new SourceLocation(layers.get(0).file(), 0), "missing rule key '" + path + "'");
    return null;
  }

  record Located(String file, Tree node) {
    SourceLocation at() {
      return RuleDoc.at(file, node);
    }
  }

  private static Tree walk(Tree.Obj root, String path) {
    Tree t = root;
    for (String part : path.split("\\.")) {
      if (!(t instanceof Tree.Obj o) || o.fields().get(part) == null) {
        return null;
      }
      t = o.fields().get(part);
    }
    return t;
  }

  Param<Double> number(String path, double min) {
    Located l = find(path);
    if (l == null) {
      return null;
    }
    Double v = number(l.file(), l.node(), path);
    if (v == null) {
      return null;
    }
    if (v < min) {
      diags.error(l.at(), "'" + path + "' must be at least " + min + ", not " + v);
      return null;
    }
    return new Param<>(path, v, l.at());
  }

  Double number(String file, Tree t, String name) {
    if (t instanceof Tree.Scalar s && s.value() instanceof Number n) {
      BigDecimal v = new BigDecimal(n.toString());
      if (v.abs().compareTo(MAX_NUMBER) > 0) {
        diags.error(at(file, t), "'" + name + "' must be at most " + MAX_NUMBER + ", not " + v);
        return null;
      }
      return v.doubleValue();
    }
    diags.error(at(file, t), "'" + name + "' must be a number");
    return null;
  }

  Param<Long> count(String path, long min) {
    Param<Double> d = number(path, min);
    if (d == null) {
      return null;
    }
    if (d.value() != Math.floor(d.value())) {
      diags.error(d.at(), "'" + path + "' must be a whole number");
      return null;
    }
    return new Param<>(path, d.value().longValue(), d.at());
  }

  /**
   * A whole number that may be left unset: empty when the winning value is null (or no file has the
   * key), else as {@link #count} (empty, with the error recorded, when it is not valid).
   */
  java.util.Optional<Param<Long>> optionalCount(String path, long min) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Tree t = walk(layers.get(i).root(), path);
      if (t != null) {
        if (t instanceof Tree.Scalar s && s.value() == null) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(count(path, min));
      }
    }
    return java.util.Optional.empty();
  }

  Param<Boolean> bool(String path) {
    Located l = find(path);
    if (l == null) {
      return null;
    }
    if (l.node() instanceof Tree.Scalar s && s.value() instanceof Boolean b) {
      return new Param<>(path, b, l.at());
    }
    diags.error(l.at(), "'" + path + "' must be true or false");
    return null;
  }

  Param<String> text(String path) {
    Located l = find(path);
    if (l == null) {
      return null;
    }
    if (l.node() instanceof Tree.Scalar s && s.isString() && !s.text().isBlank()) {
      return new Param<>(path, s.text(), l.at());
    }
    diags.error(l.at(), "'" + path + "' must be a non-empty string");
    return null;
  }

  Param<List<String>> strings(String path) {
    Located l = find(path);
    if (l == null) {
      return null;
    }
    List<String> out = strings(l.file(), l.node(), path);
    return out == null ? null : new Param<>(path, out, l.at());
  }

  List<String> strings(String file, Tree node, String name) {
    if (!(node instanceof Tree.Seq seq)) {
      diags.error(at(file, node), "'" + name + "' must be a list");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Tree t : seq.items()) {
      if (t instanceof Tree.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
        out.add(s.text());
      } else {
        diags.error(at(file, t), "'" + name + "' items must be strings or numbers");
      }
    }
    return out;
  }
}
