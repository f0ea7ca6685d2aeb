package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.probe.DnsCheck;
import dev.zpaaudit.checks.probe.NtpCheck;
import dev.zpaaudit.checks.probe.TcpCheck;
import dev.zpaaudit.checks.probe.TlsCheck;
import dev.zpaaudit.checks.probe.TlsLearn;
import dev.zpaaudit.model.AddressFamily;
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
import dev.zpaaudit.probe.ProbeTargets;
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
    addMethodSubcommands = false,
    name = "probe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Probe the network from where a connector stands.",
      "DNS of the ZPA names (answers inside the published ranges), TCP to the resolved",
      "and sampled addresses, TLS chains against pins (interception), and the clock",
      "against NTP servers. Without options it asks the system's resolvers for the",
      "rule pack's names and samples the embedded ranges; --dry-run lists every",
      "target and sends nothing. See docs/probe.md."
    },
    footer = {
      "",
      "Examples:",
      "  zpa-audit probe --dry-run",
      "  zpa-audit probe --ntp-server ntp.example.net --learn-pins pins.yaml",
      "  zpa-audit probe --ntp-server ntp.example.net --pins pins.yaml",
      "  zpa-audit probe --pins pins.yaml --proxy proxy.example.net:8080 \\",
      "      --format json --output out/",
      "",
      "Exit codes: 0 all checks pass; 1 a check fails, or is indeterminate, at or",
      "above --fail-on; 2 usage error or unreadable input; 3 the probe could not run",
      "at all (no resolver, the proxy unreachable, or no probe reached the network);",
      "4 internal error."
    })
final class ProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dry-run",
      description =
          "List every target a run would contact (DNS names and resolvers, TCP and TLS"
              + " endpoints, NTP servers, the proxy) and send nothing. Accepts every other"
              + " option, so it can be added to any probe command line; no report is written.")
  boolean dryRun;

  @Option(
      names = "--resolver",
      paramLabel = "IP[:PORT]",
      description =
          "Ask this resolver instead of the system's. Repeatable (default: the system's).")
  List<String> resolvers = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Probe this name. Repeatable (default: the rule pack's names).")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "TCP port of the TCP and TLS probes (default: the rule pack's, 443 in the embedded"
              + " one).")
  Integer port;

  @Option(names = "--pins", paramLabel = "FILE", description = "TLS pins to verify against.")
  Path pinsFile;

  @Option(
      names = "--learn-pins",
      paramLabel = "FILE",
      description = "Learn TLS pins into FILE instead of verifying, on a known-good network.")
  Path learnPins;

  @Option(
      names = "--proxy",
      paramLabel = "HOST[:PORT]",
      description =
          "Make the TCP and TLS probes through this HTTP proxy with CONNECT; PORT is 3128"
              + " when not given.")
  String proxy;

  @Option(
      names = "--ntp-server",
      paramLabel = "HOST[:PORT]",
      description =
          "Measure the clock offset against this NTP server. Repeatable (default: the rule"
              + " pack's servers, none in the embedded one).")
  List<String> ntpServers = new ArrayList<>();

  @Mixin RangesOption rangesOption = new RangesOption();

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "A probe rule pack (default: the embedded rules/probe.yaml).")
  Path rulesFile;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description =
          "Addresses probed per published block, 0 for none (default: the rule pack's, 1 in"
              + " the embedded one).")
  Integer sample;

  @Option(
      names = "--max-sample",
      paramLabel = "N",
      description =
          "Most sampled addresses in all (default: the rule pack's, 64 in the embedded one).")
  Integer maxSample;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      description =
          "Timeout of each probe in milliseconds (default: the rule pack's; in the embedded"
              + " one 3000, and 5000 for TLS).")
  Integer timeoutMs;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Probes run at once (default: the rule pack's, 8 in the embedded one).")
  Integer concurrency;

  @Mixin ReportOptions report = new ReportOptions();

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
            published.union(AddressFamily.IPV4),
            published.union(AddressFamily.IPV6),
            published.source(),
            published.entries().size());
    Pins pins = pinsFile == null ? null : PinsFile.read(pinsFile);
    ProbePlan plan = plan(rules, ranges);
    int thePort = plan.port();
    List<InetSocketAddress> dns = plan.resolvers();
    Endpoint proxyAt = proxy == null ? null : endpoint(proxy, 3128);
    if (dryRun) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(new ProbeTargets(plan, proxyAt, resolvers.isEmpty()).describe());
      out.flush();
      return ExitCodes.CLEAN;
    }
    Sockets sockets = proxyAt == null ? Sockets.direct() : proxySockets(proxyAt);
    if (dns.isEmpty()) {
      throw new ProbeFailedException(
          "no DNS resolver: the system lists none and no --resolver"
              + " was given; nothing was probed");
    }
    Prober.checkProxy(sockets, rules.tcp().timeoutMs());

    PrintWriter err = spec.commandLine().getErr();
    Progress progress =
        System.console() != null && !GlobalOptions.quiet() ? Progress.bar(err) : Progress.NONE;
    ProbeResults results = new Prober(sockets, System::nanoTime, progress).run(plan);

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
            Report.RangeInfo.of(published),
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

  /** What to probe; working it out sends nothing (system resolvers are read from its files). */
  private ProbePlan plan(ProbeRules rules, ZenRanges ranges) throws java.net.UnknownHostException {
    int thePort = port != null ? ProbeOverrides.range(port, 1, 65535, "--port") : rules.port();
    List<Endpoint> ntp = new ArrayList<>();
    for (String s : ntpServers.isEmpty() ? rules.ntp().servers() : ntpServers) {
      ntp.add(endpoint(s, 123));
    }
    return new ProbePlan(rules, resolvers(), ranges, thePort, ntp);
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

  /** The resolvers given, else the system's (read from its configuration, nothing sent). */
  private List<InetSocketAddress> resolvers() throws java.net.UnknownHostException {
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
