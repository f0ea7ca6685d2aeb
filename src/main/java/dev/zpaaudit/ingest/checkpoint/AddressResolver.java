package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses a rule's source or destination cell names: hosts, networks, ranges, gateways' own
 * addresses and groups (nested, with exclusions) exactly, per address family; what is not settled
 * by the export (a domain, a zone, an access role, a member the export lacks) as a reason.
 */
final class AddressResolver {
  /** Groups do not nest deeper than this in a management database. */
  private static final int MAX_DEPTH = 64;

  /** What a set of objects stands for: addresses of each family, and what is not settled. */
  record Resolved(IpSet v4, IpSet v6, List<String> unknown) {
    Resolved {
      unknown = List.copyOf(unknown);
    }

    static Resolved none() {
      return new Resolved(
          IpSet.empty(AddressFamily.IPV4), IpSet.empty(AddressFamily.IPV6), List.of());
    }

    Resolved or(Resolved o) {
      List<String> u = new ArrayList<>(unknown);
      o.unknown.stream().filter(x -> !u.contains(x)).forEach(u::add);
      return new Resolved(v4.union(o.v4), v6.union(o.v6), u);
    }

    boolean isAny() {
      return unknown.isEmpty() && v4.isAll() && v6.isAll();
    }
  }

  private final Map<String, CpObject> objects;
  private final Map<String, Resolved> memo = new HashMap<>();

  AddressResolver(Map<String, CpObject> objects) {
    this.objects = objects;
  }

  /** A source or destination cell as conditions: none when it is Any and not negated. */
  List<Condition> side(Column c, boolean source) {
    Resolved r = resolve(c.refs());
    if (r.isAny() && !c.negate()) {
      return List.of();
    }
    String what = source ? "source" : "destination";
    List<List<Condition>> alts = new ArrayList<>();
    for (IpSet s : List.of(r.v4(), r.v6())) {
      if (!s.isEmpty()) {
        alts.add(List.of(source ? new Condition.Src(s) : new Condition.Dst(s)));
      }
    }
    r.unknown().forEach(u -> alts.add(List.of(new Condition.Unknown(what + " " + u))));
    Condition one =
        alts.size() == 1 && alts.get(0).size() == 1
            ? alts.get(0).get(0)
            : new Condition.AnyOf(alts);
    return List.of(c.negate() ? new Condition.Not(List.of(one)) : one);
  }

  Resolved resolve(List<Ref> refs) {
    Resolved out = Resolved.none();
    for (Ref ref : refs) {
      out = out.or(object(ref.uid(), null, 0));
    }
    return out;
  }

  /** One object's addresses; {@code group} is the group naming it, for a member not defined. */
  private Resolved object(String uid, CpObject group, int depth) {
    CpObject o = objects.get(uid);
    if (o == null) {
      return unknown(
          "'"
              + uid
              + "'"
              + (group == null ? "" : ", a member of group '" + group.name() + "',")
              + " is not defined in the export (add show objects output)");
    }
    Resolved done = memo.get(uid);
    if (done != null) {
      return done;
    }
    if (depth > MAX_DEPTH) {
      return unknown(Unmodelled.named(o) + ": groups nest deeper than " + MAX_DEPTH);
    }
    Resolved r = body(o, depth);
    memo.put(uid, r);
    return r;
  }

  private Resolved body(CpObject o, int depth) {
    if (o.body() instanceof CpObject.Any) {
      return new Resolved(IpSet.all(AddressFamily.IPV4), IpSet.all(AddressFamily.IPV6), List.of());
    }
    if (o.body() instanceof CpObject.Addresses a) {
      if (a.sets().isEmpty()) {
        return unknown(Unmodelled.named(o) + ": the export gives no address for it");
      }
      List<IpSet> v4 = a.sets().stream().filter(s -> s.family() == AddressFamily.IPV4).toList();
      List<IpSet> v6 = a.sets().stream().filter(s -> s.family() == AddressFamily.IPV6).toList();
      return new Resolved(
          IpSet.unionAll(AddressFamily.IPV4, v4),
          IpSet.unionAll(AddressFamily.IPV6, v6),
          List.of());
    }
    if (o.body() instanceof CpObject.Group g && o.type().equals("group")) {
      Resolved r = Resolved.none();
      for (Ref m : g.members()) {
        r = r.or(object(m.uid(), o, depth + 1));
      }
      return r;
    }
    if (o.body() instanceof CpObject.Exclusion x) {
      return exclusion(o, x, depth);
    }
    return unknown(Unmodelled.named(o) + ": " + Unmodelled.why(o));
  }

  /** What {@code include} holds and {@code except} does not: exact only when both are. */
  private Resolved exclusion(CpObject o, CpObject.Exclusion x, int depth) {
    Resolved in = object(x.include().uid(), o, depth + 1);
    Resolved out = object(x.except().uid(), o, depth + 1);
    if (!in.unknown().isEmpty() || !out.unknown().isEmpty()) {
      List<String> why = new ArrayList<>(in.unknown());
      why.addAll(out.unknown());
      return unknown(
          Unmodelled.named(o)
              + ": what it includes or excepts is not settled: "
              + String.join("; ", why));
    }
    return new Resolved(in.v4().minus(out.v4()), in.v6().minus(out.v6()), List.of());
  }

  private static Resolved unknown(String why) {
    return new Resolved(
        IpSet.empty(AddressFamily.IPV4), IpSet.empty(AddressFamily.IPV6), List.of(why));
  }
}
