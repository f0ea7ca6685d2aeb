package dev.zpaaudit.checks.probe;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.ZenRanges;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Says what a DNS answer outside the published ranges most likely is. */
final class AnswerJudge {
  /** The kinds of answer, each with the words a finding uses for it. */
  enum Kind {
    IN_RANGES("inside the published ranges"),
    UNKNOWN_FAMILY("an IPv6 answer, and no IPv6 ranges are loaded: not judged"),
    SINKHOLE(
        "DNS hijack: the resolver sinkholes the name (a DNS filter or RPZ answers with a"
            + " null or loopback address)"),
    SPLIT_HORIZON(
        "split-horizon mistake: an internal zone answers for the ZPA name with a"
            + " private address"),
    REDIRECTED("DNS hijack: the CNAME chain leaves the vendor's domains"),
    STALE_LIST(
        "stale range list: a public address on the vendor's own chain that the ranges do"
            + " not hold; refresh the ranges, and if a fresh list lacks it too, the resolver is"
            + " rewriting answers (DNS hijack)");

    final String words;

    Kind(String words) {
      this.words = words;
    }
  }

  private static final List<IpSet> SINKHOLES =
      sets("0.0.0.0/8", "127.0.0.0/8", "::/128", "::1/128");
  private static final List<IpSet> PRIVATE =
      sets(
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "100.64.0.0/10",
          "169.254.0.0/16",
          "fc00::/7",
          "fe80::/10");

  private AnswerJudge() {}

  private static List<IpSet> sets(String... cidrs) {
    return java.util.Arrays.stream(cidrs).map(IpSet::parse).toList();
  }

  /**
   * @param chain the names from the question to the answer
   * @param leftAt set to the first name of the chain outside the vendor's domains, if any
   */
  static Kind judge(
      InetAddress a, ZenRanges ranges, List<String> chain, ProbeRules rules, StringBuilder leftAt) {
    Optional<Boolean> in = ranges.contains(a);
    if (in.isEmpty()) {
      return Kind.UNKNOWN_FAMILY;
    }
    if (in.get()) {
      return Kind.IN_RANGES;
    }
    IpSet one = IpSet.of(a);
    AddressFamily family = a instanceof Inet4Address ? AddressFamily.IPV4 : AddressFamily.IPV6;
    if (within(one, SINKHOLES, family)) {
      return Kind.SINKHOLE;
    }
    if (within(one, PRIVATE, family)) {
      return Kind.SPLIT_HORIZON;
    }
    for (String name : chain) {
      if (!rules.isVendorName(name)) {
        leftAt.append(name);
        return Kind.REDIRECTED;
      }
    }
    return Kind.STALE_LIST;
  }

  private static boolean within(IpSet one, List<IpSet> blocks, AddressFamily family) {
    return blocks.stream().anyMatch(b -> b.family() == family && b.containsAll(one));
  }
}
