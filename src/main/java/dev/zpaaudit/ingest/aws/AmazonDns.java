package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Amazon-provided DNS server (Route 53 Resolver): 169.254.169.253, fd00:ec2::253 and the base
 * of the VPC's primary IPv4 block plus two. Neither security groups nor network ACLs filter DNS to
 * and from it, so each filter starts with a rule that lets it through, written where the VPC is (or
 * the interface, when the export has no Vpcs).
 */
final class AmazonDns {
  private final List<IpSet> addresses;
  private final SourceLocation at;

  AmazonDns(Vpc vpc, SourceLocation interfaceAt) {
    List<IpSet> a = new ArrayList<>();
    a.add(IpSet.parse("169.254.169.253/32"));
    if (vpc != null && vpc.primary() != null) {
      plusTwo(vpc.primary()).ifPresent(a::add);
    }
    a.add(IpSet.parse("fd00:ec2::253/128"));
    this.addresses = List.copyOf(a);
    this.at = vpc != null ? vpc.at() : interfaceAt;
  }

  /** The address two above the first of a block. */
  private static java.util.Optional<IpSet> plusTwo(IpSet block) {
    return block
        .first()
        .flatMap(
            first -> {
              BigInteger n = new BigInteger(1, first.getAddress()).add(BigInteger.TWO);
              byte[] raw = n.toByteArray();
              byte[] bytes = new byte[first.getAddress().length];
              int copy = Math.min(raw.length, bytes.length);
              System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
              try {
                return java.util.Optional.of(IpSet.of(InetAddress.getByAddress(bytes)));
              } catch (UnknownHostException e) {
                return java.util.Optional.empty();
              }
            });
  }

  /** The rule, in a filter of {@code what} ("security groups", "network ACL acl-..."). */
  Rule rule(boolean outbound, String what) {
    List<Condition> match = new ArrayList<>();
    match.add(new Condition.Proto(Bits.of(256, Protocols.TCP, Protocols.UDP)));
    match.add(
        outbound ? new Condition.DstPort(PortSet.of(53)) : new Condition.SrcPort(PortSet.of(53)));
    match.add(Matches.peer(outbound, addresses));
    String list = String.join(", ", addresses.stream().map(IpSet::toString).toList());
    return new Rule(
        at,
        "Amazon-provided DNS ("
            + list
            + "): "
            + what
            + " do not filter DNS "
            + (outbound ? "to" : "from")
            + " it",
        match,
        new Action.Accept("not filtered"));
  }
}
