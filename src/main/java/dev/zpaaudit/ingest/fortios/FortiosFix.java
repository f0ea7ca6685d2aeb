package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowance as FortiOS CLI: an address per destination block (and per connector block), a group
 * of them, and a firewall policy accepting the connectors to the group on HTTPS from the
 * connectors' interface to the published ranges' one, with an id no policy has, moved above the
 * first policy that denies them (policies are tried in the order they stand, not by id).
 */
public final class FortiosFix {
  /** The name of the group and of the policy the commands create. */
  public static final String GROUP = "zpa-published-ranges";

  public static final String POLICY_NAME = "allow-zpa-connectors";

  private static final Pattern ID = Pattern.compile("^policy6? (\\d+)\\b");

  private FortiosFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    boolean six = a.family() == AddressFamily.IPV6;
    String suffix = six ? "6" : "";
    List<String> out = new ArrayList<>();
    out.add("config firewall address" + suffix);
    List<String> destinations = addresses(out, "zpa-", a.destinations(), six);
    List<String> sources = addresses(out, "zpa-connectors-", a.sources(), six);
    out.add("end");
    out.add("config firewall addrgrp" + suffix);
    out.add("    edit \"" + GROUP + "\"");
    out.add("        set member " + quoted(destinations));
    out.add("    next");
    out.add("end");
    List<Rule> rules = rules(fw);
    long id = rules.stream().mapToLong(FortiosFix::id).max().orElse(0) + 1;
    out.add("config firewall policy");
    out.add("    edit " + id);
    out.add("        set name \"" + POLICY_NAME + "\"");
    out.add("        set srcintf \"" + (a.from() == null ? "any" : a.from()) + "\"");
    out.add("        set dstintf \"" + (a.to() == null ? "any" : a.to()) + "\"");
    String from = sources.isEmpty() ? "\"all\"" : quoted(sources);
    out.add("        set srcaddr" + suffix + " " + from);
    out.add("        set dstaddr" + suffix + " \"" + GROUP + "\"");
    out.add("        set action accept");
    out.add("        set schedule \"always\"");
    String service = a.port() == 443 && a.protocol() == 6 ? "HTTPS" : "ALL";
    out.add("        set service \"" + service + "\"");
    out.add("    next");
    firstDenying(rules, a).ifPresent(d -> out.add("    move " + id + " before " + d));
    out.add("end");
    return out;
  }

  private static List<String> addresses(
      List<String> out, String prefix, List<String> cidrs, boolean six) {
    List<String> names = new ArrayList<>();
    for (String cidr : cidrs) {
      String name = prefix + cidr.replace('/', '_').replace(':', '-');
      names.add(name);
      out.add("    edit \"" + name + "\"");
      out.add("        set " + (six ? "ip6 " : "subnet ") + cidr);
      out.add("    next");
    }
    return names;
  }

  private static List<Rule> rules(Firewall fw) {
    Filter f = fw.filter(FortiosConversions.POLICY);
    return f == null ? List.of() : f.rules();
  }

  /** The id of the first policy, in the order they stand, that denies what is allowed. */
  private static OptionalLong firstDenying(List<Rule> rules, Allowance a) {
    for (Rule r : rules) {
      if (a.denying().contains(r.text()) && id(r) > 0) {
        return OptionalLong.of(id(r));
      }
    }
    return OptionalLong.empty();
  }

  /** The policy id a rule stands for; 0 for a rule that is not a policy. */
  private static long id(Rule r) {
    Matcher m = ID.matcher(r.text());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String quoted(List<String> names) {
    return String.join(" ", names.stream().map(n -> "\"" + n + "\"").toList());
  }
}
