package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.HostFacts;
import dev.zpaaudit.model.host.Listener;
import dev.zpaaudit.model.host.Nic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a facts file written by {@code zpa-audit host collect} (schema {@value #SCHEMA}). Every
 * fact is located at its key's line; facts listed under {@code unreadable} are unknown with the
 * recorded reason.
 */
public final class FactsReader {
  public static final String SCHEMA = "zpa-audit/host-facts/v1";

  private FactsReader() {}

  public static HostFacts read(Path file, String shownAs, Diagnostics d) throws InputException {
    String name = shownAs == null ? file.toString() : shownAs;
    Tree t = SafeParsers.json(InputFiles.read(file), name);
    SourceLocation top = new SourceLocation(name, Math.max(0, t.line()));
    if (!(t instanceof Tree.Obj root)
        || !root.get("schema")
            .filter(s -> s instanceof Tree.Scalar x && SCHEMA.equals(x.value()))
            .isPresent()) {
      d.error(top, "not a host facts file (expected \"schema\": \"" + SCHEMA + "\")");
      return HostFacts.none(top, "unreadable facts file");
    }
    Map<String, Fact<?>> facts = new LinkedHashMap<>();
    Optional<Tree> unreadable = root.get("unreadable");
    if (unreadable.isPresent() && unreadable.get() instanceof Tree.Obj u) {
      u.fields()
          .forEach(
              (k, v) ->
                  facts.put(
                      k,
                      Fact.unknown(
                          "not readable when collected: "
                              + (v instanceof Tree.Scalar s ? s.text() : "?"),
                          at(name, v))));
    }
    if (root.get("facts").orElse(null) instanceof Tree.Obj f) {
      f.fields()
          .forEach(
              (k, v) -> {
                Optional<FactKey<?>> key = FactKey.byName(k);
                if (key.isEmpty()) {
                  d.warning(at(name, v), "unknown fact '" + k + "' ignored");
                  return;
                }
                Object value = value(key.get(), v, name, d);
                if (value != null) {
                  facts.put(k, Fact.of(value, at(name, v)));
                }
              });
    } else {
      d.error(top, "no \"facts\" object");
    }
    return new HostFacts(new SourceLocation(name, 0), facts, "not recorded in " + name);
  }

  private static SourceLocation at(String file, Tree t) {
    return new SourceLocation(file, Math.max(0, t.line()));
  }

  private static Object value(FactKey<?> key, Tree v, String file, Diagnostics d) {
    if (v instanceof Tree.Scalar s && s.value() == null) {
      return null;
    }
    if (key == FactKey.NICS) {
      return nics(v, file, d);
    }
    if (key == FactKey.LISTENING) {
      return listeners(v, file, d);
    }
    if (v instanceof Tree.Scalar s) {
      if (key.type() == Long.class
          && s.value() instanceof Number n
          && new java.math.BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
        return n.longValue();
      }
      if (key.type() == Boolean.class && s.value() instanceof Boolean b) {
        return b;
      }
      if (key.type() == String.class && s.isString()) {
        Optional<String> accepted = key.accept(s.text());
        if (accepted.isEmpty()) {
          d.error(at(file, v), key.name() + ": '" + s.text() + "' is not " + key.valuesInWords());
        }
        return accepted.orElse(null);
      }
    }
    d.error(
        at(file, v),
        key.name() + ": expected " + key.type().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    return null;
  }

  private static List<Nic> nics(Tree v, String file, Diagnostics d) {
    List<Nic> out = new ArrayList<>();
    if (!(v instanceof Tree.Seq seq)) {
      d.error(at(file, v), "nics: expected a list");
      return null;
    }
    for (Tree t : seq.items()) {
      if (t instanceof Tree.Obj o && o.get("name").orElse(null) instanceof Tree.Scalar n) {
        String mac =
            o.get("mac")
                .filter(x -> x instanceof Tree.Scalar s && s.isString())
                .map(x -> ((Tree.Scalar) x).text())
                .orElse(null);
        int type =
            o.get("addrAssignType")
                .filter(x -> x instanceof Tree.Scalar s && s.isNumber())
                .map(x -> ((Number) ((Tree.Scalar) x).value()).intValue())
                .orElse(-1);
        boolean virt =
            o.get("virtual")
                .filter(x -> x instanceof Tree.Scalar s && Boolean.TRUE.equals(s.value()))
                .isPresent();
        try {
          out.add(new Nic(n.text(), mac, type, virt));
        } catch (IllegalArgumentException e) {
          d.error(at(file, t), "nics: " + e.getMessage());
        }
      } else {
        d.error(at(file, t), "nics: each item needs a name");
      }
    }
    return out;
  }

  private static List<Listener> listeners(Tree v, String file, Diagnostics d) {
    List<Listener> out = new ArrayList<>();
    if (!(v instanceof Tree.Seq seq)) {
      d.error(at(file, v), "listening: expected a list");
      return null;
    }
    for (Tree t : seq.items()) {
      if (t instanceof Tree.Obj o
          && o.get("address").orElse(null) instanceof Tree.Scalar a
          && o.get("port").orElse(null) instanceof Tree.Scalar p
          && p.value() instanceof Number n) {
        try {
          out.add(new Listener(a.text(), n.intValue()));
        } catch (IllegalArgumentException e) {
          d.error(at(file, t), "listening: " + e.getMessage());
        }
      } else {
        d.error(at(file, t), "listening: each item needs address and port");
      }
    }
    return out;
  }
}
