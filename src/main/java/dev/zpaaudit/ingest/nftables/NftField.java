package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.ingest.Protocols;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A packet field that a rule tests (the left side of a match), with the tests nft implies for it
 * ({@code tcp dport} only exists in TCP packets) and how a set of its values becomes conditions.
 */
record NftField(String text, Kind kind, List<Condition> deps, Function<Val, List<Condition>> cond) {

  enum Kind {
    ADDR4,
    ADDR6,
    PORT,
    ICMP_TYPE,
    ICMPV6_TYPE,
    ICMP_CODE,
    ICMPV6_CODE,
    PROTO,
    IFNAME,
    CT_STATE,
    CT_DIR,
    NFPROTO,
    ETHERTYPE,
    TCP_FLAGS
  }

  static final Bits TH_PROTOS = Bits.of(256, 6, 17, 33, 132, 136);
  static final Bits FAMILIES = Bits.of(7, 4, 6);
  static final Bits TRACKED =
      SessionState.set(
          SessionState.NEW,
          SessionState.ESTABLISHED_ORIGINAL,
          SessionState.ESTABLISHED_REPLY,
          SessionState.RELATED_ORIGINAL,
          SessionState.RELATED_REPLY);

  List<Condition> conditions(Val v) {
    return cond.apply(v);
  }

  /** The nft value of a connection-tracking state (a one-bit mask). */
  static int ctBit(int state) {
    SessionState s = SessionState.values()[state];
    return switch (s) {
      case NEW -> 8;
      case ESTABLISHED_ORIGINAL, ESTABLISHED_REPLY -> 2;
      case RELATED_ORIGINAL, RELATED_REPLY -> 4;
      case INVALID -> 1;
      case UNTRACKED -> 64;
    };
  }

  boolean isBitmask() {
    return kind == Kind.CT_STATE || kind == Kind.TCP_FLAGS;
  }

  /** The universe of a small-valued field, or null for addresses, ports and names. */
  Bits universe() {
    return switch (kind) {
      case PROTO, TCP_FLAGS -> Bits.all(256);
      case CT_STATE -> SessionState.all();
      case CT_DIR -> TRACKED;
      case NFPROTO, ETHERTYPE -> FAMILIES;
      default -> null;
    };
  }

  Val empty(int family) {
    return switch (kind) {
      case ADDR4 -> new Val.Addrs(IpSet.empty(4));
      case ADDR6 -> new Val.Addrs(IpSet.empty(6));
      case IFNAME -> new Val.Names(List.of(), false);
      case PORT, ICMP_TYPE, ICMPV6_TYPE, ICMP_CODE, ICMPV6_CODE -> new Val.Ports(PortSet.empty());
      default -> new Val.Small(Bits.none(universe().size()), universe());
    };
  }

  /** For bitmask fields: the set of values v where pred(v) holds. */
  Val where(java.util.function.IntPredicate pred) {
    Bits u = universe();
    if (kind == Kind.CT_STATE) {
      return new Val.Small(Bits.where(u.size(), i -> pred.test(ctBit(i))), u);
    }
    return new Val.Small(Bits.where(u.size(), pred), u);
  }

  /** One element: a value, prefix, range (or a bitmask value, for bitmask fields: equality). */
  Val element(Tree t) throws NftProblem {
    if (t instanceof Tree.Obj o
        && o.fields().get("elem") instanceof Tree.Obj e
        && e.fields().containsKey("val")) {
      return element(e.fields().get("val"));
    }
    if (isBitmask()) {
      int v = mask(t);
      return where(x -> x == v);
    }
    if (t instanceof Tree.Obj o
        && o.fields().get("range") instanceof Tree.Seq r
        && r.items().size() == 2) {
      return range(r.items().get(0), r.items().get(1));
    }
    switch (kind) {
      case CT_DIR -> {
        String d = scalar(t);
        if (d.equals("original") || d.equals("0")) {
          return new Val.Small(SessionState.original(), TRACKED);
        }
        if (d.equals("reply") || d.equals("1")) {
          return new Val.Small(SessionState.reply(), TRACKED);
        }
        throw new NftProblem("ct direction '" + d + "' is not modelled");
      }
      case ADDR4, ADDR6 -> {
        int fam = kind == Kind.ADDR4 ? 4 : 6;
        String s;
        if (t instanceof Tree.Obj o && o.fields().get("prefix") instanceof Tree.Obj p) {
          if (!p.fields().containsKey("addr") || !p.fields().containsKey("len")) {
            throw new NftProblem(text + ": a prefix needs 'addr' and 'len'", true);
          }
          s = scalar(p.fields().get("addr")) + "/" + scalar(p.fields().get("len"));
        } else {
          s = scalar(t);
        }
        IpSet set =
            IpSet.tryParse(s)
                .filter(x -> x.family().version() == fam)
                .orElseThrow(
                    () ->
                        new NftProblem(
                            text + ": '" + s + "' is not an IPv" + fam + " address or prefix"));
        return new Val.Addrs(set);
      }
      case IFNAME -> {
        String s = scalar(t);
        return new Val.Names(
            List.of(
                s.endsWith("*") && !s.endsWith("\\*") ? s.substring(0, s.length() - 1) + "+" : s),
            false);
      }
      default -> {
        int n = number(t);
        if (universe() != null) {
          if (n < 0 || n >= universe().size() || !universe().contains(n)) {
            return empty(0);
          }
          return new Val.Small(Bits.of(universe().size(), n), universe());
        }
        return new Val.Ports(PortSet.of(n));
      }
    }
  }

  private Val range(Tree a, Tree b) throws NftProblem {
    if (kind == Kind.ADDR4 || kind == Kind.ADDR6) {
      int fam = kind == Kind.ADDR4 ? 4 : 6;
      String s = scalar(a) + "-" + scalar(b);
      return new Val.Addrs(
          IpSet.tryParse(s)
              .filter(x -> x.family().version() == fam)
              .orElseThrow(
                  () ->
                      new NftProblem(
                          text + ": '" + s + "' is not a range of IPv" + fam + " addresses")));
    }
    if (kind == Kind.IFNAME) {
      throw new NftProblem(text + ": a range of interface names is not modelled");
    }
    int lo = number(a);
    int hi = number(b);
    if (lo > hi) {
      throw new NftProblem(text + ": range " + lo + "-" + hi + " is empty");
    }
    if (universe() != null) {
      return new Val.Small(
          Bits.where(universe().size(), i -> i >= lo && i <= hi && universe().contains(i)),
          universe());
    }
    return new Val.Ports(PortSet.range(lo, Math.min(hi, PortSet.MAX)));
  }

  /** A comparison {@code field < n} (and the like) on a numeric field. */
  Val compare(String op, Tree value) throws NftProblem {
    if (kind == Kind.ADDR4 || kind == Kind.ADDR6 || kind == Kind.IFNAME || isBitmask()) {
      throw new NftProblem("'" + text + " " + op + "' is not modelled");
    }
    int n = number(value);
    int max = universe() != null ? universe().size() - 1 : PortSet.MAX;
    int lo =
        switch (op) {
          case ">" -> n + 1;
          case ">=" -> n;
          default -> 0;
        };
    int hi =
        switch (op) {
          case "<" -> n - 1;
          case "<=" -> n;
          default -> max;
        };
    if (lo > hi || lo > max) {
      return empty(0);
    }
    int h = Math.min(hi, max);
    if (universe() != null) {
      return new Val.Small(
          Bits.where(universe().size(), i -> i >= lo && i <= h && universe().contains(i)),
          universe());
    }
    return new Val.Ports(PortSet.range(Math.max(lo, 0), h));
  }

  /** A bitmask value: a name, a number, a list or an OR of them. */
  int mask(Tree t) throws NftProblem {
    if (t instanceof Tree.Seq q) {
      int m = 0;
      for (Tree i : q.items()) {
        m |= mask(i);
      }
      return m;
    }
    if (t instanceof Tree.Obj o && o.fields().get("|") instanceof Tree.Seq q) {
      return mask(q);
    }
    Map<String, Integer> names = kind == Kind.CT_STATE ? NftNames.CT_STATE : NftNames.TCP_FLAGS;
    String s = scalar(t);
    Integer n = names.get(s);
    return n != null ? n : parseInt(s);
  }

  int number(Tree t) throws NftProblem {
    String s = scalar(t);
    Map<String, Integer> names =
        switch (kind) {
          case ICMP_TYPE -> NftNames.ICMP_TYPE;
          case ICMPV6_TYPE -> NftNames.ICMPV6_TYPE;
          case ICMP_CODE -> NftNames.ICMP_CODE;
          case ICMPV6_CODE -> NftNames.ICMPV6_CODE;
          case NFPROTO -> Map.of("ipv4", 4, "ipv6", 6, "2", 4, "10", 6);
          case ETHERTYPE -> Map.of("ip", 4, "ip6", 6);
          default -> Map.of();
        };
    Integer n = names.get(s);
    if (n != null) {
      return n;
    }
    if (kind == Kind.PROTO) {
      OptionalInt p = Protocols.protocol(s);
      if (p.isPresent()) {
        return p.getAsInt();
      }
    }
    if (kind == Kind.PORT) {
      OptionalInt p = Protocols.port(s);
      if (p.isPresent()) {
        return p.getAsInt();
      }
    }
    if (kind == Kind.ETHERTYPE || kind == Kind.NFPROTO) {
      return 0; // another protocol: never an IPv4 or IPv6 packet
    }
    return parseInt(s);
  }

  private int parseInt(String s) throws NftProblem {
    try {
      long v = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
      if (v < 0 || v > PortSet.MAX) {
        throw new NftProblem(text + ": value " + s + " is out of range");
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw new NftProblem(text + ": value '" + s + "' is not modelled");
    }
  }

  static String scalar(Tree t) throws NftProblem {
    if (t instanceof Tree.Scalar s && s.value() != null) {
      return s.text();
    }
    if (t == null) {
      throw new NftProblem("a value is missing", true);
    }
    throw new NftProblem("value " + NftText.raw(t) + " is not modelled");
  }

  /** Merges conditions of several fields' implied tests, keeping one of each. */
  static List<Condition> mergeDeps(List<NftField> fields) {
    List<Condition> out = new ArrayList<>();
    for (NftField f : fields) {
      for (Condition c : f.deps) {
        if (!out.contains(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
