package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.io.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders libnftables JSON expressions and statements back into nft syntax, for reports. */
final class NftText {
  private static final Set<String> UNQUALIFIED_META =
      Set.of(
          "iifname",
          "oifname",
          "iif",
          "oif",
          "iiftype",
          "oiftype",
          "skuid",
          "skgid",
          "nfproto",
          "l4proto",
          "mark",
          "priority");
  private static final Set<String> VERDICTS = Set.of("accept", "drop", "continue", "return");

  private NftText() {}

  static String rule(List<Tree> exprs, String comment) {
    List<String> parts = new ArrayList<>();
    for (Tree e : exprs) {
      parts.add(statement(e));
    }
    String s = String.join(" ", parts);
    return comment == null ? s : s + " comment \"" + comment + "\"";
  }

  static String statement(Tree t) {
    if (!(t instanceof Tree.Obj o) || o.fields().size() != 1) {
      return raw(t);
    }
    Map.Entry<String, Tree> e = o.fields().entrySet().iterator().next();
    String k = e.getKey();
    Tree v = e.getValue();
    Tree.Obj b = v instanceof Tree.Obj x ? x : null;
    if (VERDICTS.contains(k)) {
      return k;
    }
    switch (k) {
      case "match":
        return b == null ? raw(t) : match(b);
      case "jump", "goto":
        return k + " " + field(b, "target");
      case "counter":
        return v instanceof Tree.Scalar s && s.isString()
            ? "counter name \"" + s.text() + "\""
            : "counter";
      case "log":
        return b != null && b.fields().containsKey("prefix")
            ? "log prefix \"" + field(b, "prefix") + "\""
            : "log";
      case "reject":
        if (b == null) {
          return "reject";
        }
        String type = field(b, "type");
        String ex = b.fields().containsKey("expr") ? " " + expr(b.fields().get("expr"), false) : "";
        return type.isEmpty() ? "reject" : "reject with " + type + ex;
      case "notrack", "masquerade":
        return b == null ? k : k + nat(b);
      case "snat", "dnat", "redirect":
        return b == null ? k : k + nat(b);
      case "vmap":
        return b == null
            ? raw(t)
            : expr(b.fields().get("key"), false) + " vmap " + expr(b.fields().get("data"), false);
      case "limit":
        return b == null
            ? "limit"
            : "limit rate "
                + (b.fields().containsKey("inv") ? "over " : "")
                + field(b, "rate")
                + "/"
                + field(b, "per");
      case "mangle":
        return b == null
            ? raw(t)
            : expr(b.fields().get("key"), false) + " set " + expr(b.fields().get("value"), false);
      case "set":
        return b == null
            ? raw(t)
            : field(b, "op")
                + " "
                + field(b, "set")
                + " { "
                + expr(b.fields().get("elem"), false)
                + " }";
      case "xt":
        return "xt " + (b == null ? "" : field(b, "type") + " " + field(b, "name"));
      default:
        return v instanceof Tree.Scalar s && s.value() == null ? k : k + " " + expr(v, false);
    }
  }

  private static String nat(Tree.Obj b) {
    StringBuilder sb = new StringBuilder();
    if (b.fields().containsKey("family")) {
      sb.append(' ').append(field(b, "family"));
    }
    if (b.fields().containsKey("addr") || b.fields().containsKey("port")) {
      sb.append(" to ");
      if (b.fields().containsKey("addr")) {
        sb.append(expr(b.fields().get("addr"), false));
      }
      if (b.fields().containsKey("port")) {
        sb.append(':').append(expr(b.fields().get("port"), false));
      }
    }
    return sb.toString();
  }

  private static String field(Tree.Obj b, String key) {
    if (b == null || !b.fields().containsKey(key)) {
      return "";
    }
    return expr(b.fields().get(key), false);
  }

  static String match(Tree.Obj m) {
    Tree left = m.fields().get("left");
    String op = m.fields().get("op") instanceof Tree.Scalar s ? s.text() : "==";
    boolean quote = isIfname(left);
    String l = expr(left, false);
    String r = expr(m.fields().get("right"), quote);
    boolean flags = isFlags(left);
    if (op.equals("==") && !flags || op.equals("in")) {
      return l + " " + r;
    }
    return l + " " + op + " " + r;
  }

  private static boolean isIfname(Tree left) {
    return left instanceof Tree.Obj o
        && o.fields().get("meta") instanceof Tree.Obj m
        && m.fields().get("key") instanceof Tree.Scalar k
        && Set.of("iifname", "oifname", "iif", "oif").contains(k.text());
  }

  private static boolean isFlags(Tree left) {
    if (left instanceof Tree.Obj o && o.fields().containsKey("&")) {
      return true;
    }
    return left instanceof Tree.Obj o
        && o.fields().get("payload") instanceof Tree.Obj p
        && p.fields().get("field") instanceof Tree.Scalar f
        && f.text().equals("flags");
  }

  /** An expression; {@code quote} puts strings in double quotes (interface names). */
  static String expr(Tree t, boolean quote) {
    if (t == null) {
      return "";
    }
    if (t instanceof Tree.Scalar s) {
      if (s.isString()) {
        return quote ? "\"" + s.text() + "\"" : s.text();
      }
      return s.text();
    }
    if (t instanceof Tree.Seq q) {
      if (q.items().size() == 2 && q.items().get(1) instanceof Tree.Obj v && isVerdict(v)) {
        return expr(q.items().get(0), quote) + " : " + statement(v);
      }
      List<String> parts = new ArrayList<>();
      q.items().forEach(i -> parts.add(expr(i, quote)));
      return String.join(",", parts);
    }
    Tree.Obj o = (Tree.Obj) t;
    if (o.fields().size() != 1) {
      return raw(t);
    }
    Map.Entry<String, Tree> e = o.fields().entrySet().iterator().next();
    Tree v = e.getValue();
    Tree.Obj b = v instanceof Tree.Obj x ? x : null;
    switch (e.getKey()) {
      case "payload":
        if (b != null && b.fields().containsKey("protocol")) {
          return field(b, "protocol") + " " + field(b, "field");
        }
        return "@" + field(b, "base") + "," + field(b, "offset") + "," + field(b, "len");
      case "meta":
        String key = field(b, "key");
        return UNQUALIFIED_META.contains(key)
                && !Set.of("nfproto", "l4proto", "mark", "priority").contains(key)
            ? key
            : "meta " + key;
      case "ct":
        return "ct "
            + (b != null && b.fields().containsKey("dir") ? field(b, "dir") + " " : "")
            + field(b, "key");
      case "fib":
        List<String> fl = new ArrayList<>();
        if (b != null && b.fields().get("flags") instanceof Tree.Seq fs) {
          fs.items().forEach(i -> fl.add(expr(i, false)));
        } else if (b != null && b.fields().containsKey("flags")) {
          fl.add(field(b, "flags"));
        }
        return "fib " + String.join(" . ", fl) + " " + field(b, "result");
      case "prefix":
        return field(b, "addr") + "/" + field(b, "len");
      case "range":
        return v instanceof Tree.Seq r && r.items().size() == 2
            ? expr(r.items().get(0), quote) + "-" + expr(r.items().get(1), quote)
            : raw(v);
      case "set":
        if (v instanceof Tree.Seq items) {
          List<String> parts = new ArrayList<>();
          items.items().forEach(i -> parts.add(expr(i, quote)));
          return "{ " + String.join(", ", parts) + " }";
        }
        return "{ " + expr(v, quote) + " }";
      case "concat":
        if (v instanceof Tree.Seq items) {
          List<String> parts = new ArrayList<>();
          items.items().forEach(i -> parts.add(expr(i, quote)));
          return String.join(" . ", parts);
        }
        return raw(v);
      case "&", "|", "^", "<<", ">>":
        if (v instanceof Tree.Seq ops && ops.items().size() == 2) {
          String a = expr(ops.items().get(0), quote);
          Tree bt = ops.items().get(1);
          String bs =
              bt instanceof Tree.Seq bl
                  ? "("
                      + String.join(" | ", bl.items().stream().map(i -> expr(i, quote)).toList())
                      + ")"
                  : expr(bt, quote);
          return e.getKey().equals("|") ? a + "|" + bs : a + " " + e.getKey() + " " + bs;
        }
        return raw(v);
      case "elem":
        return b == null ? raw(v) : expr(b.fields().get("val"), quote);
      case "map":
        return b == null
            ? raw(v)
            : expr(b.fields().get("key"), false) + " map " + expr(b.fields().get("data"), false);
      default:
        return isVerdict(o)
            ? statement(o)
            : e.getKey() + " " + (b == null ? expr(v, quote) : raw(v));
    }
  }

  static boolean isVerdict(Tree.Obj o) {
    if (o.fields().size() != 1) {
      return false;
    }
    String k = o.fields().keySet().iterator().next();
    return VERDICTS.contains(k) || k.equals("jump") || k.equals("goto");
  }

  /** Compact JSON-like text for shapes without an nft rendering. */
  static String raw(Tree t) {
    if (t == null) {
      return "";
    }
    if (t instanceof Tree.Scalar s) {
      return s.isString() ? "\"" + s.text() + "\"" : s.text();
    }
    if (t instanceof Tree.Seq q) {
      return "[" + String.join(", ", q.items().stream().map(NftText::raw).toList()) + "]";
    }
    Tree.Obj o = (Tree.Obj) t;
    List<String> parts = new ArrayList<>();
    o.fields().forEach((k, v) -> parts.add("\"" + k + "\": " + raw(v)));
    return "{" + String.join(", ", parts) + "}";
  }
}
