package dev.zpaaudit.probe;

import dev.zpaaudit.probe.ProbeRules.NameRule;
import dev.zpaaudit.probe.ProbeRunner.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs a probe plan: DNS first (its answers are the TCP and TLS targets), then TCP to the resolved
 * and sampled addresses, TLS to the resolved addresses with SNI, and NTP. The socket factory and
 * the clock are injected, so tests point every probe at loopback servers.
 */
public final class Prober {
  private final Sockets sockets;
  private final LongSupplier nanos;
  private final Progress progress;

  public Prober(Sockets sockets, LongSupplier nanos, Progress progress) {
    this.sockets = sockets;
    this.nanos = nanos;
    this.progress = progress;
  }

  /** Fails when the explicit proxy cannot be reached: all TCP and TLS probes go through it. */
  public static void checkProxy(Sockets sockets, int timeoutMs) throws ProbeFailedException {
    if (sockets instanceof HttpConnectSockets h) {
      try {
        Sockets.direct().open(h.proxy(), timeoutMs).close();
      } catch (IOException e) {
        throw new ProbeFailedException(
            "cannot reach the proxy "
                + Endpoint.format(h.proxy())
                + ": "
                + Outcomes.describe(e)
                + "; nothing was probed");
      }
    }
  }

  public ProbeResults run(ProbePlan plan) {
    ProbeRules r = plan.rules();
    try (ProbeRunner runner = new ProbeRunner(r.concurrency(), progress)) {
      DnsProbe dnsProbe = new DnsProbe(r.dns().timeoutMs(), r.dns().maxCnameDepth(), nanos);
      List<DnsResult> dns =
          runner.run(
              "dns",
              dnsTasks(plan, dnsProbe),
              (long) r.dns().timeoutMs() * 2 * (r.dns().maxCnameDepth() + 1));
      Map<String, Set<InetAddress>> resolved = resolved(dns);

      TcpProbe tcpProbe = new TcpProbe(sockets, nanos, r.tcp().timeoutMs());
      List<Task<TcpResult>> tcpTasks = new ArrayList<>();
      for (Target t : tcpTargets(plan, resolved)) {
        tcpTasks.add(
            new Task<>(
                () -> tcpProbe.connect(t),
                () ->
                    new TcpResult(
                        t,
                        TcpResult.Outcome.TIMEOUT,
                        (long) r.tcp().timeoutMs() * 1000,
                        "probe overran")));
      }
      List<TcpResult> tcp = runner.run("tcp", tcpTasks, 2L * r.tcp().timeoutMs());

      TlsProbe tlsProbe = new TlsProbe(sockets, nanos, r.tls().timeoutMs());
      List<Task<TlsResult>> tlsTasks = new ArrayList<>();
      for (NameRule n : r.names()) {
        if (!n.tls()) {
          continue;
        }
        resolved.getOrDefault(n.name(), Set.of()).stream()
            .limit(r.tls().maxAddressesPerName())
            .map(a -> Target.resolved(n.name(), a, plan.port()))
            .forEach(
                t ->
                    tlsTasks.add(
                        new Task<>(
                            () -> tlsProbe.handshake(t, n.name()),
                            () ->
                                new TlsResult(
                                    t,
                                    n.name(),
                                    TlsResult.Handshake.FAILED,
                                    List.of(),
                                    false,
                                    List.of(),
                                    null,
                                    0,
                                    "probe overran"))));
      }
      List<TlsResult> tls = runner.run("tls", tlsTasks, 3L * r.tls().timeoutMs());

      NtpProbe ntpProbe = new NtpProbe(r.ntp().timeoutMs());
      List<Task<NtpResult>> ntpTasks = new ArrayList<>();
      for (Endpoint e : plan.ntpServers()) {
        ntpTasks.add(
            new Task<>(
                () -> ntp(e, ntpProbe, dnsProbe, plan),
                () ->
                    new NtpResult(
                        e.toString(), NtpResult.Outcome.TIMEOUT, 0, 0, 0, "probe overran")));
      }
      List<NtpResult> ntp =
          runner.run("ntp", ntpTasks, 2L * r.ntp().timeoutMs() + 2L * r.dns().timeoutMs());
      return new ProbeResults(dns, tcp, tls, ntp);
    }
  }

  private static List<Task<DnsResult>> dnsTasks(ProbePlan plan, DnsProbe probe) {
    List<Task<DnsResult>> tasks = new ArrayList<>();
    for (NameRule n : plan.rules().names()) {
      for (String type : plan.rules().dns().recordTypes()) {
        for (InetSocketAddress resolver : plan.resolvers()) {
          tasks.add(
              new Task<>(
                  () -> probe.lookup(n.name(), type, resolver),
                  () ->
                      new DnsResult(
                          n.name(),
                          type,
                          Endpoint.format(resolver),
                          DnsResult.Outcome.TIMEOUT,
                          List.of(n.name()),
                          List.of(),
                          false,
                          DnsResult.Dnssec.UNKNOWN,
                          0,
                          "probe overran")));
        }
      }
    }
    return tasks;
  }

  /** Each name's answered addresses, in answer order, without repeats. */
  static Map<String, Set<InetAddress>> resolved(List<DnsResult> dns) {
    Map<String, Set<InetAddress>> out = new LinkedHashMap<>();
    for (DnsResult d : dns) {
      out.computeIfAbsent(d.name(), k -> new LinkedHashSet<>()).addAll(d.addresses());
    }
    return out;
  }

  private static List<Target> tcpTargets(ProbePlan plan, Map<String, Set<InetAddress>> resolved) {
    Map<InetAddress, Target> targets = new LinkedHashMap<>();
    resolved.forEach(
        (name, addresses) ->
            addresses.forEach(a -> targets.putIfAbsent(a, Target.resolved(name, a, plan.port()))));
    if (plan.ranges() != null) {
      ProbeRules.Tcp t = plan.rules().tcp();
      int port = plan.port();
      for (Target s : Sampler.sample(plan.ranges(), t.samplePerRange(), t.maxSample(), port)) {
        targets.putIfAbsent(s.address(), s);
      }
    }
    return List.copyOf(targets.values());
  }

  private NtpResult ntp(Endpoint e, NtpProbe probe, DnsProbe dns, ProbePlan plan) {
    InetSocketAddress server;
    try {
      server = e.isLiteral() ? e.resolve() : resolveByDns(e, dns, plan);
    } catch (IOException x) {
      return new NtpResult(e.toString(), NtpResult.Outcome.ERROR, 0, 0, 0, Outcomes.describe(x));
    }
    return probe.measure(e.toString(), server);
  }

  private static InetSocketAddress resolveByDns(Endpoint e, DnsProbe dns, ProbePlan plan)
      throws IOException {
    for (InetSocketAddress resolver : plan.resolvers()) {
      DnsResult d = dns.lookup(e.host(), "A", resolver);
      if (!d.addresses().isEmpty()) {
        return new InetSocketAddress(d.addresses().get(0), e.port());
      }
    }
    throw new IOException("cannot resolve the NTP server " + e.host());
  }
}
