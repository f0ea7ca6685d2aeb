package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addrtype match of ip6tables, as the kernel tests IPv6 addresses (xt_addrtype's match_type6),
 * which is not the IPv4 test. For IPv4 an address has one type and the match holds when it is any
 * of the listed ones. For IPv6 each listed type is a condition of its own: UNICAST, MULTICAST and
 * UNSPEC are properties of the address (the kernel's {@code __ipv6_addr_type}) and all listed ones
 * must hold, so a host's own addresses are UNICAST too; LOCAL, ANYCAST and UNREACHABLE come from a
 * route lookup, and the match needs one of those listed. Only LOCAL of these is modelled (the
 * host's addresses); the others depend on the routes and are not.
 */
final class Ip6AddrType {
  /**
   * IPv4-mapped addresses, ::ffff:0:0/96 (written without a mapped literal, which Java reads as
   * IPv4).
   */
  static final IpSet MAPPED = IpSet.parse("::/80").minus(IpSet.parse("::-::fffe:ffff:ffff"));

  /** What {@code __ipv6_addr_type} calls unicast: all but ::, IPv4-mapped and multicast. */
  static final IpSet UNICAST =
      IpSet.all(6).minus(IpSet.parse("::/128")).minus(MAPPED).minus(IpSet.parse("ff00::/8"));

  static final IpSet MULTICAST = IpSet.parse("ff00::/8");
  static final IpSet UNSPEC = IpSet.parse("::/128");

  private Ip6AddrType() {}

  /** The condition for {@code [!] --src-type/--dst-type TYPES} of an ip6tables rule. */
  static Condition condition(String opt, boolean source, Set<String> types, boolean negated) {
    IpSet addresses = IpSet.all(6);
    Set<String> lookup = new TreeSet<>();
    Set<String> refused = new TreeSet<>();
    for (String t : types) {
      switch (t) {
        case "UNICAST" -> addresses = addresses.intersect(UNICAST);
        case "MULTICAST" -> addresses = addresses.intersect(MULTICAST);
        case "UNSPEC" -> addresses = addresses.intersect(UNSPEC);
        case "LOCAL", "ANYCAST", "UNREACHABLE" -> lookup.add(t);
        default -> refused.add(t);
      }
    }
    List<Condition> parts = new ArrayList<>();
    if (!addresses.isAll()) {
      parts.add(source ? new Condition.Src(addresses) : new Condition.Dst(addresses));
    }
    if (lookup.equals(Set.of("LOCAL"))) {
      parts.add(new Condition.AddrType(source, lookup, false));
    } else if (!lookup.isEmpty()) {
      parts.add(
          new Condition.Unknown(
              "match 'addrtype' ("
                  + opt
                  + " "
                  + String.join(",", lookup)
                  + ") of an IPv6 address, which depends on the routes,"));
    }
    if (!refused.isEmpty()) {
      parts.add(
          new Condition.Unknown(
              "match 'addrtype' ("
                  + opt
                  + " "
                  + String.join(",", refused)
                  + "), which ip6tables refuses for IPv6,"));
    }
    if (!negated) {
      return parts.size() == 1 ? parts.get(0) : new Condition.AnyOf(List.of(parts));
    }
    // Not all of them: any one fails.
    List<List<Condition>> alternatives = new ArrayList<>();
    for (Condition c : parts) {
      alternatives.add(List.of(negate(c)));
    }
    return new Condition.AnyOf(alternatives);
  }

  private static Condition negate(Condition c) {
    if (c instanceof Condition.Src s) {
      return new Condition.Src(s.set().complement());
    }
    if (c instanceof Condition.Dst d) {
      return new Condition.Dst(d.set().complement());
    }
    if (c instanceof Condition.AddrType a) {
      return new Condition.AddrType(a.source(), a.types(), !a.negated());
    }
    return c; // an unknown test, negated, is as unknown
  }
}
