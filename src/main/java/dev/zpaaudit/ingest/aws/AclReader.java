package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the {@code NetworkAcls} of describe-network-acls. An entry AWS would refuse (no rule
 * number, an action other than allow or deny, a port range that runs backwards or past 65535) is an
 * error at its line.
 */
final class AclReader {
  private AclReader() {}

  static Optional<NetworkAcl> acl(Node n) {
    Optional<String> id = n.required("NetworkAclId", "a network ACL");
    List<String> subnets = new ArrayList<>();
    for (Node a : n.objects("Associations")) {
      a.text("SubnetId").ifPresent(subnets::add);
    }
    List<AclEntry> entries = new ArrayList<>();
    for (Node e : n.objects("Entries")) {
      entry(e).ifPresent(entries::add);
    }
    return id.map(
        i ->
            new NetworkAcl(
                i,
                n.name(),
                n.text("VpcId").orElse(null),
                n.bool("IsDefault"),
                subnets,
                entries,
                n.at()));
  }

  private static Optional<AclEntry> entry(Node e) {
    Optional<Integer> number = e.integer("RuleNumber");
    Optional<String> protocol = e.required("Protocol", "a network ACL entry");
    Optional<String> action = e.required("RuleAction", "a network ACL entry");
    Optional<IpSet> cidr = e.has("Ipv6CidrBlock") ? e.cidr("Ipv6CidrBlock") : e.cidr("CidrBlock");
    String cidrText = e.text("Ipv6CidrBlock").or(() -> e.text("CidrBlock")).orElse("");
    if (!required(e, number, action) || protocol.isEmpty() || cidr.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt proto = Protocols.number(protocol.get());
    if (proto.isEmpty()) {
      e.reading()
          .error(
              e.lineOf("Protocol"),
              "Protocol '" + protocol.get() + "' is not -1 or a protocol number (0 to 255)");
      return Optional.empty();
    }
    Optional<AclEntry.Range> ports = range(e, "PortRange", "From", "To");
    Optional<AclEntry.Range> icmp = range(e, "IcmpTypeCode", "Type", "Code");
    if (!validPorts(e, proto.getAsInt(), ports.orElse(null))) {
      return Optional.empty();
    }
    return Optional.of(
        new AclEntry(
            number.get(),
            e.bool("Egress"),
            protocol.get(),
            action.get().equals("allow"),
            cidr.get(),
            cidrText,
            ports.orElse(null),
            icmp.orElse(null),
            e.at()));
  }

  /** Whether the number and action are there and ones AWS takes; errors where they are not. */
  private static boolean required(Node e, Optional<Integer> number, Optional<String> action) {
    boolean ok = number.isPresent() && action.isPresent();
    if (number.isEmpty() && !e.has("RuleNumber")) {
      e.reading().error(e.line(), "a network ACL entry without 'RuleNumber'");
    }
    if (!e.has("CidrBlock") && !e.has("Ipv6CidrBlock")) {
      e.reading().error(e.line(), "a network ACL entry without 'CidrBlock' or 'Ipv6CidrBlock'");
    }
    if (action.isPresent() && !action.get().equals("allow") && !action.get().equals("deny")) {
      e.reading()
          .error(e.lineOf("RuleAction"), "RuleAction '" + action.get() + "' is not allow or deny");
      ok = false;
    }
    if (number.isPresent() && (number.get() < 1 || number.get() > AclEntry.LAST + 1)) {
      e.reading()
          .error(
              e.lineOf("RuleNumber"),
              "RuleNumber "
                  + number.get()
                  + " is not a rule number (1 to 32766; 32767 and 32768 are the defaults)");
      ok = false;
    }
    return ok;
  }

  private static Optional<AclEntry.Range> range(Node e, String key, String from, String to) {
    Optional<Node> r = e.object(key);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    Optional<Integer> f = r.get().integer(from);
    Optional<Integer> t = r.get().integer(to);
    return Optional.of(new AclEntry.Range(f.orElse(-1), t.orElse(-1)));
  }

  private static boolean validPorts(Node e, int proto, AclEntry.Range ports) {
    if (!Protocols.hasPorts(proto)) {
      return true;
    }
    if (ports == null) {
      e.reading()
          .error(e.line(), "a " + Protocols.text(proto) + " network ACL entry without PortRange");
      return false;
    }
    if (ports.from() < 0 || ports.to() > 65535 || ports.from() > ports.to()) {
      e.reading()
          .error(
              e.lineOf("PortRange"),
              "PortRange "
                  + ports.from()
                  + "-"
                  + ports.to()
                  + " is not a port range (0 to 65535, From not above To)");
      return false;
    }
    return true;
  }
}
