package dev.zpaaudit.checks.network;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dns-egress (R16): UDP and TCP 53 from the connectors to each resolver, and the replies, through
 * every device, over the resolvers that some connector shares an address family with.
 */
final class DnsEgress {
  private static final String ID = "dns-egress";

  private final NetworkChecks checks;

  DnsEgress(NetworkChecks checks) {
    this.checks = checks;
  }

  CheckResult check(List<IpSet> resolvers) {
    List<String> reqs = List.of("R16");
    if (resolvers.isEmpty()) {
      return CheckResult.skipped(
          ID,
          reqs,
          Severity.HIGH,
          "not evaluated: no --resolver given (resolvers are site-specific)",
          List.of());
    }
    if (checks.inboundOnly()) {
      return CheckResult.skipped(
          ID,
          reqs,
          Severity.HIGH,
          "not evaluated: DNS queries do not cross INPUT (audit the filter at OUTPUT or FORWARD)",
          List.of());
    }
    return dnsChecked(resolvers, reqs);
  }

  /**
   * dns-egress over the resolvers that some connector shares an address family with; the others are
   * not applicable and listed apart.
   */
  private CheckResult dnsChecked(List<IpSet> resolvers, List<String> reqs) {
    Map<AddressFamily, IpSet> space = new TreeMap<>();
    List<Evidence> ev = new ArrayList<>();
    for (IpSet r : resolvers) {
      if (checks.placement.connectorSet(r.family()).isEmpty()) {
        ev.add(
            Evidence.note(
                "info",
                "resolver " + r + " not applicable: " + NetworkChecks.noConnector(r.family())));
      } else {
        space.merge(r.family(), r, IpSet::union);
      }
    }
    if (space.isEmpty()) {
      return CheckResult.skipped(
          ID,
          reqs,
          Severity.HIGH,
          "not evaluated: no connector of the resolvers' address family",
          ev);
    }
    boolean fail = false;
    boolean unknown = false;
    List<String> bad = new ArrayList<>();
    for (int proto : new int[] {Flows.UDP, Flows.TCP}) {
      String p = proto == Flows.UDP ? "UDP" : "TCP";
      for (boolean replies : new boolean[] {false, true}) {
        Coverage cov = checks.evaluate(replies, proto, space, PortSet.of(NetworkChecks.DNS_PORT));
        String words = p + " 53 " + (replies ? "replies" : "queries");
        Status dir = dnsStatus(cov, space, ev);
        ev.addAll(CoverageEvidence.grouped(cov, space, words, words, words + " indeterminate"));
        fail |= dir == Status.FAIL;
        unknown |= dir == Status.INDETERMINATE;
        if (dir != Status.PASS) {
          bad.add(p + (replies ? " replies" : " queries"));
        }
      }
    }
    Status st = fail ? Status.FAIL : unknown ? Status.INDETERMINATE : Status.PASS;
    String res =
        String.join(
            ", ",
            resolvers.stream()
                .filter(r -> !checks.placement.connectorSet(r.family()).isEmpty())
                .map(IpSet::toString)
                .toList());
    String summary =
        st == Status.PASS
            ? "DNS over UDP and TCP 53 to " + res + " is allowed both ways"
            : "DNS to "
                + res
                + ": "
                + String.join(", ", new java.util.LinkedHashSet<>(bad))
                + (fail ? " not allowed" : " not proven");
    return new CheckResult(
        ID,
        reqs,
        Severity.HIGH,
        st,
        summary,
        null,
        ev,
        st == Status.PASS
            ? null
            : "Allow UDP and TCP 53 from the connectors to the resolvers, and the replies.");
  }

  /**
   * One direction of DNS: fail when some resolver address is denied on every path, indeterminate
   * when some is not proven allowed on every path (adding what it depends on to {@code ev}).
   */
  private static Status dnsStatus(
      Coverage cov, Map<AddressFamily, IpSet> space, List<Evidence> ev) {
    Status st = Status.PASS;
    for (IpSet set : space.values()) {
      List<Decision> parts = cov.concerning(set);
      EveryPath.Result res = EveryPath.of(set, parts, cov.devices.size());
      if (!res.denied().isEmpty()) {
        st = Status.FAIL;
      } else if (!res.allowed().containsAll(set) && st == Status.PASS) {
        st = Status.INDETERMINATE;
      }
      for (Coverage.Conditional c : cov.conditionals(res, parts)) {
        ev.add(CoverageEvidence.conditional(c));
      }
    }
    return st;
  }
}
