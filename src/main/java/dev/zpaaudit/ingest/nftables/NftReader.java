package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the structure of an {@code nft -j list ruleset} document: the objects of the top-level
 * "nftables" array. Shape errors (a missing name, a rule in a chain that is not listed) are errors;
 * named objects that filter nothing by themselves (counters, quotas, helpers, flowtables) are
 * skipped, as the rules that use them are judged where they use them.
 */
final class NftReader {
  static final Set<String> FAMILIES = Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");
  private static final Set<String> PASSIVE =
      Set.of(
          "metainfo",
          "counter",
          "quota",
          "limit",
          "ct helper",
          "ct timeout",
          "ct expectation",
          "secmark",
          "synproxy",
          "flowtable",
          "tunnel");
  private static final Set<String> COMMANDS =
      Set.of(
          "add", "create", "insert", "replace", "delete", "destroy", "flush", "list", "reset",
          "rename");

  private final String file;
  private final Diagnostics diags;

  NftReader(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  private SourceLocation at(Tree t) {
    return new SourceLocation(file, Math.max(1, t.line()));
  }

  /** A shape problem: reported as an error at the node. */
  static final class Shape extends Exception {
    final Tree where;

    Shape(Tree where, String message) {
      super(message);
      this.where = where;
    }
  }

  NftExport read(Tree root) {
    List<NftExport.Table> tables = new ArrayList<>();
    Map<String, NftExport.ChainDecl> chains = new LinkedHashMap<>();
    Map<String, NftExport.SetDecl> sets = new LinkedHashMap<>();
    List<NftExport.RuleObj> rules = new ArrayList<>();
    Tree list = root instanceof Tree.Obj o ? o.fields().get("nftables") : null;
    if (!(list instanceof Tree.Seq seq)) {
      diags.error(
          at(root), "not an nftables JSON export: expected {\"nftables\": [...]} at the top");
      return new NftExport(tables, chains, sets, rules);
    }
    for (Tree item : seq.items()) {
      try {
        if (!(item instanceof Tree.Obj obj) || obj.fields().size() != 1) {
          throw new Shape(
              item, "expected an object with one key (table, chain, rule, set, map...)");
        }
        String kind = obj.fields().keySet().iterator().next();
        Tree body = obj.fields().get(kind);
        if (COMMANDS.contains(kind)) {
          throw new Shape(
              item,
              "'"
                  + kind
                  + "' is a command: this is an nft command file, not a"
                  + " ruleset listing ('nft -j list ruleset')");
        }
        switch (kind) {
          case "table" -> tables.add(table(body, tables));
          case "chain" -> chain(body, chains, tables);
          case "set", "map" -> set(body, kind.equals("map"), sets, tables);
          case "rule" -> rules.add(rule(body));
          case "element" ->
              throw new Shape(item, "'element' objects are not part of a ruleset listing");
          default -> {
            if (!PASSIVE.contains(kind)) {
              diags.warning(at(item), "'" + kind + "' objects are not modelled and are skipped");
            }
          }
        }
      } catch (Shape s) {
        diags.error(at(s.where), s.getMessage());
      }
    }
    for (NftExport.RuleObj r : rules) {
      if (!chains.containsKey(r.chainFullName())) {
        diags.error(
            new SourceLocation(file, r.line()),
            "rule (handle "
                + r.handle()
                + ") is in chain '"
                + r.chain()
                + "', which is not listed in table "
                + NftExport.scope(r.family(), r.table()));
      }
    }
    if (tables.isEmpty() && !diags.hasErrors()) {
      diags.error(at(root), "the export lists no tables");
    }
    return new NftExport(tables, chains, sets, rules);
  }

  static Tree.Obj obj(Tree t, String what) throws Shape {
    if (t instanceof Tree.Obj o) {
      return o;
    }
    throw new Shape(t, what + " must be an object");
  }

  static String str(Tree.Obj o, String key) throws Shape {
    Tree v = o.fields().get(key);
    if (v instanceof Tree.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
      return s.text();
    }
    throw new Shape(o, v == null ? "missing \"" + key + "\"" : "\"" + key + "\" must be a string");
  }

  static String optStr(Tree.Obj o, String key) throws Shape {
    return o.fields().containsKey(key) ? str(o, key) : null;
  }

  private String family(Tree.Obj o) throws Shape {
    String f = str(o, "family");
    if (!FAMILIES.contains(f)) {
      throw new Shape(
          o, "unknown family '" + f + "' (expected ip, ip6, inet, arp, bridge or netdev)");
    }
    return f;
  }

  private void requireTable(Tree.Obj o, String family, String table, List<NftExport.Table> tables)
      throws Shape {
    String scope = NftExport.scope(family, table);
    if (tables.stream().noneMatch(t -> t.scope().equals(scope))) {
      throw new Shape(o, "table " + scope + " is not listed before this object");
    }
  }

  private NftExport.Table table(Tree body, List<NftExport.Table> tables) throws Shape {
    Tree.Obj o = obj(body, "a table");
    NftExport.Table t = new NftExport.Table(family(o), str(o, "name"), body.line());
    if (tables.stream().anyMatch(x -> x.scope().equals(t.scope()))) {
      throw new Shape(o, "table " + t.scope() + " is listed twice");
    }
    return t;
  }

  private void chain(
      Tree body, Map<String, NftExport.ChainDecl> chains, List<NftExport.Table> tables)
      throws Shape {
    Tree.Obj o = obj(body, "a chain");
    String family = family(o);
    String table = str(o, "table");
    requireTable(o, family, table, tables);
    String hook = optStr(o, "hook");
    String type = optStr(o, "type");
    Tree prio = o.fields().get("prio");
    if (hook != null && (type == null || prio == null)) {
      throw new Shape(o, "base chain '" + str(o, "name") + "' lacks its type or priority");
    }
    List<String> devices = new ArrayList<>();
    String dev = optStr(o, "dev");
    if (dev != null) {
      devices.add(dev);
    }
    NftExport.ChainDecl c =
        new NftExport.ChainDecl(
            family,
            table,
            str(o, "name"),
            type,
            hook,
            prio,
            optStr(o, "policy"),
            devices,
            body.line());
    if (chains.putIfAbsent(c.fullName(), c) != null) {
      throw new Shape(o, "chain " + c.fullName() + " is listed twice");
    }
  }

  private void set(
      Tree body, boolean isMap, Map<String, NftExport.SetDecl> sets, List<NftExport.Table> tables)
      throws Shape {
    Tree.Obj o = obj(body, "a set");
    String family = family(o);
    String table = str(o, "table");
    requireTable(o, family, table, tables);
    String name = str(o, "name");
    List<String> types = strings(o.fields().get("type"), o, "type");
    List<String> flags =
        o.fields().containsKey("flags") ? strings(o.fields().get("flags"), o, "flags") : List.of();
    String mapType = null;
    if (isMap) {
      Tree m = o.fields().get("map");
      mapType = m == null ? null : String.join(" . ", strings(m, o, "map"));
      if (mapType == null) {
        throw new Shape(o, "map '" + name + "' lacks its \"map\" (value type)");
      }
    }
    List<Tree> elems = null;
    Tree e = o.fields().get("elem");
    if (e != null) {
      if (!(e instanceof Tree.Seq s)) {
        throw new Shape(e, "\"elem\" of set '" + name + "' must be an array");
      }
      elems = s.items();
    }
    boolean timeout =
        flags.contains("timeout") || flags.contains("dynamic") || o.fields().containsKey("timeout");
    NftExport.SetDecl d =
        new NftExport.SetDecl(
            family, table, name, types, mapType, flags, timeout, elems, body.line());
    String key = NftExport.scope(family, table) + " " + name;
    if (sets.putIfAbsent(key, d) != null) {
      throw new Shape(
          o, "set " + name + " is listed twice in table " + NftExport.scope(family, table));
    }
  }

  private static List<String> strings(Tree t, Tree.Obj owner, String key) throws Shape {
    if (t instanceof Tree.Scalar s && s.isString()) {
      return List.of(s.text());
    }
    if (t instanceof Tree.Seq q) {
      List<String> out = new ArrayList<>();
      for (Tree i : q.items()) {
        if (!(i instanceof Tree.Scalar s) || !s.isString()) {
          throw new Shape(i, "\"" + key + "\" must hold strings");
        }
        out.add(s.text());
      }
      return out;
    }
    throw new Shape(
        t == null ? owner : t,
        t == null
            ? "missing \"" + key + "\""
            : "\"" + key + "\" must be a string or an array of strings");
  }

  private NftExport.RuleObj rule(Tree body) throws Shape {
    Tree.Obj o = obj(body, "a rule");
    String family = family(o);
    Tree expr = o.fields().get("expr");
    if (!(expr instanceof Tree.Seq s)) {
      throw new Shape(o, expr == null ? "rule lacks \"expr\"" : "\"expr\" must be an array");
    }
    long handle = -1;
    if (o.fields().get("handle") instanceof Tree.Scalar h && h.isNumber()) {
      handle = ((Number) h.value()).longValue();
    }
    return new NftExport.RuleObj(
        family,
        str(o, "table"),
        str(o, "chain"),
        handle,
        optStr(o, "comment"),
        s.items(),
        body.line());
  }
}
