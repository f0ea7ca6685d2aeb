package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A network ACL as one filter per direction: its entries of that direction by rule number, the
 * lowest first, the first that matches deciding; what none matches is denied, as the last entries
 * ({@code *}, rule 32767 and for IPv6 32768) say. Each entry tests the other end's block (the
 * destination of outbound traffic, the source of inbound), the protocol, and the destination port
 * range or ICMP type and code.
 */
final class AclRules {
  private final AmazonDns dns;

  AclRules(AmazonDns dns) {
    this.dns = dns;
  }

  Filter filter(String name, NetworkAcl acl, boolean outbound) {
    return filter(name, acl, outbound, null);
  }

  /**
   * The filter of one direction of {@code acl}; {@code bypass}, when given, comes first: it lets
   * through the traffic whose path does not cross this ACL.
   */
  Filter filter(String name, NetworkAcl acl, boolean outbound, Rule bypass) {
    List<AclEntry> entries =
        acl.entries().stream()
            .filter(e -> e.egress() == outbound)
            .sorted(Comparator.comparingInt(AclEntry::number))
            .toList();
    List<Rule> rules = new ArrayList<>();
    if (bypass != null) {
      rules.add(bypass);
    }
    rules.add(dns.rule(outbound, "network ACLs"));
    for (AclEntry e : entries) {
      rules.add(rule(acl, e));
    }
    AclEntry last =
        entries.stream().filter(e -> e.number() == AclEntry.LAST).findFirst().orElse(null);
    Rule implicit =
        new Rule(
            last == null ? acl.at() : last.at(),
            acl.label() + " " + direction(outbound) + " rule *: deny (what no rule allows)",
            List.of(),
            new Action.Drop("deny"));
    return new Filter(name, rules, implicit);
  }

  private static String direction(boolean outbound) {
    return outbound ? "outbound" : "inbound";
  }

  private static Rule rule(NetworkAcl acl, AclEntry e) {
    int proto = Protocols.number(e.protocol()).orElseThrow();
    Integer from = null;
    Integer to = null;
    if (Protocols.hasPorts(proto) && e.ports() != null) {
      from = e.ports().from();
      to = e.ports().to();
    } else if (Protocols.isIcmp(proto) && e.icmp() != null) {
      from = e.icmp().from();
      to = e.icmp().to();
    }
    List<Condition> match = new ArrayList<>(Matches.protocol(proto, from, to));
    match.add(Matches.address(e.egress(), e.cidr()));
    String text =
        acl.label()
            + " "
            + direction(e.egress())
            + " rule "
            + e.numberText()
            + ": "
            + (e.allow() ? "allow " : "deny ")
            + Matches.protocolText(proto, from, to)
            + (e.egress() ? " to " : " from ")
            + e.cidrText();
    Action action = e.allow() ? new Action.Accept("allow") : new Action.Drop("deny");
    return new Rule(e.at(), text, match, action);
  }
}
