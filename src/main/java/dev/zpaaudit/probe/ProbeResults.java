package dev.zpaaudit.probe;

import java.util.List;

/** Everything one probe run measured, in a stable order. */
public record ProbeResults(
    List<DnsResult> dns, List<TcpResult> tcp, List<TlsResult> tls, List<NtpResult> ntp) {
  public ProbeResults {
    dns = List.copyOf(dns);
    tcp = List.copyOf(tcp);
    tls = List.copyOf(tls);
    ntp = List.copyOf(ntp);
  }

  /**
   * Whether any probe got as far as the network: a DNS response, a TCP outcome other than a local
   * error (silence until the timeout counts: it is what a dropping firewall does), or an NTP reply.
   * When none did, the probe could not run at all.
   */
  public boolean anyMeasured() {
    return dns.stream().anyMatch(d -> d.outcome() != DnsResult.Outcome.ERROR)
        || tcp.stream().anyMatch(TcpResult::measured)
        || ntp.stream().anyMatch(n -> n.outcome() != NtpResult.Outcome.ERROR);
  }
}
