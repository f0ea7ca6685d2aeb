package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the {@code SecurityGroups} of describe-security-groups. A permission whose protocol or
 * ports AWS would refuse (a port range that runs backwards or past 65535, an ICMP type or code past
 * 255) is an error at its line.
 */
final class GroupReader {
  private GroupReader() {}

  static Optional<SecurityGroup> group(Node n) {
    Optional<String> id = n.required("GroupId", "a security group");
    List<Permission> in = permissions(n, "IpPermissions");
    List<Permission> out = permissions(n, "IpPermissionsEgress");
    return id.map(
        i ->
            new SecurityGroup(
                i,
                n.text("GroupName").orElse(""),
                n.text("VpcId").orElse(null),
                n.text("OwnerId").orElse(null),
                in,
                out,
                n.at()));
  }

  private static List<Permission> permissions(Node group, String key) {
    List<Permission> out = new ArrayList<>();
    int index = 0;
    for (Node p : group.objects(key)) {
      index++;
      permission(p, index).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<Permission> permission(Node p, int index) {
    Optional<String> written = p.required("IpProtocol", "a permission");
    Optional<Integer> from = p.integer("FromPort");
    Optional<Integer> to = p.integer("ToPort");
    List<Peer> peers = peers(p);
    if (written.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt proto = Protocols.number(written.get());
    if (proto.isEmpty()) {
      p.reading()
          .error(
              p.lineOf("IpProtocol"),
              "IpProtocol '"
                  + written.get()
                  + "' is not -1, tcp, udp, icmp, icmpv6 or a protocol number (0 to 255)");
      return Optional.empty();
    }
    if (!validPorts(p, proto.getAsInt(), from.orElse(null), to.orElse(null))) {
      return Optional.empty();
    }
    return Optional.of(
        new Permission(index, written.get(), from.orElse(null), to.orElse(null), peers, p.at()));
  }

  /** Whether the ports are ones AWS would take for the protocol; an error where they are not. */
  static boolean validPorts(Node p, int proto, Integer from, Integer to) {
    String problem = null;
    if (Protocols.hasPorts(proto)) {
      if (from == null || to == null) {
        problem = "a " + Protocols.text(proto) + " permission without FromPort and ToPort";
      } else if (from < 0 || to > 65535 || from > to) {
        problem =
            "FromPort "
                + from
                + " and ToPort "
                + to
                + " are not a port range (0 to 65535, FromPort not above ToPort)";
      }
    } else if (Protocols.isIcmp(proto)) {
      if (from != null && (from < -1 || from > 255) || to != null && (to < -1 || to > 255)) {
        problem =
            "FromPort (ICMP type) "
                + from
                + " and ToPort (ICMP code) "
                + to
                + " are not -1 or 0 to 255";
      }
    }
    if (problem != null) {
      p.reading().error(p.lineOf("FromPort"), problem);
      return false;
    }
    return true;
  }

  private static List<Peer> peers(Node p) {
    List<Peer> out = new ArrayList<>();
    for (Node r : p.objects("IpRanges")) {
      cidr(r, "CidrIp", 4).ifPresent(out::add);
    }
    for (Node r : p.objects("Ipv6Ranges")) {
      cidr(r, "CidrIpv6", 6).ifPresent(out::add);
    }
    for (Node r : p.objects("PrefixListIds")) {
      r.required("PrefixListId", "a prefix list entry")
          .ifPresent(
              id -> out.add(new Peer.PrefixList(id, r.text("Description").orElse(""), r.at())));
    }
    for (Node r : p.objects("UserIdGroupPairs")) {
      r.required("GroupId", "a security group pair")
          .ifPresent(
              id ->
                  out.add(
                      new Peer.Group(
                          id,
                          r.text("UserId").orElse(null),
                          r.text("VpcPeeringConnectionId").orElse(null),
                          r.text("Description").orElse(""),
                          r.at())));
    }
    return out;
  }

  private static Optional<Peer> cidr(Node r, String key, int family) {
    Optional<String> text = r.required(key, "a range");
    Optional<IpSet> set = r.cidr(key);
    if (set.isPresent() && set.get().family().version() != family) {
      r.reading()
          .error(r.lineOf(key), key + " '" + text.get() + "' is not an IPv" + family + " block");
      return Optional.empty();
    }
    return set.map(s -> new Peer.Cidr(s, text.get(), r.text("Description").orElse(""), r.at()));
  }
}
