package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.WildcardMasks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lowers what a PAN-OS rule matches on into neutral conditions: zones (the names the model's
 * interface tests hold for a zoned device), addresses with negation, services and applications.
 * What the export does not settle (FQDN objects, regions, dynamic groups, users, App-ID beyond the
 * rule pack) becomes an {@link Condition.Unknown} naming it, so the verdicts it touches are
 * indeterminate, never guessed.
 */
final class PanosMatches {
  /** Wildcard masks with more scattered bits than this are not expanded into prefixes. */
  static final int MAX_WILDCARD_BLOCKS = 4096;

  private final PanosResolver resolver;
  private final Applications apps;
  private final List<String> zones;

  PanosMatches(PanosResolver resolver, Applications apps, List<String> zones) {
    this.resolver = resolver;
    this.apps = apps;
    this.zones = List.copyOf(zones);
  }

  /** The conditions of a security rule's match (empty: it matches everything). */
  List<Condition> security(SecurityRule r) {
    List<Condition> out = new ArrayList<>();
    RuleMatch m = r.match();
    out.addAll(zones(m.from(), m.to(), r.type()));
    out.addAll(addresses(m.source(), m.negateSource(), true, "source"));
    out.addAll(addresses(m.destination(), m.negateDestination(), false, "destination"));
    if (!RuleMatch.isAny(m.sourceUsers()) && !m.sourceUsers().isEmpty()) {
      out.add(
          new Condition.Unknown(
              "source user " + String.join(", ", m.sourceUsers()) + ": users are not modelled"));
    }
    if (!RuleMatch.isAny(m.categories()) && !m.categories().isEmpty()) {
      out.add(
          new Condition.Unknown(
              "URL category "
                  + String.join(", ", m.categories())
                  + ": categories are not modelled"));
    }
    out.addAll(services(m.services(), r.applications()));
    out.addAll(applications(r.applications()));
    r.schedule()
        .ifPresent(
            s ->
                out.add(
                    new Condition.Unknown(
                        "schedule '" + s + "': the time of day is not modelled")));
    r.unmodelled().forEach(u -> out.add(new Condition.Unknown(u)));
    return out;
  }

  /** Zone tests: from and to, and for intrazone/interzone rules whether they are the same. */
  List<Condition> zones(List<String> from, List<String> to, RuleType type) {
    List<Condition> out = new ArrayList<>();
    boolean anyFrom = RuleMatch.isAny(from) || from.isEmpty();
    boolean anyTo = RuleMatch.isAny(to) || to.isEmpty();
    if (!anyFrom) {
      out.add(new Condition.InIface(from, false));
    }
    if (type == RuleType.INTRAZONE) {
      out.add(sameZone(anyFrom ? zones : from));
      return out;
    }
    if (!anyTo) {
      out.add(new Condition.OutIface(to, false));
    }
    if (type == RuleType.INTERZONE) {
      Set<String> known = new LinkedHashSet<>(zones);
      known.addAll(anyFrom ? List.of() : from);
      known.addAll(anyTo ? List.of() : to);
      List<List<Condition>> alts = new ArrayList<>();
      for (String z : known) {
        alts.add(
            List.of(
                new Condition.InIface(List.of(z), false),
                new Condition.OutIface(List.of(z), true)));
      }
      alts.add(List.of(new Condition.InIface(List.copyOf(known), true)));
      out.add(new Condition.AnyOf(alts));
    }
    return out;
  }

  /** Traffic that arrives from and leaves to the same one of {@code of}. */
  static Condition sameZone(List<String> of) {
    List<List<Condition>> alts = new ArrayList<>();
    for (String z : of) {
      alts.add(
          List.of(
              new Condition.InIface(List.of(z), false), new Condition.OutIface(List.of(z), false)));
    }
    return new Condition.AnyOf(alts);
  }

  /** An address member list, groups flattened, with its negation. */
  List<Condition> addresses(List<String> members, boolean negate, boolean source, String what) {
    List<AddressLeaf> leaves = resolver.addresses(members);
    if (leaves.stream().anyMatch(l -> l instanceof AddressLeaf.Any)) {
      return negate ? List.of(new Condition.AnyOf(List.of())) : List.of();
    }
    Map<AddressFamily, IpSet> known = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (AddressLeaf l : leaves) {
      if (l instanceof AddressLeaf.Value v) {
        Optional<IpSet> s = addresses(v.value());
        if (s.isPresent()) {
          known.merge(s.get().family(), s.get(), IpSet::union);
        } else {
          unknown.add(describe(v));
        }
      } else if (l instanceof AddressLeaf.Unresolved u) {
        unknown.add("'" + u.name() + "' (" + u.reason() + ")");
      }
    }
    String doubt =
        what
            + (negate ? " (negated) " : " ")
            + String.join(", ", unknown)
            + ": its addresses are not in the export";
    List<List<Condition>> alts = new ArrayList<>();
    if (negate) {
      for (AddressFamily fam : AddressFamily.values()) {
        IpSet s = known.getOrDefault(fam, IpSet.empty(fam)).complement();
        if (!s.isEmpty()) {
          alts.add(List.of(address(source, s)));
        }
      }
      List<Condition> out = new ArrayList<>();
      out.add(alts.size() == 1 ? alts.get(0).get(0) : new Condition.AnyOf(alts));
      if (!unknown.isEmpty()) {
        out.add(new Condition.Unknown(doubt));
      }
      return out;
    }
    for (IpSet s : known.values()) {
      alts.add(List.of(address(source, s)));
    }
    if (!unknown.isEmpty()) {
      alts.add(List.of(new Condition.Unknown(doubt)));
    }
    return List.of(alts.size() == 1 ? alts.get(0).get(0) : new Condition.AnyOf(alts));
  }

  private static Condition address(boolean source, IpSet s) {
    return source ? new Condition.Src(s) : new Condition.Dst(s);
  }

  private static String describe(AddressLeaf.Value v) {
    if (v.value() instanceof AddressValue.Fqdn f) {
      return "'" + v.name() + "' (the FQDN " + f.text() + ", resolved by the firewall at run time)";
    }
    return "'" + v.name() + "' (" + v.value().text() + ", a wildcard mask too scattered to expand)";
  }

  /** The addresses an object stands for, when the export says exactly. */
  static Optional<IpSet> addresses(AddressValue v) {
    if (v instanceof AddressValue.IpNetmask || v instanceof AddressValue.IpRange) {
      return IpSet.tryParse(v.text());
    }
    if (v instanceof AddressValue.IpWildcard w) {
      return wildcard(w.text());
    }
    return Optional.empty();
  }

  /**
   * An IPv4 address and wildcard mask: the addresses that agree with it on every bit the mask
   * leaves 0. Expanded into prefixes (the mask's trailing run of 1s is the prefix's host part).
   */
  static Optional<IpSet> wildcard(String text) {
    int slash = text.indexOf('/');
    long addr = v4(text.substring(0, slash));
    long mask = v4(text.substring(slash + 1));
    return WildcardMasks.expand(addr, mask, MAX_WILDCARD_BLOCKS);
  }

  private static long v4(String s) {
    long x = 0;
    for (String p : s.split("\\.")) {
      x = (x << 8) | Integer.parseInt(p);
    }
    return x;
  }

  /** A rule's services, groups flattened; {@code application-default} by the rule pack. */
  List<Condition> services(List<String> members, List<String> applications) {
    List<ServiceLeaf> leaves = resolver.services(members);
    if (leaves.stream().anyMatch(l -> l instanceof ServiceLeaf.Any)) {
      return List.of();
    }
    List<List<Condition>> alts = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ServiceLeaf l : leaves) {
      if (l instanceof ServiceLeaf.Defined d) {
        alts.add(service(d.service()));
      } else if (l instanceof ServiceLeaf.Unresolved u) {
        unknown.add("service '" + u.name() + "' (" + u.reason() + ")");
      } else if (l instanceof ServiceLeaf.ApplicationDefault) {
        applicationDefault(applications, alts, unknown);
      }
    }
    if (!unknown.isEmpty()) {
      alts.add(List.of(new Condition.Unknown(String.join("; ", unknown))));
    }
    return List.of(
        alts.size() == 1 && alts.get(0).size() == 1
            ? alts.get(0).get(0)
            : new Condition.AnyOf(alts));
  }

  private static List<Condition> service(Service s) {
    List<Condition> c = new ArrayList<>();
    c.add(new Condition.Proto(Bits.of(256, s.protocol() == Service.Protocol.TCP ? 6 : 17)));
    c.add(new Condition.DstPort(ports(s.ports())));
    if (!s.sourcePorts().isEmpty()) {
      c.add(new Condition.SrcPort(ports(s.sourcePorts())));
    }
    return c;
  }

  private static PortSet ports(List<PortRange> ranges) {
    PortSet p = PortSet.empty();
    for (PortRange r : ranges) {
      p = p.union(PortSet.range(r.from(), r.to()));
    }
    return p;
  }

  private void applicationDefault(
      List<String> applications, List<List<Condition>> alts, List<String> unknown) {
    if (RuleMatch.isAny(applications) || applications.isEmpty()) {
      unknown.add("application-default with application any: the ports are App-ID's");
      return;
    }
    for (String a : applications) {
      Optional<Applications.App> app = apps.app(a);
      if (app.isEmpty()) {
        unknown.add(
            "application-default for '" + a + "': its default ports are not in " + apps.file());
        continue;
      }
      for (Applications.Port p : app.get().defaultPorts()) {
        alts.add(port(p));
      }
    }
  }

  private static List<Condition> port(Applications.Port p) {
    return List.of(
        new Condition.Proto(Bits.of(256, p.number())), new Condition.DstPort(PortSet.of(p.port())));
  }

  /** Applications other than any: the ports the rule pack says they carry, else unknown. */
  List<Condition> applications(List<String> applications) {
    if (RuleMatch.isAny(applications) || applications.isEmpty()) {
      return List.of();
    }
    List<List<Condition>> alts = new ArrayList<>();
    for (String a : applications) {
      apps.app(a).ifPresent(app -> app.carries().forEach(p -> alts.add(port(p))));
    }
    alts.add(
        List.of(
            new Condition.Unknown(
                "application "
                    + String.join(", ", applications)
                    + ": App-ID decides, and "
                    + apps.file()
                    + " does not say this traffic is "
                    + (applications.size() == 1 ? "it" : "one of them"))));
    return List.of(alts.size() == 1 ? alts.get(0).get(0) : new Condition.AnyOf(alts));
  }
}
