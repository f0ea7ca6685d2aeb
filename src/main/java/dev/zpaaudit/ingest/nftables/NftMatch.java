package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates one match expression ({@code left op right}) into conditions: comparisons, anonymous
 * and named set lookups (with prefixes, ranges and concatenations), masked flag tests, flag tests
 * that no listed bit is set ({@code tcp flags ! fin,syn}, as iptables-translate writes {@code
 * --tcp-flags ALL NONE}) and fib address types. Anything else is an {@link NftProblem}, which the
 * caller turns into an unknown condition with a warning.
 */
final class NftMatch {
  private final Map<String, NftExport.SetDecl> sets;
  private final Set<String> dynamicSets;

  NftMatch(Map<String, NftExport.SetDecl> sets, Set<String> dynamicSets) {
    this.sets = sets;
    this.dynamicSets = dynamicSets;
  }

  static String setKey(String family, String table, String name) {
    return NftExport.scope(family, table) + " " + name;
  }

  List<Condition> match(Tree.Obj m, String family, String table) throws NftProblem {
    String op = m.fields().get("op") instanceof Tree.Scalar s ? s.text() : "==";
    Tree left = m.fields().get("left");
    Tree right = m.fields().get("right");
    if (left == null || right == null) {
      throw new NftProblem("match without '" + (left == null ? "left" : "right") + "'", true);
    }
    if (left instanceof Tree.Obj lo && lo.fields().containsKey("fib")) {
      return List.of(fib((Tree.Obj) lo.fields().get("fib"), op, right, NftText.match(m)));
    }
    if (left instanceof Tree.Obj lo
        && lo.fields().get("&") instanceof Tree.Seq and
        && and.items().size() == 2) {
      return masked(and.items().get(0), and.items().get(1), op, right, family);
    }
    if (left instanceof Tree.Obj lo && lo.fields().get("concat") instanceof Tree.Seq cat) {
      List<NftField> fields = new ArrayList<>();
      for (Tree t : cat.items()) {
        fields.add(NftFields.of(t, family));
      }
      return concat(fields, op, elements(right, family, table, fields.size()));
    }
    NftField f = NftFields.of(left, family);
    Val v;
    if (isSetRef(right) || right instanceof Tree.Obj ro && ro.fields().containsKey("set")) {
      if (!op.equals("==") && !op.equals("!=") && !op.equals("in")) {
        throw new NftProblem("'" + op + "' with a set is not modelled");
      }
      v = union(f, elements(right, family, table, 1));
      v = op.equals("!=") ? v.complement() : v;
    } else {
      switch (op) {
        case "==" -> v = f.element(right);
        case "!=" -> v = f.element(right).complement();
        case "in" -> {
          if (f.isBitmask()) {
            int mask = f.mask(right);
            v = f.where(x -> (x & mask) != 0);
          } else {
            v = f.element(right);
          }
        }
        case "!" -> {
          // "tcp flags ! syn,ack": none of these bits is set
          if (!f.isBitmask()) {
            throw new NftProblem("operator '!' on '" + f.text() + "' is not modelled");
          }
          int mask = f.mask(right);
          v = f.where(x -> (x & mask) == 0);
        }
        case "<", ">", "<=", ">=" -> v = f.compare(op, right);
        default -> throw new NftProblem("operator '" + op + "' is not modelled");
      }
    }
    List<Condition> out = new ArrayList<>(f.deps());
    out.addAll(f.conditions(v));
    return out;
  }

  /** The conditions for "key in these elements", for verdict maps. */
  List<Condition> lookup(Tree key, List<Tree> keys, String family) throws NftProblem {
    if (key instanceof Tree.Obj lo && lo.fields().get("concat") instanceof Tree.Seq cat) {
      List<NftField> fields = new ArrayList<>();
      for (Tree t : cat.items()) {
        fields.add(NftFields.of(t, family));
      }
      return concat(fields, "==", keys);
    }
    NftField f = NftFields.of(key, family);
    List<Condition> out = new ArrayList<>(f.deps());
    out.addAll(f.conditions(union(f, keys)));
    return out;
  }

  private static Val union(NftField f, List<Tree> elements) throws NftProblem {
    Val v = f.empty(0);
    for (Tree e : elements) {
      v = v.union(f.element(e));
    }
    return v;
  }

  private static boolean isSetRef(Tree t) {
    return t instanceof Tree.Scalar s && s.isString() && s.text().startsWith("@");
  }

  /** The elements (keys, for maps) of an anonymous set, a named set, or a single value. */
  List<Tree> elements(Tree right, String family, String table, int width) throws NftProblem {
    List<Tree> raw;
    if (isSetRef(right)) {
      String name = ((Tree.Scalar) right).text().substring(1);
      NftExport.SetDecl d = sets.get(setKey(family, table, name));
      if (d == null) {
        throw new NftProblem(
            "set @" + name + " is not defined in table " + NftExport.scope(family, table), true);
      }
      if (d.hasTimeout() || dynamicSets.contains(setKey(family, table, name))) {
        throw new NftProblem(
            "set @"
                + name
                + " changes while packets pass (its elements time out or"
                + " rules add to it); its lookup is not modelled");
      }
      if (d.keyTypes().size() != width) {
        throw new NftProblem(
            "set @" + name + " has " + d.keyTypes().size() + " fields, the lookup " + width);
      }
      raw = d.elements() == null ? List.of() : d.elements();
    } else if (right instanceof Tree.Obj o && o.fields().get("set") instanceof Tree.Seq s) {
      raw = s.items();
    } else if (right instanceof Tree.Obj o && o.fields().containsKey("set")) {
      raw = List.of(o.fields().get("set"));
    } else {
      raw = List.of(right);
    }
    List<Tree> out = new ArrayList<>();
    for (Tree t : raw) {
      out.add(t instanceof Tree.Seq pair && pair.items().size() == 2 ? pair.items().get(0) : t);
    }
    return out;
  }

  private static Tree unwrap(Tree t) {
    if (t instanceof Tree.Obj o
        && o.fields().get("elem") instanceof Tree.Obj e
        && e.fields().containsKey("val")) {
      return e.fields().get("val");
    }
    return t;
  }

  private List<Condition> concat(List<NftField> fields, String op, List<Tree> elements)
      throws NftProblem {
    if (!op.equals("==") && !op.equals("!=") && !op.equals("in")) {
      throw new NftProblem("'" + op + "' on a concatenation is not modelled");
    }
    List<Condition> out = new ArrayList<>(NftField.mergeDeps(fields));
    List<List<Condition>> alternatives = new ArrayList<>();
    for (Tree e : elements) {
      Tree v = unwrap(e);
      if (!(v instanceof Tree.Obj o && o.fields().get("concat") instanceof Tree.Seq parts)
          || parts.items().size() != fields.size()) {
        throw new NftProblem(
            "element " + NftText.expr(v, false) + " does not have " + fields.size() + " fields");
      }
      List<Val> vals = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        vals.add(fields.get(i).element(parts.items().get(i)));
      }
      if (op.equals("!=")) {
        // not (a1 and a2 and ...) = (not a1) or (a1 and not a2) or ...
        List<List<Condition>> notThis = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
          List<Condition> alt = new ArrayList<>();
          for (int j = 0; j < i; j++) {
            alt.addAll(fields.get(j).conditions(vals.get(j)));
          }
          alt.addAll(fields.get(i).conditions(vals.get(i).complement()));
          notThis.add(alt);
        }
        out.add(new Condition.AnyOf(notThis));
      } else {
        List<Condition> alt = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
          alt.addAll(fields.get(i).conditions(vals.get(i)));
        }
        alternatives.add(alt);
      }
    }
    if (!op.equals("!=")) {
      out.add(new Condition.AnyOf(alternatives));
    }
    return out;
  }

  /** {@code field & mask op value}, e.g. {@code tcp flags & (syn | ack) == syn}. */
  private List<Condition> masked(Tree inner, Tree maskTree, String op, Tree right, String family)
      throws NftProblem {
    NftField f = NftFields.of(inner, family);
    if (!f.isBitmask()) {
      throw new NftProblem("a mask on '" + f.text() + "' is not modelled");
    }
    int mask = f.mask(maskTree);
    Val v;
    if (right instanceof Tree.Obj ro && ro.fields().get("set") instanceof Tree.Seq s) {
      Set<Integer> values = new LinkedHashSet<>();
      for (Tree t : s.items()) {
        values.add(f.mask(unwrap(t)));
      }
      v = f.where(x -> values.contains(x & mask));
      v = op.equals("!=") ? v.complement() : v;
    } else {
      int value = f.mask(right);
      v =
          switch (op) {
            case "==" -> f.where(x -> (x & mask) == value);
            case "!=" -> f.where(x -> (x & mask) != value);
            case "in" -> f.where(x -> (x & mask & value) != 0);
            default -> throw new NftProblem("operator '" + op + "' on a mask is not modelled");
          };
    }
    List<Condition> out = new ArrayList<>(f.deps());
    out.addAll(f.conditions(v));
    return out;
  }

  private static Condition fib(Tree.Obj fib, String op, Tree right, String text) throws NftProblem {
    List<String> flags = new ArrayList<>();
    if (fib.fields().get("flags") instanceof Tree.Seq fs) {
      for (Tree t : fs.items()) {
        flags.add(NftField.scalar(t));
      }
    } else if (fib.fields().get("flags") != null) {
      flags.add(NftField.scalar(fib.fields().get("flags")));
    }
    String result = fib.fields().get("result") instanceof Tree.Scalar r ? r.text() : "";
    if (!result.equals("type")
        || flags.size() != 1
        || !(flags.contains("saddr") || flags.contains("daddr"))
        || !(op.equals("==") || op.equals("!="))) {
      throw new NftProblem("'" + text + "' is not modelled");
    }
    List<Tree> values =
        right instanceof Tree.Obj o && o.fields().get("set") instanceof Tree.Seq s
            ? s.items()
            : List.of(right);
    Set<String> types = new LinkedHashSet<>();
    for (Tree t : values) {
      String ty = NftField.scalar(t).toUpperCase(Locale.ROOT);
      if (!Set.of("LOCAL", "UNICAST", "BROADCAST", "MULTICAST").contains(ty)) {
        throw new NftProblem(
            "address type '" + ty.toLowerCase(Locale.ROOT) + "' in '" + text + "' is not modelled");
      }
      types.add(ty);
    }
    return new Condition.AddrType(flags.contains("saddr"), types, op.equals("!="));
  }
}
