package dev.zpaaudit.checks.probe;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.probe.NtpResult;
import dev.zpaaudit.probe.ProbeRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * probe-ntp (R14, R8): the local clock against the NTP servers. A clock far off makes certificate
 * validation of the pinned TLS tunnel fail, and the tunnel on 443 with it.
 */
public final class NtpCheck {
  public static final String ID = "probe-ntp";

  private NtpCheck() {}

  public static CheckResult check(List<NtpResult> results, ProbeRules rules) {
    List<String> req = List.of("R14", "R8");
    String fix =
        "Synchronize the connector host's clock (chronyd or systemd-timesyncd) with a"
            + " reachable NTP server; allow UDP 123 to it.";
    if (results.isEmpty()) {
      return new CheckResult(
          ID,
          req,
          Severity.MEDIUM,
          Status.SKIPPED,
          "no NTP server given (--ntp-server HOST[:PORT] or ntp.servers in the rule pack)",
          null,
          List.of(),
          fix);
    }
    long max = rules.ntp().maxOffsetMs();
    List<Evidence> ev = new ArrayList<>();
    for (NtpResult r : results) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("server", r.server());
      data.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
      data.put("offset_ms", r.offsetMs());
      data.put("delay_ms", r.delayMs());
      data.put("stratum", r.stratum());
      data.put("max_offset_ms", max);
      Status s;
      String msg;
      if (r.outcome() == NtpResult.Outcome.MEASURED) {
        boolean off = Math.abs(r.offsetMs()) > max;
        s = off ? Status.FAIL : Status.PASS;
        String dir = r.offsetMs() >= 0 ? "behind" : "ahead of";
        msg =
            "the local clock is "
                + Math.abs(r.offsetMs())
                + " ms "
                + dir
                + " "
                + r.server()
                + " (stratum "
                + r.stratum()
                + ", delay "
                + r.delayMs()
                + " ms)"
                + (off
                    ? "; more than "
                        + max
                        + " ms: certificate validity checks fail and the TLS"
                        + " tunnel to the ZPA cloud breaks"
                    : "; within " + max + " ms");
      } else {
        s = Status.INDETERMINATE;
        msg = r.server() + ": offset not measured: " + r.detail();
      }
      ev.add(
          Findings.evidence(
              s, rules.file(), 0, "ntp.max-offset-ms", msg, List.of(r.server()), data));
    }
    Status status = Findings.status(ev);
    String summary =
        status == Status.PASS
            ? "the clock is within " + max + " ms of all " + results.size() + " NTP servers"
            : status == Status.FAIL
                ? Findings.first(ev, Status.FAIL)
                : Findings.first(ev, Status.INDETERMINATE);
    return new CheckResult(ID, req, Severity.MEDIUM, status, summary, null, ev, fix);
  }
}
