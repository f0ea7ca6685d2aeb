package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses a name stands for in a VDOM, groups flattened and their exclusions taken out: the
 * part the export settles, and the members it does not (FQDNs, countries, virtual IPs...) in words.
 * Each name is resolved once.
 */
final class AddressResolver {
  /** What a name stands for: the addresses known, and why others may belong to it. */
  record Resolved(IpSet known, List<String> unknown) {
    Resolved {
      unknown = List.copyOf(unknown);
    }
  }

  private final FortiosObjects objects;
  private final Map<String, Resolved> v4 = new HashMap<>();
  private final Map<String, Resolved> v6 = new HashMap<>();

  AddressResolver(FortiosObjects objects) {
    this.objects = objects;
  }

  /** The addresses of a list of names of one family. */
  Resolved resolve(List<String> names, AddressFamily family) {
    IpSet known = IpSet.empty(family);
    List<String> unknown = new ArrayList<>();
    for (String n : names) {
      Resolved r = resolve(n, family, 0);
      known = known.union(r.known());
      unknown.addAll(r.unknown());
    }
    return new Resolved(known, unknown);
  }

  private Resolved resolve(String name, AddressFamily family, int depth) {
    boolean six = family == AddressFamily.IPV6;
    Map<String, Resolved> memo = six ? v6 : v4;
    Resolved done = memo.get(name);
    if (done != null) {
      return done;
    }
    Resolved r = compute(name, family, depth);
    memo.put(name, r);
    return r;
  }

  private Resolved compute(String name, AddressFamily family, int depth) {
    boolean six = family == AddressFamily.IPV6;
    AddressGroup g = (six ? objects.groups6() : objects.groups()).get(name);
    if (g != null && depth < ReferenceCheck.MAX_NESTING) {
      return group(g, family, depth);
    }
    Address a = (six ? objects.addresses6() : objects.addresses()).get(name);
    if (a == null) {
      a = Predefined.address(name, six).orElse(null);
    }
    if (a != null) {
      return value(a, family);
    }
    String why = objects.unmodelledAddresses().getOrDefault(name, "not defined");
    return unknown(name, why, family);
  }

  private Resolved group(AddressGroup g, AddressFamily family, int depth) {
    IpSet known = IpSet.empty(family);
    List<String> unknown = new ArrayList<>();
    for (String m : g.members()) {
      Resolved r = resolve(m, family, depth + 1);
      known = known.union(r.known());
      unknown.addAll(r.unknown());
    }
    if (g.excluded().isEmpty()) {
      return new Resolved(known, unknown);
    }
    Resolved out = resolve(g.excluded(), family);
    if (!out.unknown().isEmpty()) {
      return unknown(
          g.name(),
          "it excludes " + String.join(", ", out.unknown()) + ", so what it holds is not known",
          family);
    }
    return new Resolved(known.minus(out.known()), unknown);
  }

  private static Resolved value(Address a, AddressFamily family) {
    AddressValue v = a.value();
    Optional<IpSet> set = Optional.empty();
    if (v instanceof AddressValue.Prefix p) {
      set = IpSet.tryParse(p.text());
    } else if (v instanceof AddressValue.Range r) {
      set = IpSet.tryParse(r.start() + "-" + r.end());
    } else if (v instanceof AddressValue.Wildcard w) {
      set = Wildcards.expand(w.address(), w.mask());
      if (set.isEmpty()) {
        return unknown(a.name(), v.text() + ", a mask too scattered to expand", family);
      }
    }
    if (set.isPresent() && set.get().family() == family) {
      return new Resolved(set.get(), List.of());
    }
    return unknown(a.name(), why(v), family);
  }

  private static String why(AddressValue v) {
    if (v instanceof AddressValue.Fqdn f) {
      return "the FQDN " + f.name() + ", resolved by the firewall at run time";
    }
    if (v instanceof AddressValue.Geography g) {
      return "the country " + g.country() + ", by FortiGuard's geography database";
    }
    if (v instanceof AddressValue.WildcardFqdn w) {
      return "the wildcard FQDN " + w.pattern() + ", resolved by the firewall at run time";
    }
    return "an address of " + v.text() + ", which is not modelled";
  }

  private static Resolved unknown(String name, String why, AddressFamily family) {
    return new Resolved(IpSet.empty(family), List.of("'" + name + "' (" + why + ")"));
  }
}
