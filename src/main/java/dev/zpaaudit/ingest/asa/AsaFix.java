package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowance as ASA commands: object-groups of the missing ranges and of the connectors, and an
 * ACL line permitting them on HTTPS, inserted at the line of the first denying line of the inbound
 * ACL of the connectors' interface (appended, before the implicit deny, when only that denies).
 * Where that interface has no inbound ACL, nothing is written: applying one would deny everything
 * else the security levels let through today.
 */
public final class AsaFix {
  /** The names of the object-groups the commands create. */
  public static final String RANGES = "zpa-published-ranges";

  public static final String CONNECTORS = "zpa-connectors";

  private static final Pattern LINE = Pattern.compile("^access-list (\\S+) line (\\d+):");

  private AsaFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    Optional<String> acl = inboundAcl(fw, a.from());
    if (acl.isEmpty() || !a.attachment().equals("inbound access-lists")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("object-group network " + RANGES);
    a.destinations().forEach(d -> out.add(" network-object " + member(d)));
    String src = "any";
    if (!a.sources().isEmpty()) {
      out.add("object-group network " + CONNECTORS);
      a.sources().forEach(s -> out.add(" network-object " + member(s)));
      src = "object-group " + CONNECTORS;
    }
    String port = a.protocol() == 6 && a.port() == 443 ? " eq https" : " eq " + a.port();
    String proto = a.protocol() == 17 ? "udp" : "tcp";
    String at = firstDenying(fw, a, acl.get()).map(n -> " line " + n).orElse("");
    out.add(
        "access-list "
            + acl.get()
            + at
            + " extended permit "
            + proto
            + " "
            + src
            + " object-group "
            + RANGES
            + port);
    return out;
  }

  /** {@code host A}, {@code A MASK} or an IPv6 prefix, as a network-object takes them. */
  private static String member(String cidr) {
    if (cidr.contains(":")) {
      return cidr;
    }
    String[] p = cidr.split("/");
    int len = p.length > 1 ? Integer.parseInt(p[1]) : 32;
    if (len == 32) {
      return "host " + p[0];
    }
    long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    return p[0] + " " + Masks.dotted(mask);
  }

  /** The ACL applied inbound on the connectors' interface. */
  private static Optional<String> inboundAcl(Firewall fw, String nameif) {
    Filter in = fw.filter(AsaConversions.IN);
    if (in == null || nameif == null) {
      return Optional.empty();
    }
    Condition on = new Condition.InIface(List.of(nameif), false);
    for (Rule r : in.rules()) {
      Matcher m = LINE.matcher(r.text());
      if (!r.match().isEmpty() && r.match().get(0).equals(on) && m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The number of the first line of the ACL that denies what is to be allowed. */
  private static Optional<Integer> firstDenying(Firewall fw, Allowance a, String acl) {
    for (Rule r : fw.filter(AsaConversions.IN).rules()) {
      Matcher m = LINE.matcher(r.text());
      if (a.denying().contains(r.text()) && m.find() && m.group(1).equals(acl)) {
        return Optional.of(Integer.parseInt(m.group(2)));
      }
    }
    return Optional.empty();
  }
}
