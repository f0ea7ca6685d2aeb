package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's service cell as conditions: one alternative per service (groups flattened), each its
 * protocol and ports (for ICMP its type and code). A service matched by its content (an
 * application, a protocol signature, an INSPECT expression) is an {@link Condition.Unknown}.
 */
final class ServiceMatches {
  private static final int MAX_DEPTH = 64;

  private final Map<String, CpObject> objects;
  private final Map<String, List<List<Condition>>> memo = new HashMap<>();

  ServiceMatches(Map<String, CpObject> objects) {
    this.objects = objects;
  }

  /** The conditions of a service cell: none when it matches every service and is not negated. */
  List<Condition> services(Column c) {
    Set<List<Condition>> alts = new LinkedHashSet<>();
    for (Ref ref : c.refs()) {
      alts.addAll(alternatives(ref.uid(), null, 0));
    }
    if (alts.contains(List.of())) {
      return c.negate() ? List.of(new Condition.AnyOf(List.of())) : List.of();
    }
    List<List<Condition>> list = List.copyOf(alts);
    if (list.size() == 1) {
      return c.negate() ? List.of(new Condition.Not(list.get(0))) : list.get(0);
    }
    Condition any = new Condition.AnyOf(list);
    return List.of(c.negate() ? new Condition.Not(List.of(any)) : any);
  }

  /** What a service stands for: alternatives (one empty alternative: any traffic). */
  private List<List<Condition>> alternatives(String uid, CpObject group, int depth) {
    CpObject o = objects.get(uid);
    if (o == null) {
      return unknown(
          "service '"
              + uid
              + "'"
              + (group == null ? "" : ", a member of group '" + group.name() + "',")
              + " is not defined in the export (add show objects output)");
    }
    List<List<Condition>> done = memo.get(uid);
    if (done != null) {
      return done;
    }
    List<List<Condition>> out =
        depth > MAX_DEPTH
            ? unknown("service " + Unmodelled.named(o) + ": groups nest deeper than " + MAX_DEPTH)
            : body(o, depth);
    memo.put(uid, out);
    return out;
  }

  private List<List<Condition>> body(CpObject o, int depth) {
    CpObject.Body b = o.body();
    if (b instanceof CpObject.Any) {
      return List.of(List.of());
    }
    if (b instanceof CpObject.Ports p) {
      List<Condition> alt = new ArrayList<>();
      alt.add(proto(p.protocol()));
      alt.add(new Condition.DstPort(p.ports()));
      if (p.sourcePorts() != null && !p.sourcePorts().isAll()) {
        alt.add(new Condition.SrcPort(p.sourcePorts()));
      }
      if (p.signature()) {
        alt.add(
            new Condition.Unknown(
                "service "
                    + Unmodelled.named(o)
                    + ": it matches only traffic with the protocol's signature, which is not"
                    + " modelled"));
      }
      return List.of(alt);
    }
    if (b instanceof CpObject.Icmp i) {
      return List.of(icmp(i));
    }
    if (b instanceof CpObject.Protocol p) {
      return protocol(o, p);
    }
    if (b instanceof CpObject.Group g && o.type().equals("service-group")) {
      Set<List<Condition>> out = new LinkedHashSet<>();
      for (Ref m : g.members()) {
        out.addAll(alternatives(m.uid(), o, depth + 1));
      }
      return List.copyOf(out);
    }
    return unknown("service " + Unmodelled.named(o) + ": " + Unmodelled.why(o));
  }

  /** ICMP: the type is tested as the source port and the code as the destination port. */
  private static List<Condition> icmp(CpObject.Icmp i) {
    List<Condition> c = new ArrayList<>();
    c.add(proto(i.v6() ? 58 : 1));
    if (i.icmpType() != null) {
      c.add(new Condition.SrcPort(PortSet.of(i.icmpType())));
      if (i.icmpCode() != null) {
        c.add(new Condition.DstPort(PortSet.of(i.icmpCode())));
      }
    }
    return c;
  }

  private static List<List<Condition>> protocol(CpObject o, CpObject.Protocol p) {
    if (!p.match().isEmpty()) {
      return unknown(
          "service "
              + Unmodelled.named(o)
              + ": its match expression '"
              + p.match()
              + "' is not modelled");
    }
    if (p.number() == null || p.number() < 0 || p.number() > 255) {
      return unknown("service " + Unmodelled.named(o) + ": it names no IP protocol");
    }
    return List.of(List.of(proto(p.number())));
  }

  private static Condition proto(int p) {
    return new Condition.Proto(Bits.of(256, p));
  }

  private static List<List<Condition>> unknown(String why) {
    return List.of(List.of(new Condition.Unknown(why)));
  }
}
