package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowance as AWS command lines. Where the security groups stop the connectors, one {@code aws
 * ec2 authorize-security-group-egress} adds the blocks to the interface's first group (groups only
 * allow, so where it stands does not matter). Where the network ACL does, one {@code aws ec2
 * create-network-acl-entry} per block, numbered below the first entry that denies them, in numbers
 * no outbound entry uses. More blocks than a group or an ACL holds by default are said; for a group
 * the port is then allowed to any address, which it can hold.
 */
public final class AwsFix {
  /** The description the commands give what they add. */
  static final String DESCRIPTION = "zpa-published-range";

  /** The rules a security group holds each way, and a network ACL's entries, by default. */
  static final int GROUP_RULES = 60;

  static final int ACL_RULES = 20;

  private static final Pattern GROUP = Pattern.compile("\\bsg-[0-9a-zA-Z]+");
  private static final Pattern ACL = Pattern.compile("\\bacl-[0-9a-zA-Z]+");
  private static final Pattern NUMBER = Pattern.compile(" (?:outbound|inbound) rule (\\d+):");

  private AwsFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    String label = a.attachment();
    Optional<Attachment> at =
        fw.attachments().stream().filter(x -> x.label().equals(label)).findFirst();
    if (at.isEmpty()) {
      return List.of();
    }
    if (at.get().kind() == Attachment.Kind.SESSION) {
      Matcher group = GROUP.matcher(label);
      return group.find() ? groupEgress(group.group(), a) : List.of();
    }
    Matcher acl = ACL.matcher(label);
    Filter f = fw.filter(at.get().filter());
    return acl.find() && f != null
        ? aclEntries(f, acl.group(), label.contains(", inbound"), a)
        : List.of();
  }

  private static List<String> groupEgress(String group, Allowance a) {
    boolean six = a.family() == AddressFamily.IPV6;
    List<String> blocks = a.destinations();
    List<String> out = new ArrayList<>();
    if (blocks.size() > GROUP_RULES) {
      out.add(
          "# "
              + blocks.size()
              + " blocks are more than the "
              + GROUP_RULES
              + " rules a security group holds each way by default: this allows the port to any"
              + " address instead");
      blocks = List.of(six ? "::/0" : "0.0.0.0/0");
    }
    List<String> ranges = new ArrayList<>();
    for (String cidr : blocks) {
      ranges.add(
          "{" + (six ? "CidrIpv6=" : "CidrIp=") + cidr + ",Description=" + DESCRIPTION + "}");
    }
    out.add(
        "aws ec2 authorize-security-group-egress --group-id "
            + group
            + " --ip-permissions 'IpProtocol="
            + protocol(a)
            + ",FromPort="
            + a.port()
            + ",ToPort="
            + a.port()
            + (six ? ",Ipv6Ranges=[" : ",IpRanges=[")
            + String.join(",", ranges)
            + "]'");
    return out;
  }

  /**
   * Entries of {@code acl} in the direction of filter {@code f}: outbound ones to the destinations,
   * or inbound ones from the connectors, where the connectors' traffic enters a subnet.
   */
  private static List<String> aclEntries(Filter f, String acl, boolean inbound, Allowance a) {
    Set<Integer> used = new TreeSet<>();
    for (Rule r : f.rules()) {
      number(r.text()).ifPresent(used::add);
    }
    int below =
        a.denying().stream()
            .map(AwsFix::number)
            .flatMap(Optional::stream)
            .min(Integer::compare)
            .orElse(AclEntry.LAST);
    List<String> blocks =
        !inbound
            ? a.destinations()
            : a.sources().isEmpty()
                ? List.of(a.family() == AddressFamily.IPV6 ? "::/0" : "0.0.0.0/0")
                : a.sources();
    List<String> out = new ArrayList<>();
    long entries = used.stream().filter(x -> x < AclEntry.LAST).count() + blocks.size();
    if (entries > ACL_RULES) {
      out.add(
          "# "
              + entries
              + (inbound ? " inbound" : " outbound")
              + " entries are more than the "
              + ACL_RULES
              + " a network ACL holds each way by default (its quota can be raised to 40)");
    }
    int n = below - 1;
    for (String cidr : blocks) {
      while (n > 0 && used.contains(n)) {
        n--;
      }
      out.add(n < 1 ? noNumber(acl, below, cidr) : aclEntry(acl, inbound, n, cidr, a));
      n--;
    }
    return out;
  }

  private static String noNumber(String acl, int below, String cidr) {
    return "# no free rule number below "
        + below
        + " in "
        + acl
        + " for "
        + cidr
        + ": renumber its entries first";
  }

  private static String aclEntry(
      String acl, boolean inbound, int number, String cidr, Allowance a) {
    return "aws ec2 create-network-acl-entry --network-acl-id "
        + acl
        + (inbound ? " --ingress" : " --egress")
        + " --rule-number "
        + number
        + " --protocol "
        + a.protocol()
        + " --port-range From="
        + a.port()
        + ",To="
        + a.port()
        + (a.family() == AddressFamily.IPV6 ? " --ipv6-cidr-block " : " --cidr-block ")
        + cidr
        + " --rule-action allow";
  }

  private static java.util.Optional<Integer> number(String ruleText) {
    Matcher m = NUMBER.matcher(ruleText);
    return m.find()
        ? java.util.Optional.of(Integer.parseInt(m.group(1)))
        : java.util.Optional.empty();
  }

  private static String protocol(Allowance a) {
    return a.protocol() == Protocols.TCP
        ? "tcp"
        : a.protocol() == Protocols.UDP ? "udp" : Integer.toString(a.protocol());
  }
}
