package dev.zpaaudit.checks.probe;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.probe.DnsResult;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.ZenRanges;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * probe-dns (R16): every name resolves, through every resolver, and every answer is inside the
 * published ranges. An answer outside them is named: DNS hijack, split-horizon mistake, or a stale
 * range list.
 */
public final class DnsCheck {
  public static final String ID = "probe-dns";

  private DnsCheck() {}

  /**
   * @param ranges null when no ranges are loaded: answers cannot be judged
   */
  public static CheckResult check(List<DnsResult> results, ZenRanges ranges, ProbeRules rules) {
    List<Evidence> ev = new ArrayList<>();
    for (DnsResult r : results) {
      ev.add(evidence(r, ranges, rules));
    }
    Status status = Findings.status(ev);
    String summary;
    if (results.isEmpty()) {
      summary = "nothing was resolved (no names or no resolvers)";
    } else if (status == Status.PASS) {
      summary =
          "all "
              + results.size()
              + " lookups answered inside the published ranges ("
              + ranges.source()
              + ")";
    } else if (status == Status.FAIL) {
      summary =
          Findings.count(ev, Status.FAIL)
              + " of "
              + results.size()
              + " lookups fail; first: "
              + Findings.first(ev, Status.FAIL);
    } else {
      summary =
          Findings.count(ev, Status.INDETERMINATE)
              + " of "
              + results.size()
              + " lookups cannot be judged; first: "
              + Findings.first(ev, Status.INDETERMINATE);
    }
    return new CheckResult(
        ID,
        List.of("R16"),
        Severity.HIGH,
        status,
        summary,
        null,
        ev,
        "Let the connector's resolvers answer the ZPA names from the public DNS: no sinkhole,"
            + " RPZ or internal zone for *.zpath.net, *.zscaler.com and *.private.zscaler.com;"
            + " allow UDP and TCP 53 to them; refresh the published ranges.");
  }

  private static Evidence evidence(DnsResult r, ZenRanges ranges, ProbeRules rules) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", r.name());
    data.put("type", r.type());
    data.put("resolver", r.resolver());
    data.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
    data.put("chain", r.chain());
    data.put("addresses", r.addresses().stream().map(InetAddress::getHostAddress).toList());
    data.put("dnssec", r.dnssec().label());
    data.put("truncated_retried_tcp", r.truncated());
    data.put("elapsed_ms", Findings.millis(r.micros()));
    String head = r.name() + " " + r.type() + " via " + r.resolver();
    String tail =
        (r.truncated() ? "; the UDP answer was truncated and retried over TCP" : "")
            + "; DNSSEC: "
            + r.dnssec().label();
    List<String> dest = r.addresses().stream().map(InetAddress::getHostAddress).toList();
    if (r.outcome() != DnsResult.Outcome.ANSWER) {
      return Findings.byName(
          failureStatus(r), rules, r.name(), head + ": " + failure(r) + tail, dest, data);
    }
    if (ranges == null) {
      return Findings.byName(
          Status.INDETERMINATE,
          rules,
          r.name(),
          head
              + ": "
              + r.chainText()
              + " -> "
              + String.join(", ", dest)
              + "; no published ranges loaded (--ranges FILE),"
              + " so the answer cannot be judged"
              + tail,
          dest,
          data);
    }
    List<String> bad = new ArrayList<>();
    List<String> unjudged = new ArrayList<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (InetAddress a : r.addresses()) {
      StringBuilder leftAt = new StringBuilder();
      AnswerJudge.Kind k = AnswerJudge.judge(a, ranges, r.chain(), rules, leftAt);
      kinds.put(a.getHostAddress(), k.name().toLowerCase(java.util.Locale.ROOT));
      String at = leftAt.length() > 0 ? " at " + leftAt : "";
      if (k == AnswerJudge.Kind.UNKNOWN_FAMILY) {
        unjudged.add(a.getHostAddress() + ": " + k.words);
      } else if (k != AnswerJudge.Kind.IN_RANGES) {
        bad.add(
            a.getHostAddress()
                + " is outside the ranges from "
                + ranges.source()
                + " ("
                + k.words
                + at
                + ")");
      }
    }
    data.put("judgement", kinds);
    String answer = head + ": " + r.chainText() + " -> " + String.join(", ", dest);
    if (!bad.isEmpty()) {
      return Findings.byName(
          Status.FAIL, rules, r.name(), answer + "; " + String.join("; ", bad) + tail, dest, data);
    }
    if (!unjudged.isEmpty()) {
      return Findings.byName(
          Status.INDETERMINATE,
          rules,
          r.name(),
          answer + "; " + String.join("; ", unjudged) + tail,
          dest,
          data);
    }
    return Findings.byName(
        Status.PASS,
        rules,
        r.name(),
        answer + ", inside the ranges from " + ranges.source() + tail,
        dest,
        data);
  }

  private static Status failureStatus(DnsResult r) {
    return r.outcome() == DnsResult.Outcome.ERROR ? Status.INDETERMINATE : Status.FAIL;
  }

  private static String failure(DnsResult r) {
    switch (r.outcome()) {
      case NXDOMAIN:
        return "NXDOMAIN ("
            + r.detail()
            + "): the resolver says the name does not exist; an"
            + " internal zone or a DNS filter hides it";
      case SERVFAIL:
        return "SERVFAIL ("
            + r.detail()
            + "): the resolver could not resolve it (upstream"
            + " unreachable, or DNSSEC validation failed)";
      case REFUSED:
        return "refused (" + r.detail() + "): the resolver will not answer this host";
      case NODATA:
        return "no address (" + r.detail() + ") after " + r.chainText();
      case CNAME_LOOP:
        return r.detail() + ": " + r.chainText();
      case TIMEOUT:
        return "timeout: "
            + r.detail()
            + " (UDP/TCP 53 to the resolver dropped, or the resolver"
            + " cannot reach upstream)";
      case ERROR:
        return "the query could not be made: " + r.detail();
      default:
        return "response code " + r.detail();
    }
  }
}
