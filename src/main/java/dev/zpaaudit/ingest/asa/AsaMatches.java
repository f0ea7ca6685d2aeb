package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ACL line's operands as conditions: addresses (objects and nested groups resolved; what the
 * export does not settle left unknown, with the reason), protocols and ports (service objects and
 * groups as alternatives).
 */
final class AsaMatches {
  private final AsaConfig config;

  AsaMatches(AsaConfig config) {
    this.config = config;
  }

  List<Condition> entry(AclEntry e) {
    List<Condition> out = new ArrayList<>(service(e));
    out.addAll(address(e.source(), true));
    out.addAll(address(e.destination(), false));
    if (e.timeRange() != null) {
      out.add(new Condition.Unknown("time-range " + e.timeRange() + ": the time is not modelled"));
    }
    return out;
  }

  /** What the addresses of one side resolve to: per family, and the parts left unknown. */
  private record Resolved(List<IpSet> v4, List<IpSet> v6, List<String> unknown, boolean any) {}

  List<Condition> address(AsaAddress a, boolean source) {
    if (a instanceof AsaAddress.Any any) {
      return any.family() == null ? List.of() : List.of(new Condition.Family(any.family()));
    }
    Resolved r = new Resolved(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), false);
    resolve(a, r, new HashSet<>());
    List<List<Condition>> alts = new ArrayList<>();
    for (String u : r.unknown()) {
      alts.add(List.of(new Condition.Unknown(u)));
    }
    if (!r.v4().isEmpty()) {
      alts.add(List.of(side(IpSet.unionAll(AddressFamily.IPV4, r.v4()), source)));
    }
    if (!r.v6().isEmpty()) {
      alts.add(List.of(side(IpSet.unionAll(AddressFamily.IPV6, r.v6()), source)));
    }
    if (alts.isEmpty()) {
      // A group with no address matches nothing.
      return List.of(new Condition.AnyOf(List.of()));
    }
    return alts.size() == 1 ? alts.get(0) : List.of(new Condition.AnyOf(alts));
  }

  private void resolve(AsaAddress a, Resolved r, Set<String> seen) {
    if (a instanceof AsaAddress.Set s) {
      (s.set().family() == AddressFamily.IPV4 ? r.v4() : r.v6()).add(s.set());
    } else if (a instanceof AsaAddress.Any any) {
      for (AddressFamily f : AddressFamily.values()) {
        if (any.family() == null || any.family() == f) {
          (f == AddressFamily.IPV4 ? r.v4() : r.v6()).add(IpSet.all(f));
        }
      }
    } else if (a instanceof AsaAddress.Object o) {
      resolve(config.networkObjects().get(o.name()), r, seen);
    } else if (a instanceof AsaAddress.Group g) {
      if (seen.add(g.name())) {
        ObjectGroup og = config.groups().get(g.name());
        og.addresses().forEach(m -> resolve(m, r, seen));
        og.groups().forEach(n -> resolve(new AsaAddress.Group(n), r, seen));
      }
    } else if (a instanceof AsaAddress.Iface i) {
      ownAddresses(i.nameif(), r);
    } else if (a instanceof AsaAddress.Unknown u) {
      r.unknown().add(u.why());
    }
  }

  private void ownAddresses(String nameif, Resolved r) {
    for (AsaInterface i : config.interfaces()) {
      if (nameif.equals(i.nameif())) {
        for (String cidr : i.addresses()) {
          IpSet s = IpSet.parse(cidr.substring(0, cidr.indexOf('/')));
          (s.family() == AddressFamily.IPV4 ? r.v4() : r.v6()).add(s);
        }
        return;
      }
    }
    r.unknown().add("interface " + nameif + ": not an interface of the export");
  }

  private static Condition side(IpSet set, boolean source) {
    return source ? new Condition.Src(set) : new Condition.Dst(set);
  }

  /** The protocol and port tests of a line. */
  private List<Condition> service(AclEntry e) {
    AsaProtocol p = e.protocol();
    if (p instanceof AsaProtocol.Number n) {
      List<Condition> out = new ArrayList<>();
      if (n.protocol() >= 0) {
        out.add(new Condition.Proto(Bits.of(256, n.protocol())));
      }
      ports(e.sourcePorts(), e.sourcePortGroup()).ifPresent(s -> out.add(new Condition.SrcPort(s)));
      ports(e.destinationPorts(), e.destinationPortGroup())
          .ifPresent(s -> out.add(new Condition.DstPort(s)));
      return out;
    }
    List<AsaProtocol.Service> all = new ArrayList<>();
    services(p, all, new HashSet<>());
    List<List<Condition>> alts = new ArrayList<>();
    for (AsaProtocol.Service s : all) {
      alts.add(service(s));
    }
    if (alts.size() == 1) {
      return alts.get(0);
    }
    return List.of(new Condition.AnyOf(alts));
  }

  private static List<Condition> service(AsaProtocol.Service s) {
    List<Condition> out = new ArrayList<>();
    if (s.protocol() == -2) {
      out.add(new Condition.Proto(Bits.of(256, 6, 17)));
    } else if (s.protocol() >= 0) {
      out.add(new Condition.Proto(Bits.of(256, s.protocol())));
    }
    if (!s.source().isAll()) {
      out.add(new Condition.SrcPort(s.source()));
    }
    if (!s.destination().isAll()) {
      out.add(new Condition.DstPort(s.destination()));
    }
    return out;
  }

  /** The services a protocol operand stands for, groups and objects expanded. */
  private void services(AsaProtocol p, List<AsaProtocol.Service> out, Set<String> seen) {
    if (p instanceof AsaProtocol.Service s) {
      out.add(s);
    } else if (p instanceof AsaProtocol.Number n) {
      out.add(new AsaProtocol.Service(n.protocol(), PortSet.all(), PortSet.all()));
    } else if (p instanceof AsaProtocol.Object o) {
      AsaProtocol s = config.serviceObjects().get(o.name());
      if (s != null) {
        services(s, out, seen);
      }
    } else if (p instanceof AsaProtocol.Group g && seen.add(g.name())) {
      ObjectGroup og = config.groups().get(g.name());
      if (og == null) {
        return;
      }
      og.protocols()
          .forEach(n -> out.add(new AsaProtocol.Service(n, PortSet.all(), PortSet.all())));
      og.services().forEach(s -> services(s, out, seen));
      og.groups().forEach(n -> services(new AsaProtocol.Group(n), out, seen));
    }
  }

  /** Ports written on a line, or a port group's. */
  private java.util.Optional<PortSet> ports(PortSet written, String group) {
    if (written != null) {
      return java.util.Optional.of(written);
    }
    if (group == null) {
      return java.util.Optional.empty();
    }
    PortSet out = PortSet.empty();
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(group));
    while (!todo.isEmpty()) {
      String n = todo.remove(todo.size() - 1);
      ObjectGroup og = config.groups().get(n);
      if (og != null && seen.add(n)) {
        for (PortSet s : og.ports()) {
          out = out.union(s);
        }
        todo.addAll(og.groups());
      }
    }
    return java.util.Optional.of(out);
  }
}
