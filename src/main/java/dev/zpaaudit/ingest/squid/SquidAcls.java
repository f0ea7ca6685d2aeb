package dev.zpaaudit.ingest.squid;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the ACLs of an {@code ssl_bump} line test at a step: conditions on addresses and ports,
 * server-name patterns, or that the line cannot match there. Squid's names: {@code .example.com} is
 * the domain and every name under it, {@code example.com} that name only. At step 1 an intercepted
 * connection has no name yet (only its address), while an explicit proxy's CONNECT names its host;
 * from step 2 the client's server name is known.
 */
final class SquidAcls {
  /** Conditions and server-name patterns (null: any name). */
  record Match(List<Condition> conditions, List<String> names) {}

  private final SquidConfig config;

  SquidAcls(SquidConfig config) {
    this.config = config;
  }

  /** What the ACLs require together at a step, or null when they cannot all hold there. */
  Match match(List<SquidConfig.AclRef> refs, int step) {
    List<Condition> conditions = new ArrayList<>();
    List<String> names = null;
    for (SquidConfig.AclRef ref : refs) {
      if (ref.name().equals("all")) {
        if (ref.negated()) {
          return null;
        }
        continue;
      }
      SquidConfig.Acl acl = config.acls().get(ref.name());
      if (acl == null) {
        conditions.add(new Condition.Unknown("acl " + ref.name() + " is Squid's own"));
        continue;
      }
      Optional<Boolean> fixed = fixed(acl, step);
      if (fixed.isPresent()) {
        if (fixed.get() == ref.negated()) {
          return null;
        }
        continue;
      }
      if (isName(acl.type())) {
        if (ref.negated()) {
          conditions.add(new Condition.Unknown("!" + acl.name() + ": the names it leaves out"));
        } else if (names == null) {
          names = patterns(acl);
        } else {
          // Before step 3 one name (the client's) must match both ACLs.
          List<String> common = step < 3 ? both(names, patterns(acl)) : null;
          if (common != null) {
            names = common;
          } else {
            conditions.add(
                new Condition.Unknown(
                    step < 3
                        ? "two server-name ACLs on one line, with a wildcard inside a name"
                        : "two server-name ACLs on one line at step 3, where the server"
                            + " certificate's names may match each apart"));
          }
        }
        continue;
      }
      Condition c = condition(acl);
      conditions.add(ref.negated() ? new Condition.Not(List.of(c)) : c);
    }
    return new Match(conditions, names);
  }

  /**
   * Whether an ACL surely holds (or surely not) at a step, where that does not depend on the flow.
   */
  private Optional<Boolean> fixed(SquidConfig.Acl acl, int step) {
    if (acl.type().equals("at_step")) {
      return Optional.of(acl.values().contains("SslBump" + step));
    }
    if (isName(acl.type()) && step == 1 && !config.explicitBump()) {
      return Optional.of(false); // an intercepted connection has only an address at step 1
    }
    return Optional.empty();
  }

  private static boolean isName(String type) {
    return type.equals("ssl::server_name") || type.equals("dstdomain");
  }

  /** Squid's domain names as patterns: {@code .a.b} is {@code a.b} and {@code *.a.b}. */
  private static List<String> patterns(SquidConfig.Acl acl) {
    List<String> out = new ArrayList<>();
    for (String v : acl.values()) {
      if (v.startsWith(".")) {
        out.add(v.substring(1));
        out.add("*" + v);
      } else {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The names that match a pattern of each list: where one pattern lies within another, the
   * narrower; patterns apart match no name in common. Names compare without case, as Squid's do.
   * Null where a pattern has a wildcard other than a leading {@code *.}.
   */
  static List<String> both(List<String> a, List<String> b) {
    if (Stream.concat(a.stream(), b.stream()).anyMatch(p -> p.lastIndexOf('*') > 0)) {
      return null; // a wildcard inside a name: not compared exactly
    }
    Set<String> out = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        if (within(x, y)) {
          out.add(x);
        } else if (within(y, x)) {
          out.add(y);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether every name pattern {@code inner} matches, {@code outer} matches too. */
  private static boolean within(String inner, String outer) {
    String i = name(inner);
    String o = name(outer);
    if (o.startsWith("*.")) { // one or more labels under the rest
      return (i.startsWith("*.") ? i.substring(1) : i).endsWith(o.substring(1));
    }
    return !i.startsWith("*.") && i.equals(o);
  }

  /** A name or pattern as names compare: without case or a final dot. */
  private static String name(String n) {
    String l = n.toLowerCase(Locale.ROOT);
    return l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
  }

  private Condition condition(SquidConfig.Acl acl) {
    return switch (acl.type()) {
      case "dst" -> addresses(acl, false);
      case "src" -> addresses(acl, true);
      case "port" -> ports(acl);
      default ->
          new Condition.Unknown(
              "acl "
                  + acl.name()
                  + " ("
                  + acl.type()
                  + ", line "
                  + acl.line()
                  + ") is not modelled");
    };
  }

  private static Condition addresses(SquidConfig.Acl acl, boolean source) {
    List<IpSet> v4 = new ArrayList<>();
    List<IpSet> v6 = new ArrayList<>();
    for (String v : acl.values()) {
      Optional<IpSet> s = IpSet.tryParse(v);
      if (s.isEmpty()) {
        return new Condition.Unknown("acl " + acl.name() + ": '" + v + "' is not an address");
      }
      (s.get().family() == AddressFamily.IPV4 ? v4 : v6).add(s.get());
    }
    List<List<Condition>> alts = new ArrayList<>();
    if (!v4.isEmpty()) {
      IpSet set = IpSet.unionAll(AddressFamily.IPV4, v4);
      alts.add(List.of(source ? new Condition.Src(set) : new Condition.Dst(set)));
    }
    if (!v6.isEmpty()) {
      IpSet set = IpSet.unionAll(AddressFamily.IPV6, v6);
      alts.add(List.of(source ? new Condition.Src(set) : new Condition.Dst(set)));
    }
    return alts.size() == 1 ? alts.get(0).get(0) : new Condition.AnyOf(alts);
  }

  private static Condition ports(SquidConfig.Acl acl) {
    PortSet out = PortSet.empty();
    for (String v : acl.values()) {
      String[] ends = v.split("-");
      if (!v.matches("\\d{1,5}(-\\d{1,5})?")) {
        return new Condition.Unknown("acl " + acl.name() + ": '" + v + "' is not a port");
      }
      int from = Integer.parseInt(ends[0]);
      int to = Integer.parseInt(ends[ends.length - 1]);
      if (from > to || to > 65535) {
        return new Condition.Unknown("acl " + acl.name() + ": '" + v + "' is not a port range");
      }
      out = out.union(PortSet.range(from, to));
    }
    return new Condition.DstPort(out);
  }
}
