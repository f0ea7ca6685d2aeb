package dev.zpaaudit.checks.probe;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.probe.Certificates;
import dev.zpaaudit.probe.PinCheck;
import dev.zpaaudit.probe.Pins;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.TlsResult;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * probe-tls (R14): the chain each ZPA name presents verifies against the pins, and a server that
 * asks the connector for a client certificate still does. Either failing means something terminated
 * the TLS session: an intercepting proxy, named by its issuer.
 */
public final class TlsCheck {
  public static final String ID = "probe-tls";
  static final String REMEDIATION =
      "Exempt the connector's traffic from TLS inspection:"
          + " *.prod.zpath.net (the vendor also lists *.zpath.net and *.zscaler.com) in the"
          + " SSL-inspection bypass list; the connector pins client and server certificates.";

  private TlsCheck() {}

  /**
   * @param pins null when no pins file was given
   */
  public static CheckResult check(List<TlsResult> results, Pins pins, ProbeRules rules) {
    List<Evidence> ev = new ArrayList<>();
    for (TlsResult r : results) {
      ev.add(evidence(r, pins, rules));
    }
    Status status = Findings.status(ev);
    String summary;
    if (results.isEmpty()) {
      summary = "no TLS handshake was attempted: no name resolved";
    } else if (status == Status.PASS) {
      summary =
          "all "
              + results.size()
              + " handshakes present chains that verify against the"
              + " pins ("
              + pins.file()
              + ")";
    } else if (status == Status.FAIL) {
      summary =
          Findings.count(ev, Status.FAIL)
              + " of "
              + results.size()
              + " handshakes fail;"
              + " first: "
              + Findings.first(ev, Status.FAIL);
    } else {
      summary =
          Findings.count(ev, Status.INDETERMINATE)
              + " of "
              + results.size()
              + " handshakes cannot be judged; first: "
              + Findings.first(ev, Status.INDETERMINATE);
    }
    return new CheckResult(
        ID, List.of("R14"), Severity.CRITICAL, status, summary, null, ev, REMEDIATION);
  }

  static Map<String, Object> data(TlsResult r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", r.sni());
    data.put("address", r.target().address().getHostAddress());
    data.put("port", r.target().port());
    data.put("handshake", r.handshake().name().toLowerCase(java.util.Locale.ROOT));
    data.put("protocol", r.protocol());
    data.put("elapsed_ms", Findings.millis(r.micros()));
    data.put("chain_subjects", r.chain().stream().map(Certificates::subject).toList());
    data.put("chain_issuers", r.chain().stream().map(Certificates::issuer).toList());
    data.put("chain_spki_sha256", r.chain().stream().map(Certificates::spkiSha256).toList());
    data.put("client_certificate_requested", r.clientCertRequested());
    data.put("client_certificate_issuers", r.acceptedIssuers());
    return data;
  }

  /** The issuer at the top of the chain's signature-verified path: who made this chain. */
  static String topIssuer(List<X509Certificate> chain) {
    List<X509Certificate> path = Certificates.signedPath(chain);
    return Certificates.issuer(path.get(path.size() - 1));
  }

  private static Evidence evidence(TlsResult r, Pins pins, ProbeRules rules) {
    Map<String, Object> data = data(r);
    String head = r.target().label() + " (SNI " + r.sni() + ")";
    List<String> dest = List.of(r.target().endpoint());
    if (r.handshake() == TlsResult.Handshake.NO_CONNECTION) {
      return Findings.byName(
          Status.INDETERMINATE,
          rules,
          r.sni(),
          head
              + ": no TLS handshake, the"
              + " connection failed: "
              + r.detail()
              + " (see probe-tcp)",
          dest,
          data);
    }
    if (!r.hasChain()) {
      return Findings.byName(
          Status.FAIL,
          rules,
          r.sni(),
          head + ": TLS failed before the server" + " sent a certificate: " + r.detail(),
          dest,
          data);
    }
    Optional<Pins.Entry> entry = pins == null ? Optional.empty() : pins.forName(r.sni());
    Boolean expectClient = entry.map(Pins.Entry::clientCertRequested).orElse(null);
    ProbeRules.ClientCert rule =
        rules
            .rule(r.sni())
            .map(ProbeRules.NameRule::clientCert)
            .orElse(ProbeRules.ClientCert.UNKNOWN);
    if (expectClient == null && rule != ProbeRules.ClientCert.UNKNOWN) {
      expectClient = rule == ProbeRules.ClientCert.EXPECTED;
    }
    String issuer = topIssuer(r.chain());
    data.put("issuer", issuer);
    List<String> problems = new ArrayList<>();
    String how = null;
    if (entry.isPresent() && entry.get().hasKeys()) {
      PinCheck.Verdict v = PinCheck.check(r.chain(), entry.get());
      how = v.how();
      if (!v.matches()) {
        problems.add("the chain does not verify against the pins: " + v.how());
      }
    }
    if (Boolean.TRUE.equals(expectClient) && !r.clientCertRequested()) {
      problems.add("no client certificate was requested, though the real server asks for one");
    }
    if (Boolean.TRUE.equals(expectClient)
        && r.clientCertRequested()
        && entry.isPresent()
        && !entry.get().clientIssuers().isEmpty()
        && !entry.get().clientIssuers().equals(r.acceptedIssuers())) {
      problems.add(
          "the accepted client-certificate issuers changed to "
              + r.acceptedIssuers()
              + " from the pinned "
              + entry.get().clientIssuers());
    }
    String file = entry.isPresent() ? pins.file() : rules.file();
    int line =
        entry
            .map(Pins.Entry::line)
            .orElse(rules.rule(r.sni()).map(ProbeRules.NameRule::line).orElse(0));
    String rule0 = entry.isPresent() ? "pins: " + entry.get().name() : "names: " + r.sni();
    if (!problems.isEmpty()) {
      return Findings.evidence(
          Status.FAIL,
          file,
          line,
          rule0,
          head
              + ": TLS interception, issued"
              + " by "
              + issuer
              + ": "
              + String.join("; ", problems),
          dest,
          data);
    }
    if (how == null) {
      return Findings.evidence(
          Status.INDETERMINATE,
          file,
          line,
          rule0,
          head
              + ": no pins for "
              + r.sni()
              + ", so the chain issued by "
              + issuer
              + " cannot be judged (learn them with"
              + " --learn-pins on a known-good network, or give the vendor's CA in the pins file)",
          dest,
          data);
    }
    return Findings.evidence(
        Status.PASS,
        file,
        line,
        rule0,
        head
            + ": the chain verifies ("
            + how
            + ")"
            + (r.clientCertRequested() ? "; a client certificate is requested" : ""),
        dest,
        data);
  }
}
