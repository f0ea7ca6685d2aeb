package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The security groups of a network interface as one filter per direction. Their rules only allow,
 * so their union is the groups' policy, in any order: one rule per peer of each permission (each
 * CIDR block, prefix list or group it names), then the implicit deny. The members of a group that a
 * rule names are the addresses of the interfaces in it, where describe-network-interfaces lists
 * them all; else only that they are private addresses of the VPC is known.
 */
final class GroupRules {
  private final Ec2Export export;
  private final AmazonDns dns;

  GroupRules(Ec2Export export, AmazonDns dns) {
    this.export = export;
    this.dns = dns;
  }

  /** The filter of {@code groups} for traffic {@code outbound} from the interface, or to it. */
  Filter filter(
      String name, List<SecurityGroup> groups, boolean outbound, SourceLocation interfaceAt) {
    List<Rule> rules = new ArrayList<>();
    rules.add(dns.rule(outbound, "security groups"));
    for (SecurityGroup g : groups) {
      for (Permission p : outbound ? g.egress() : g.ingress()) {
        for (Peer peer : p.peers()) {
          rules.add(rule(g, p, peer, outbound));
        }
      }
    }
    String ids = String.join(", ", groups.stream().map(SecurityGroup::id).toList());
    Rule implicit =
        new Rule(
            groups.isEmpty() ? interfaceAt : groups.get(0).at(),
            "security group"
                + (groups.size() == 1 ? " " : "s ")
                + ids
                + ": no "
                + (outbound ? "outbound" : "inbound")
                + " rule allows it (implicit deny)",
            List.of(),
            new Action.Drop("deny"));
    return new Filter(name, rules, implicit);
  }

  private Rule rule(SecurityGroup g, Permission p, Peer peer, boolean outbound) {
    int proto = Protocols.number(p.protocol()).orElseThrow();
    List<Condition> match = new ArrayList<>(Matches.protocol(proto, p.fromPort(), p.toPort()));
    match.addAll(peerTest(g, peer, outbound));
    return new Rule(
        peer.at(), text(g, p, peer, proto, outbound), match, new Action.Accept("allow"));
  }

  /** {@code sg-0abc 'web' outbound rule 2: tcp 443 to 0.0.0.0/0 ('HTTPS')}. */
  static String text(SecurityGroup g, Permission p, Peer peer, int proto, boolean outbound) {
    StringBuilder sb = new StringBuilder(g.label());
    sb.append(outbound ? " outbound" : " inbound").append(" rule ").append(p.index()).append(": ");
    sb.append(Matches.protocolText(proto, p.fromPort(), p.toPort()));
    sb.append(outbound ? " to " : " from ").append(peer.text());
    if (!peer.description().isEmpty()) {
      sb.append(" ('").append(peer.description()).append("')");
    }
    if (outbound && proto == Protocols.ALL && peer instanceof Peer.Cidr c && c.set().isAll()) {
      sb.append(", the rule a new group starts with");
    }
    return sb.toString();
  }

  private List<Condition> peerTest(SecurityGroup owner, Peer peer, boolean outbound) {
    if (peer instanceof Peer.Cidr c) {
      return List.of(Matches.address(outbound, c.set()));
    }
    if (peer instanceof Peer.PrefixList l) {
      return prefixList(l.id(), outbound);
    }
    return members(owner, (Peer.Group) peer, outbound);
  }

  private List<Condition> prefixList(String id, boolean outbound) {
    PrefixList list = export.prefixLists().get(id);
    if (list != null && list.known()) {
      return List.of(Matches.peer(outbound, list.entries()));
    }
    return List.of(
        new Condition.Unknown(
            "prefix list "
                + id
                + ": its entries are not in the export (aws ec2"
                + " get-managed-prefix-list-entries --prefix-list-id "
                + id
                + " > "
                + id
                + ".json)"));
  }

  private List<Condition> members(SecurityGroup owner, Peer.Group g, boolean outbound) {
    boolean sameAccount =
        g.userId() == null || owner.ownerId() == null || g.userId().equals(owner.ownerId());
    if (g.peeringId() == null && sameAccount && export.everyInterface()) {
      List<IpSet> addresses = new ArrayList<>();
      for (NetworkInterface i : export.interfaces()) {
        if (i.groups().contains(g.groupId())) {
          addresses.addAll(i.addresses());
        }
      }
      return List.of(Matches.peer(outbound, addresses));
    }
    String why =
        g.peeringId() != null
            ? "security group "
                + g.groupId()
                + " is reached through peering connection "
                + g.peeringId()
                + ": its members are not in the export"
            : !sameAccount
                ? "security group "
                    + g.groupId()
                    + " belongs to account "
                    + g.userId()
                    + ": its members are not in the export"
                : "security group "
                    + g.groupId()
                    + ": the addresses of its members are known only from"
                    + " describe-network-interfaces (NetworkInterfaces), which the export lacks";
    List<Condition> out = new ArrayList<>();
    Optional<Vpc> vpc =
        g.peeringId() == null && owner.vpcId() != null
            ? export.vpc(owner.vpcId())
            : Optional.empty();
    vpc.filter(v -> !v.cidrs().isEmpty())
        .ifPresent(v -> out.add(Matches.peer(outbound, v.cidrs())));
    out.add(new Condition.Unknown(why));
    return out;
  }
}
