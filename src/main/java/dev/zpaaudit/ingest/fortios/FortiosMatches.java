package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lowers what a FortiOS policy matches on into neutral conditions: interfaces (a zone stands for
 * its member interfaces; {@code any} is no test), addresses of each family with negation, services,
 * and what is not modelled (users, groups, internet services, a schedule other than {@code
 * always}), which becomes an {@link Condition.Unknown} naming it.
 */
final class FortiosMatches {
  private final Map<String, List<String>> zones;
  private final AddressResolver addresses;
  private final ServiceMatches services;

  FortiosMatches(Vdom v) {
    this.zones =
        v.zones().stream().collect(Collectors.toMap(Zone::name, Zone::interfaces, (a, b) -> a));
    this.addresses = new AddressResolver(v.objects());
    this.services = new ServiceMatches(v.objects());
  }

  AddressResolver resolver() {
    return addresses;
  }

  /** The conditions of a policy's match (empty: it matches everything). */
  List<Condition> policy(Policy p) {
    PolicyMatch m = p.match();
    List<Condition> out = new ArrayList<>();
    interfaces(m.srcintf()).ifPresent(i -> out.add(new Condition.InIface(i, false)));
    interfaces(m.dstintf()).ifPresent(i -> out.add(new Condition.OutIface(i, false)));
    out.addAll(addresses(p));
    boolean internetService =
        p.unmodelled().stream().anyMatch(u -> u.startsWith("internet-service"));
    if (!(m.services().isEmpty() && internetService)) {
      out.addAll(services.services(m.services(), m.negation().service()));
    }
    if (!p.schedule().equals("always")) {
      out.add(
          new Condition.Unknown(
              "schedule '" + p.schedule() + "': the time of day is not modelled"));
    }
    for (String u : p.unmodelled()) {
      out.add(new Condition.Unknown(u + ": " + why(u)));
    }
    return out;
  }

  /** The interfaces a list names, zones expanded; empty when it names every interface. */
  java.util.Optional<List<String>> interfaces(List<String> names) {
    if (PolicyMatch.isAny(names)) {
      return java.util.Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      out.addAll(zones.getOrDefault(n, List.of(n)));
    }
    return java.util.Optional.of(List.copyOf(out));
  }

  private static String why(String unmodelled) {
    String key = unmodelled.substring(0, unmodelled.indexOf(' '));
    if (key.equals("users")) {
      return "users are not modelled";
    }
    if (key.endsWith("groups")) {
      return "user groups are not modelled";
    }
    if (key.startsWith("internet-service")) {
      return "FortiGuard's internet service database is not modelled";
    }
    if (key.startsWith("ztna")) {
      return "zero-trust access is not modelled";
    }
    if (key.equals("devices") || key.equals("src-vendor-mac")) {
      return "devices are not modelled";
    }
    return "applications and URL categories are not modelled";
  }

  /**
   * Addresses: for each family the policy names addresses of (source and destination alike, or an
   * internet service in their place), that family's tests; a policy that names none matches
   * nothing.
   */
  private List<Condition> addresses(Policy p) {
    PolicyMatch m = p.match();
    PolicyMatch.Negation n = m.negation();
    List<List<Condition>> alts = new ArrayList<>();
    family(p, AddressFamily.IPV4, m.srcaddr(), n.source(), m.dstaddr(), n.destination(), alts);
    family(p, AddressFamily.IPV6, m.srcaddr6(), n.source6(), m.dstaddr6(), n.destination6(), alts);
    if (alts.size() == 1) {
      return alts.get(0);
    }
    return List.of(new Condition.AnyOf(alts));
  }

  private void family(
      Policy p,
      AddressFamily family,
      List<String> src,
      boolean srcNegate,
      List<String> dst,
      boolean dstNegate,
      List<List<Condition>> alts) {
    String six = family == AddressFamily.IPV6 ? "6" : "";
    boolean srcIsdb = p.unmodelled().contains("internet-service" + six + "-src enable");
    boolean dstIsdb = p.unmodelled().contains("internet-service" + six + " enable");
    if ((src.isEmpty() && !srcIsdb) || (dst.isEmpty() && !dstIsdb)) {
      return;
    }
    List<Condition> alt = new ArrayList<>();
    if (!srcIsdb) {
      alt.addAll(side(src, srcNegate, true, family));
    }
    if (!dstIsdb) {
      alt.addAll(side(dst, dstNegate, false, family));
    }
    if (alt.stream().noneMatch(c -> c instanceof Condition.Src || c instanceof Condition.Dst)) {
      alt.add(0, new Condition.Family(family));
    }
    alts.add(alt);
  }

  /** One side's addresses as conditions, negated where the policy says. */
  List<Condition> side(List<String> names, boolean negate, boolean source, AddressFamily family) {
    return side(addresses.resolve(names, family), negate, source);
  }

  /** Resolved addresses as one side's conditions, negated or not. */
  static List<Condition> side(AddressResolver.Resolved r, boolean negate, boolean source) {
    String what = source ? "source" : "destination";
    String doubt =
        what
            + (negate ? " (negated) " : " ")
            + String.join(", ", r.unknown())
            + ": its addresses are not in the export";
    if (negate) {
      List<Condition> out = new ArrayList<>();
      out.add(address(source, r.known().complement()));
      if (!r.unknown().isEmpty()) {
        out.add(new Condition.Unknown(doubt));
      }
      return out;
    }
    if (r.unknown().isEmpty()) {
      return List.of(address(source, r.known()));
    }
    if (r.known().isEmpty()) {
      return List.of(new Condition.Unknown(doubt));
    }
    return List.of(
        new Condition.AnyOf(
            List.of(List.of(address(source, r.known())), List.of(new Condition.Unknown(doubt)))));
  }

  private static Condition address(boolean source, IpSet s) {
    return source ? new Condition.Src(s) : new Condition.Dst(s);
  }
}
