package dev.zpaaudit.probe;

import dev.zpaaudit.probe.ProbeRules.NameRule;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a probe plan would contact, worked out without sending anything: the DNS names and the
 * resolvers asked, the sampled TCP endpoints, the TLS names, the NTP servers and the proxy.
 * Addresses the names resolve to are not known until DNS answers, so they are described, not
 * listed.
 *
 * @param proxy the explicit proxy as given (not resolved), or null for direct connections
 * @param systemResolvers whether the resolvers are the system's rather than given
 */
public record ProbeTargets(ProbePlan plan, Endpoint proxy, boolean systemResolvers) {

  /** The sampled TCP endpoints, exactly as a run would probe them. */
  public List<Target> sampled() {
    if (plan.ranges() == null) {
      return List.of();
    }
    ProbeRules.Tcp t = plan.rules().tcp();
    return Sampler.sample(plan.ranges(), t.samplePerRange(), t.maxSample(), plan.port());
  }

  /** The listing for people, one target a line under a heading per kind of probe. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    lines.add("zpa-audit probe --dry-run: nothing was sent; a run would contact:");
    dns(lines);
    tcp(lines);
    tls(lines);
    ntp(lines);
    connection(lines);
    return String.join("\n", lines) + "\n";
  }

  private void dns(List<String> lines) {
    ProbeRules r = plan.rules();
    lines.add(
        "dns: "
            + String.join(" and ", r.dns().recordTypes())
            + " records of each name below, asked of each resolver below over UDP"
            + " (and TCP after a truncated answer)");
    if (plan.resolvers().isEmpty()) {
      lines.add(
          "  no resolver: the system lists none and no --resolver was given"
              + " (a run would stop with exit code 3)");
    }
    for (InetSocketAddress a : plan.resolvers()) {
      lines.add("  resolver " + Endpoint.format(a) + (systemResolvers ? " (system)" : ""));
    }
    for (NameRule n : r.names()) {
      lines.add("  name " + n.name() + (n.purpose().isEmpty() ? "" : ": " + n.purpose()));
    }
  }

  private void tcp(List<String> lines) {
    List<Target> sample = sampled();
    String from = plan.ranges() == null ? "" : " (" + plan.ranges().source() + ")";
    lines.add(
        "tcp: port "
            + plan.port()
            + " of every address the names resolve to, and "
            + (sample.isEmpty()
                ? "no address sampled from the published ranges" + from
                : "these addresses sampled from the published ranges" + from + ":"));
    for (Target t : sample) {
      lines.add("  " + t.label());
    }
  }

  private void tls(List<String> lines) {
    lines.add(
        "tls: a handshake with SNI on port "
            + plan.port()
            + " to up to "
            + plan.rules().tls().maxAddressesPerName()
            + " of the addresses each name below resolves to");
    plan.rules().names().stream()
        .filter(NameRule::tls)
        .forEach(n -> lines.add("  name " + n.name()));
  }

  private void ntp(List<String> lines) {
    if (plan.ntpServers().isEmpty()) {
      lines.add("ntp: none (no --ntp-server, and the rule pack lists none)");
      return;
    }
    lines.add(
        "ntp: an SNTP request over UDP to each server below (a name is first asked of the"
            + " resolvers)");
    plan.ntpServers().forEach(e -> lines.add("  server " + e));
  }

  private void connection(List<String> lines) {
    if (proxy == null) {
      lines.add("connection: direct");
      return;
    }
    lines.add(
        "connection: the TCP and TLS probes go through the HTTP CONNECT proxy "
            + proxy
            + "; DNS and NTP do not");
    lines.add(
        "  "
            + (proxy.isLiteral() ? "" : "its name is first resolved by the system; ")
            + "a run first opens one connection to it to check that it answers");
  }
}
