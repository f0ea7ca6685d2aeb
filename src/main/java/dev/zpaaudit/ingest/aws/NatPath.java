package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network ACL of a NAT gateway's subnet, on the path of what the connector's route table sends
 * to that gateway. Such traffic enters the gateway's subnet (the ACL's inbound entries, tested
 * against the connector's address) and leaves it for the internet (its outbound entries); the
 * replies come in (inbound entries, against the remote address) and go on to the connector
 * (outbound entries). The gateway's address translation does not matter to the ACL, whose entries
 * test the other end and the destination port only. Each of the four filters first lets through
 * what the route table does not send to the gateway. A gateway in the connector's own subnet adds
 * nothing: an ACL does not see traffic within its subnet.
 */
final class NatPath {
  /**
   * One crossing of the gateway's subnet edge: the ACL's outbound or inbound entries, for the
   * connectors' traffic ({@code egress}) or the replies, ordered by {@code priority} among the
   * filters where packets leave (the connectors' traffic) or arrive (the replies).
   */
  private record Crossing(String suffix, boolean outbound, boolean egress, int priority) {}

  private static final List<Crossing> CROSSINGS =
      List.of(
          new Crossing("in", false, true, 1),
          new Crossing("out", true, true, 2),
          new Crossing("reply-in", false, false, -2),
          new Crossing("reply-out", true, false, -1));

  private final Ec2Export export;
  private final AclRules rules;

  NatPath(Ec2Export export, AclRules rules) {
    this.export = export;
    this.rules = rules;
  }

  /** Adds the filters and attachments of each NAT gateway the route table sends traffic to. */
  void add(
      NetworkInterface eni, RouteTable table, Map<String, Filter> filters, List<Attachment> at) {
    Set<String> gateways = new LinkedHashSet<>();
    for (VpcRoute r : table.routes()) {
      if (r.kind() == VpcRoute.Target.NAT_GATEWAY && !r.blackhole()) {
        gateways.add(r.target());
      }
    }
    for (String nat : gateways) {
      String subnet = export.natSubnets().get(nat);
      if (subnet != null && subnet.equals(eni.subnetId())) {
        continue;
      }
      Optional<NetworkAcl> acl =
          subnet == null || !export.read().contains(AwsReader.NETWORK_ACLS)
              ? Optional.empty()
              : export.aclOf(subnet, eni.vpcId());
      String words =
          "network ACL "
              + acl.map(NetworkAcl::id).orElse("of the subnet")
              + " of NAT gateway "
              + nat;
      String why =
          subnet == null
              ? "the subnet of NAT gateway "
                  + nat
                  + " is not in the export (describe-nat-gateways, NatGateways)"
              : "the network ACL of " + subnet + " (NAT gateway " + nat + ") is not in the export";
      SourceLocation where = acl.map(NetworkAcl::at).orElse(table.at());
      List<IpSet> routed = RoutedSet.to(export, table, nat);
      for (Crossing c : CROSSINGS) {
        String name = nat + "-" + c.suffix();
        Rule bypass = bypass(where, routed, nat, c.egress());
        Filter f =
            acl.isPresent()
                ? rules.filter(name, acl.get(), c.outbound(), bypass)
                : open(name, bypass, where, why);
        filters.put(name, f);
        String label =
            words + (c.outbound() ? ", outbound" : ", inbound") + (c.egress() ? "" : " (replies)");
        Point p = c.egress() ? Point.LEAVING : Point.ARRIVING;
        at.add(AwsConversions.attach(p, Attachment.Kind.FILTER, c.priority(), name, label));
      }
    }
  }

  /** A filter of an ACL the export lacks: after the bypass, open. */
  private static Filter open(String name, Rule bypass, SourceLocation at, String why) {
    Filter unread = AwsConversions.unread(name, at, why);
    List<Rule> all = new ArrayList<>(List.of(bypass));
    all.addAll(unread.rules());
    return new Filter(name, all, unread.defaultRule());
  }

  /**
   * What does not cross the gateway's subnet: traffic the route table sends elsewhere, told by its
   * remote end (the destination of the connectors' traffic, the source of the replies).
   */
  private static Rule bypass(SourceLocation at, List<IpSet> routed, String nat, boolean egress) {
    List<List<Condition>> alternatives = new ArrayList<>();
    for (AddressFamily fam : AddressFamily.values()) {
      IpSet set = IpSet.unionAll(fam, routed.stream().filter(s -> s.family() == fam).toList());
      alternatives.add(List.of(Matches.address(egress, set)));
    }
    return new Rule(
        at,
        "not routed to NAT gateway " + nat + ": this network ACL is not on its path",
        List.of(new Condition.Not(List.of(new Condition.AnyOf(alternatives)))),
        new Action.Accept("not on the path"));
  }
}
