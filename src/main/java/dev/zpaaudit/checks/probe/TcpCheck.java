package dev.zpaaudit.checks.probe;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.TcpResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * probe-tcp (R8, R12): TCP to the port of the resolved addresses and of a sample of each published
 * block. A resolved address is the service itself, so anything but a connection fails. A sampled
 * address may hold no service: silence or a distant reset there cannot be judged.
 */
public final class TcpCheck {
  public static final String ID = "probe-tcp";

  private TcpCheck() {}

  public static CheckResult check(List<TcpResult> results, ProbeRules rules, String via) {
    List<Evidence> ev = new ArrayList<>();
    for (TcpResult r : results) {
      ev.add(evidence(r, rules));
    }
    Status status = Findings.status(ev);
    long resolved = results.stream().filter(r -> !r.target().isSample()).count();
    long sampled = results.size() - resolved;
    String what =
        results.size()
            + " addresses ("
            + resolved
            + " resolved, "
            + sampled
            + " sampled; "
            + via
            + ")";
    String summary;
    if (results.isEmpty()) {
      summary = "nothing to connect to: no name resolved and no ranges to sample";
    } else if (status == Status.PASS) {
      summary = "TCP connects to all " + what + "; a sample does not prove whole blocks";
    } else if (status == Status.FAIL) {
      summary =
          Findings.count(ev, Status.FAIL)
              + " of "
              + what
              + " fail; first: "
              + Findings.first(ev, Status.FAIL);
    } else {
      summary =
          Findings.count(ev, Status.INDETERMINATE)
              + " of "
              + what
              + " cannot be judged; first: "
              + Findings.first(ev, Status.INDETERMINATE);
    }
    return new CheckResult(
        ID,
        List.of("R8", "R12"),
        Severity.HIGH,
        status,
        summary,
        null,
        ev,
        "Allow the connector outbound TCP to every published ZEN range on the ZPA port, on"
            + " the host firewall and on every firewall of the path (or on the proxy).");
  }

  private static Evidence evidence(TcpResult r, ProbeRules rules) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("address", r.target().address().getHostAddress());
    data.put("port", r.target().port());
    data.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
    data.put("elapsed_ms", Findings.millis(r.micros()));
    data.put("target", r.target().isSample() ? "sample" : "resolved");
    if (r.target().isSample()) {
      data.put("sampled_from", r.target().sampleOf());
    } else {
      data.put("name", r.target().name());
    }
    Status s = status(r, rules.tcp().localResetMs());
    String msg = r.target().label() + ": " + describe(r, rules.tcp().localResetMs());
    List<String> dest = List.of(r.target().endpoint());
    if (r.target().isSample()) {
      return Findings.evidence(s, rules.file(), 0, "tcp.sample-per-range", msg, dest, data);
    }
    return Findings.byName(s, rules, r.target().name(), msg, dest, data);
  }

  static Status status(TcpResult r, int localResetMs) {
    switch (r.outcome()) {
      case CONNECTED:
        return Status.PASS;
      case RESET:
        boolean local = r.micros() <= localResetMs * 1000L;
        return local || !r.target().isSample() ? Status.FAIL : Status.INDETERMINATE;
      case TIMEOUT:
        return r.target().isSample() ? Status.INDETERMINATE : Status.FAIL;
      case ERROR:
        return Status.INDETERMINATE;
      default:
        return Status.FAIL;
    }
  }

  static String describe(TcpResult r, int localResetMs) {
    String t = Findings.ms(r.micros());
    switch (r.outcome()) {
      case CONNECTED:
        return "connected in " + t;
      case RESET:
        if (r.micros() <= localResetMs * 1000L) {
          return "reset in "
              + t
              + ", faster than any path to the ZPA cloud (limit "
              + localResetMs
              + " ms): a local firewall (this host or its first hop) rejects the connection";
        }
        return "reset after "
            + t
            + ": a firewall on the path or the host itself refused it"
            + (r.target().isSample() ? " (a sampled address may hold no service)" : "");
      case TIMEOUT:
        return "no answer within "
            + t
            + ": dropped on the path"
            + (r.target().isSample() ? ", or no service at this sampled address" : "");
      case UNREACHABLE:
        return "unreachable: " + r.detail() + " (no route from this host)";
      case PROXY_REFUSED:
        return r.detail();
      case PROXY_UNREACHABLE:
        return r.detail();
      default:
        return "the connection could not be attempted: " + r.detail();
    }
  }
}
