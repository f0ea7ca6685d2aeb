package dev.zpaaudit.checks.probe;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.probe.Certificates;
import dev.zpaaudit.probe.PinCheck;
import dev.zpaaudit.probe.PinsFile;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.TlsResult;
import dev.zpaaudit.probe.ZenRanges;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * probe-tls in learning mode: records the keys each name presents, to verify later. It learns only
 * what looks genuine: an address inside the published ranges, and a client-certificate request
 * where the rule pack expects one. Nothing is compared, so the check is skipped when all names were
 * learnt.
 */
public final class TlsLearn {
  /** The check and the pins to write (empty: write nothing). */
  public record Outcome(CheckResult check, List<PinsFile.Learnt> learnt) {}

  private TlsLearn() {}

  /**
   * @param ranges null when none are loaded: nothing can be learnt safely
   */
  public static Outcome learn(
      List<TlsResult> results, ZenRanges ranges, ProbeRules rules, String pinsFile) {
    Map<String, List<TlsResult>> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.computeIfAbsent(r.sni(), k -> new ArrayList<>()).add(r));
    List<Evidence> ev = new ArrayList<>();
    List<PinsFile.Learnt> learnt = new ArrayList<>();
    for (Map.Entry<String, List<TlsResult>> e : byName.entrySet()) {
      learnName(e.getKey(), e.getValue(), ranges, rules, ev, learnt);
    }
    Status status = Findings.status(ev);
    if (status == Status.PASS) {
      status = Status.SKIPPED;
    }
    if (learnt.isEmpty()) {
      status = Status.FAIL;
    }
    String summary =
        learnt.isEmpty()
            ? "learning mode: nothing could be learnt, "
                + pinsFile
                + " was not written"
                + (ev.isEmpty() ? " (no name resolved)" : "; first: " + ev.get(0).message())
            : "learning mode: pins for "
                + learnt.size()
                + " of "
                + byName.size()
                + " names written"
                + " to "
                + pinsFile
                + "; nothing was compared";
    return new Outcome(
        new CheckResult(
            TlsCheck.ID,
            List.of("R14"),
            Severity.CRITICAL,
            status,
            summary,
            null,
            ev,
            "Learn pins only on a network known to be free of TLS interception,"
                + " with the published ranges loaded; "
                + TlsCheck.REMEDIATION),
        learnt);
  }

  private static void learnName(
      String name,
      List<TlsResult> results,
      ZenRanges ranges,
      ProbeRules rules,
      List<Evidence> ev,
      List<PinsFile.Learnt> learnt) {
    Map<String, X509Certificate> keys = new LinkedHashMap<>();
    TreeSet<String> issuers = new TreeSet<>();
    TreeSet<Boolean> requested = new TreeSet<>();
    boolean expected =
        rules.rule(name).map(n -> n.clientCert() == ProbeRules.ClientCert.EXPECTED).orElse(false);
    List<String> refused = new ArrayList<>();
    for (TlsResult r : results) {
      String at = r.target().label();
      if (!r.hasChain()) {
        ev.add(
            Findings.byName(
                Status.INDETERMINATE,
                rules,
                name,
                at + ": not learnt, no" + " certificate arrived: " + r.detail(),
                List.of(r.target().endpoint()),
                TlsCheck.data(r)));
        continue;
      }
      String why =
          ranges == null
              ? "no published ranges are loaded to vouch for the address"
              : !ranges.contains(r.target().address()).orElse(false)
                  ? r.target().address().getHostAddress()
                      + " is outside the ranges from "
                      + ranges.source()
                  : expected && !r.clientCertRequested()
                      ? "no client certificate was requested, though the real server asks for one"
                          + " (issued by "
                          + TlsCheck.topIssuer(r.chain())
                          + ")"
                      : null;
      if (why != null) {
        refused.add(at);
        ev.add(
            Findings.byName(
                Status.FAIL,
                rules,
                name,
                at + ": not learnt: " + why,
                List.of(r.target().endpoint()),
                TlsCheck.data(r)));
        continue;
      }
      PinCheck.learnable(r.chain()).forEach(c -> keys.putIfAbsent(Certificates.spkiSha256(c), c));
      issuers.addAll(r.acceptedIssuers());
      requested.add(r.clientCertRequested());
      ev.add(
          Findings.byName(
              Status.PASS,
              rules,
              name,
              at
                  + ": learnt "
                  + PinCheck.learnable(r.chain()).stream().map(Certificates::subject).toList()
                  + (r.clientCertRequested() ? "; a client certificate is requested" : ""),
              List.of(r.target().endpoint()),
              TlsCheck.data(r)));
    }
    if (requested.size() > 1) {
      ev.add(
          Findings.byName(
              Status.FAIL,
              rules,
              name,
              name + ": not learnt: its addresses" + " disagree on requesting a client certificate",
              List.of(),
              Map.of()));
    } else if (!keys.isEmpty() && refused.isEmpty()) {
      learnt.add(
          new PinsFile.Learnt(
              name, List.copyOf(keys.values()), requested.first(), List.copyOf(issuers)));
    }
  }
}
