package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.probe.DnsCheck;
import dev.zpaaudit.checks.probe.NtpCheck;
import dev.zpaaudit.checks.probe.TcpCheck;
import dev.zpaaudit.checks.probe.TlsCheck;
import dev.zpaaudit.checks.probe.TlsLearn;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.probe.Endpoint;
import dev.zpaaudit.probe.HttpConnectSockets;
import dev.zpaaudit.probe.Pins;
import dev.zpaaudit.probe.PinsFile;
import dev.zpaaudit.probe.ProbeFailedException;
import dev.zpaaudit.probe.ProbePlan;
import dev.zpaaudit.probe.ProbeResults;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.ProbeRulesReader;
import dev.zpaaudit.probe.Prober;
import dev.zpaaudit.probe.Progress;
import dev.zpaaudit.probe.Sockets;
import dev.zpaaudit.probe.SystemResolvers;
import dev.zpaaudit.probe.ZenRanges;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Probe the network as a connector meets it: DNS of the ZPA names",
      "(answers inside the published ranges), TCP to the resolved and sampled",
      "addresses, TLS chains against pins (interception), and the clock",
      "against NTP servers."
    },
    footer = {
      "",
      "Exit codes: 0 all checks pass; 1 a check fails (or is indeterminate)",
      "at or above --fail-on; 2 usage error or unreadable input; 3 the probe",
      "could not run at all (no resolver, the proxy unreachable, or no probe",
      "reached the network); 4 internal error."
    })
final class ProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportOptions report = new ReportOptions();

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Probe rule pack (default: the embedded rules/probe.yaml).")
  Path rulesFile;

  @Mixin RangesOption rangesOption = new RangesOption();

  @Option(
      names = "--resolver",
      paramLabel = "IP[:PORT]",
      description = "Ask this resolver (repeatable) instead of the system's.")
  List<String> resolvers = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Probe this name (repeatable) instead of the rule pack's names.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port for the TCP and TLS probes (default: the rule pack's, 443).")
  Integer port;

  @Option(names = "--pins", paramLabel = "FILE", description = "TLS pins to verify against.")
  Path pinsFile;

  @Option(
      names = "--learn-pins",
      paramLabel = "FILE",
      description = "Learn TLS pins into FILE instead of verifying (on a known-good network).")
  Path learnPins;

  @Option(
      names = "--proxy",
      paramLabel = "HOST[:PORT]",
      description =
          "Make TCP and TLS probes through this HTTP proxy with CONNECT" + " (default port 3128).")
  String proxy;

  @Option(
      names = "--ntp-server",
      paramLabel = "HOST[:PORT]",
      description = "Measure the clock offset against this NTP server (repeatable).")
  List<String> ntpServers = new ArrayList<>();

  @Option(
      names = "--sample",
      paramLabel = "N",
      description = "Addresses probed per published block (default: the rule pack's; 0: none).")
  Integer sample;

  @Option(
      names = "--max-sample",
      paramLabel = "N",
      description = "Most sampled addresses in all (default: the rule pack's).")
  Integer maxSample;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      description = "Timeout of each probe in milliseconds (default: the rule pack's).")
  Integer timeoutMs;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Probes run at once (default: the rule pack's).")
  Integer concurrency;

  @Override
  public Integer call() throws Exception {
    report.validate();
    if (pinsFile != null && learnPins != null) {
      throw new UsageException("--pins and --learn-pins exclude each other");
    }
    if (learnPins != null) {
      Outputs.checkFile("--learn-pins", learnPins, true);
    }
    ProbeRules rules =
        ProbeOverrides.apply(
            rulesFile == null ? ProbeRulesReader.embedded() : ProbeRulesReader.read(rulesFile),
            this);
    PublishedRanges published = rangesOption.load();
    ZenRanges ranges =
        new ZenRanges(
            published.union(4), published.union(6), published.source(), published.entries().size());
    Pins pins = pinsFile == null ? null : PinsFile.read(pinsFile);
    int thePort = port != null ? ProbeOverrides.range(port, 1, 65535, "--port") : rules.port();
    List<Endpoint> ntp = new ArrayList<>();
    for (String s : ntpServers.isEmpty() ? rules.ntp().servers() : ntpServers) {
      ntp.add(endpoint(s, 123));
    }
    Sockets sockets = proxy == null ? Sockets.direct() : proxySockets(endpoint(proxy, 3128));
    List<InetSocketAddress> dns = resolvers();
    Prober.checkProxy(sockets, rules.tcp().timeoutMs());

    PrintWriter err = spec.commandLine().getErr();
    Progress progress = System.console() != null ? Progress.bar(err) : Progress.NONE;
    ProbeResults results =
        new Prober(sockets, System::nanoTime, progress)
            .run(new ProbePlan(rules, dns, ranges, thePort, ntp));

    List<CheckResult> checks = new ArrayList<>();
    checks.add(DnsCheck.check(results.dns(), ranges, rules));
    checks.add(TcpCheck.check(results.tcp(), rules, sockets.describe()));
    if (learnPins != null) {
      TlsLearn.Outcome learnt = TlsLearn.learn(results.tls(), ranges, rules, learnPins.toString());
      if (!learnt.learnt().isEmpty()) {
        PinsFile.write(learnPins, learnt.learnt());
      }
      checks.add(learnt.check());
    } else {
      checks.add(TlsCheck.check(results.tls(), pins, rules));
    }
    checks.add(NtpCheck.check(results.ntp(), rules));

    Report r =
        new Report(
            "probe",
            new Report.RangeInfo(published.source(), published.date(), published.entries().size()),
            inputs(rules),
            context(dns, sockets, thePort),
            checks,
            List.of());
    int code = emit(r);
    if (!results.anyMeasured()) {
      throw new ProbeFailedException(
          "no probe reached the network (every attempt failed with a"
              + " local error); the report above shows each");
    }
    return code;
  }

  private static Sockets proxySockets(Endpoint e) throws ProbeFailedException {
    try {
      return new HttpConnectSockets(e.resolve());
    } catch (java.net.UnknownHostException x) {
      throw new ProbeFailedException("cannot resolve the proxy " + e + "; nothing was probed");
    }
  }

  private static Endpoint endpoint(String text, int defaultPort) {
    return UsageException.parse("", () -> Endpoint.parse(text, defaultPort));
  }

  private int emit(Report r) throws java.io.IOException {
    return report.emit(r, spec.commandLine().getOut());
  }

  private List<InetSocketAddress> resolvers()
      throws ProbeFailedException, java.net.UnknownHostException {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String s : resolvers) {
      Endpoint e = endpoint(s, 53);
      if (!e.isLiteral()) {
        throw new UsageException("--resolver needs an IP address, not '" + s + "'");
      }
      out.add(e.resolve());
    }
    if (out.isEmpty()) {
      out.addAll(SystemResolvers.list());
    }
    if (out.isEmpty()) {
      throw new ProbeFailedException(
          "no DNS resolver: the system lists none and no --resolver"
              + " was given; nothing was probed");
    }
    return out;
  }

  private List<Report.Input> inputs(ProbeRules rules) {
    List<Report.Input> in = new ArrayList<>();
    in.add(new Report.Input(rules.file(), "probe rules"));
    if (rangesOption.file != null) {
      in.add(new Report.Input(rangesOption.file.toString(), "ranges"));
    }
    if (pinsFile != null) {
      in.add(new Report.Input(pinsFile.toString(), "pins"));
    }
    return in;
  }

  private Map<String, String> context(List<InetSocketAddress> dns, Sockets sockets, int p) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("mode", learnPins != null ? "learn pins into " + learnPins : "verify");
    c.put(
        "resolvers",
        String.join(", ", dns.stream().map(Endpoint::format).toList())
            + (resolvers.isEmpty() ? " (system)" : ""));
    c.put("connection", sockets.describe());
    c.put("port", Integer.toString(p));
    return c;
  }
}
