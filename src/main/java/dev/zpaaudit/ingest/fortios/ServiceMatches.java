package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers a policy's services, groups flattened, into neutral conditions: one alternative for each
 * protocol of each service (its protocol and ports; for ICMP its type and code), {@code iprange}
 * narrowing the destination. An explicit-proxy service or one with an FQDN is not settled by the
 * export and becomes an {@link Condition.Unknown}.
 */
final class ServiceMatches {
  private static final int TCP = 6;
  private static final int UDP = 17;
  private static final int SCTP = 132;

  private final FortiosObjects objects;
  private final Map<String, List<List<Condition>>> memo = new HashMap<>();

  ServiceMatches(FortiosObjects objects) {
    this.objects = objects;
  }

  /** The conditions of a policy's service list; empty when it matches every service. */
  List<Condition> services(List<String> names, boolean negate) {
    Set<List<Condition>> unique = new LinkedHashSet<>();
    for (String n : names) {
      List<List<Condition>> of = alternatives(n, 0);
      if (of.contains(List.of())) {
        return negate ? List.of(new Condition.AnyOf(List.of())) : List.of();
      }
      unique.addAll(of);
    }
    List<List<Condition>> alts = List.copyOf(unique);
    Condition c = alts.size() == 1 && alts.get(0).size() == 1 ? alts.get(0).get(0) : anyOf(alts);
    return List.of(negate ? new Condition.Not(List.of(c)) : c);
  }

  private static Condition anyOf(List<List<Condition>> alts) {
    return new Condition.AnyOf(alts);
  }

  /** The alternatives a service or group stands for (one empty alternative: any traffic). */
  private List<List<Condition>> alternatives(String name, int depth) {
    List<List<Condition>> done = memo.get(name);
    if (done != null) {
      return done;
    }
    List<List<Condition>> out = new ArrayList<>();
    ServiceGroup g = objects.serviceGroups().get(name);
    Optional<Service> s =
        Optional.ofNullable(objects.services().get(name)).or(() -> Predefined.service(name));
    if (s.isPresent()) {
      out.addAll(service(s.get()));
    } else if (g != null && depth < ReferenceCheck.MAX_NESTING) {
      Set<List<Condition>> members = new LinkedHashSet<>();
      for (String m : g.members()) {
        members.addAll(alternatives(m, depth + 1));
      }
      out.addAll(members);
    } else {
      out.add(List.of(new Condition.Unknown("service '" + name + "' is not defined")));
    }
    memo.put(name, List.copyOf(out));
    return out;
  }

  static List<List<Condition>> service(Service s) {
    List<List<Condition>> out =
        switch (s.protocol()) {
          case TCP_UDP_SCTP -> ports(s);
          case ICMP, ICMP6 -> List.of(icmp(s));
          case IP ->
              s.protocolNumber() == 0
                  ? List.of(List.of())
                  : List.of(List.of(proto(s.protocolNumber())));
          case PROXY ->
              List.of(
                  List.of(
                      new Condition.Unknown(
                          "service '"
                              + s.name()
                              + "' is an explicit proxy service, which is not modelled")));
        };
    return narrowed(s, out);
  }

  /** The service's alternatives narrowed by its destination range or FQDN. */
  private static List<List<Condition>> narrowed(Service s, List<List<Condition>> alts) {
    List<Condition> extra = new ArrayList<>();
    if (s.iprange() != null) {
      Optional<IpSet> range = IpSet.tryParse(s.iprange());
      extra.add(
          range.isPresent()
              ? new Condition.Dst(range.get())
              : new Condition.Unknown(
                  "service '" + s.name() + "' iprange '" + s.iprange() + "' is not an address"));
    }
    if (s.fqdn() != null) {
      extra.add(
          new Condition.Unknown(
              "service '"
                  + s.name()
                  + "' narrows the destination to the FQDN "
                  + s.fqdn()
                  + ", resolved by the firewall at run time"));
    }
    if (extra.isEmpty()) {
      return alts;
    }
    List<List<Condition>> out = new ArrayList<>();
    for (List<Condition> a : alts) {
      List<Condition> c = new ArrayList<>(a);
      c.addAll(extra);
      out.add(c);
    }
    return out;
  }

  private static List<List<Condition>> ports(Service s) {
    List<List<Condition>> out = new ArrayList<>();
    ports(TCP, s.tcp(), out);
    ports(UDP, s.udp(), out);
    ports(SCTP, s.sctp(), out);
    return out;
  }

  /** One alternative for the ranges with any source port, one for each with source ports. */
  private static void ports(int protocol, List<PortRange> ranges, List<List<Condition>> out) {
    PortSet any = PortSet.empty();
    for (PortRange r : ranges) {
      if (r.hasSource()) {
        out.add(
            List.of(
                proto(protocol),
                new Condition.DstPort(PortSet.range(r.from(), r.to())),
                new Condition.SrcPort(PortSet.range(r.sourceFrom(), r.sourceTo()))));
      } else {
        any = any.union(PortSet.range(r.from(), r.to()));
      }
    }
    if (!any.isEmpty()) {
      out.add(List.of(proto(protocol), new Condition.DstPort(any)));
    }
  }

  /** ICMP: the type is tested as the source port and the code as the destination port. */
  private static List<Condition> icmp(Service s) {
    List<Condition> c = new ArrayList<>();
    c.add(proto(s.protocol() == Service.Protocol.ICMP ? 1 : 58));
    if (s.icmpType() != null) {
      c.add(new Condition.SrcPort(PortSet.of(s.icmpType())));
      if (s.icmpCode() != null) {
        c.add(new Condition.DstPort(PortSet.of(s.icmpCode())));
      }
    }
    return c;
  }

  private static Condition proto(int p) {
    return new Condition.Proto(Bits.of(256, p));
  }
}
