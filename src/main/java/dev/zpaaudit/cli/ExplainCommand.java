package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.Evaluator;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Trace;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.ingest.Protocols;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.CtState;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Hook;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.TcpFlags;
import dev.zpaaudit.report.JsonReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show one flow's verdict and every rule on its path.",
      "The flow is one packet of a connection from --src to --dst: its first packet,",
      "a later one, or the server's reply (--state)."
    },
    footer = {
      "",
      "Example:",
      "  zpa-audit explain --config sample-configs/iptables/gateway-shadowed.rules \\",
      "      --chain FORWARD --in-interface eth1 --out-interface eth0 \\",
      "      --src 10.1.0.5 --dst 58.220.95.10 --proto tcp --dport 443",
      "",
      "Exit codes: 0 allowed; 1 denied or indeterminate; 2 usage error or unreadable",
      "input; 4 internal error."
    })
final class ExplainCommand implements Callable<Integer> {
  @Mixin NetworkOptions net;

  @Mixin RangesOption rangesOption = new RangesOption();

  @Option(names = "--src", required = true, paramLabel = "IP", description = "Source address.")
  String src;

  @Option(names = "--dst", required = true, paramLabel = "IP", description = "Destination address.")
  String dst;

  @Option(
      names = "--proto",
      defaultValue = "tcp",
      paramLabel = "PROTO",
      description = "tcp, udp, icmp or a protocol number (default: ${DEFAULT-VALUE}).")
  String proto;

  @Option(
      names = "--sport",
      paramLabel = "PORT",
      description = "Source port (default: any of --source-ports).")
  Integer sport;

  @Option(
      names = "--dport",
      defaultValue = "443",
      paramLabel = "PORT",
      description = "Destination port (default: ${DEFAULT-VALUE}).")
  int dport;

  @Option(
      names = "--state",
      defaultValue = "new",
      paramLabel = "STATE",
      description =
          "new (the first packet), established (a later one) or reply (the server's answer)"
              + " (default: ${DEFAULT-VALUE}).")
  String state;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json");
    }
    if (net.configs.isEmpty()) {
      throw new UsageException("give at least one --config FILE");
    }
    if (sport != null) {
      OptionScope.refuse(
          spec, List.of("--source-ports"), "without --sport, which names the one source port");
    }
    Placement pl = net.placement();
    if (!pl.host()) {
      // On a host, --connector names its own addresses; on a gateway it would name sources, and
      // the one source of this flow is --src.
      OptionScope.refuse(
          spec,
          List.of("--connector"),
          "to a host (--chain OUTPUT or INPUT): the flow's source is --src");
    }
    IpSet s = addr(src, "--src");
    IpSet d = addr(dst, "--dst");
    if (s.family() != d.family()) {
      throw new UsageException("--src and --dst are of different address families");
    }
    OptionalInt p = Protocols.protocol(proto);
    if (p.isEmpty()) {
      throw new UsageException("unknown protocol '" + proto + "'");
    }
    String st = state.toLowerCase(Locale.ROOT);
    if (!List.of("new", "established", "reply").contains(st)) {
      throw new UsageException("--state must be new, established or reply");
    }
    if (dport < 0 || dport > 65535 || (sport != null && (sport < 0 || sport > 65535))) {
      throw new UsageException("ports must be 0-65535");
    }
    List<Device> devices = net.readConfigs().stream().map(NetworkOptions.Config::device).toList();
    // The same address facts as audit: published ranges are known unicast destinations.
    IpSet published = rangesOption.load().union(s.family());
    PrintWriter out = spec.commandLine().getOut();
    IfaceDomain dom = pl.domain(devices.stream().flatMap(x -> x.exports().stream()).toList());
    boolean reply = st.equals("reply");
    Bits[] ifs = reply ? pl.returnIfaces(dom) : pl.egressIfaces(dom);
    List<Hook> path = reply ? pl.returnPath() : pl.egressPath();
    if (!reply && pl.chain() == Hook.INPUT) {
      path = List.of(Hook.PREROUTING, Hook.INPUT);
      ifs = pl.returnIfaces(dom);
    }
    Cube c =
        Cube.all(s.family(), dom)
            .withSrc(s)
            .withDst(d)
            .withProto(Bits.of(256, p.getAsInt()))
            .withSport(sport == null ? pl.ephemeral() : PortSet.of(sport))
            .withDport(PortSet.of(dport))
            .withIif(ifs[0])
            .withOif(ifs[1]);
    boolean tcp = p.getAsInt() == 6;
    c =
        switch (st) {
          case "new" ->
              c.withCt(CtState.set(CtState.NEW)).withFlags(tcp ? TcpFlags.syn() : Bits.of(256, 0));
          case "established" ->
              c.withCt(CtState.set(CtState.ESTABLISHED_ORIGINAL))
                  .withFlags(tcp ? TcpFlags.established() : Bits.of(256, 0));
          default ->
              c.withCt(CtState.set(CtState.ESTABLISHED_REPLY))
                  .withFlags(
                      tcp ? TcpFlags.synAck().union(TcpFlags.established()) : Bits.of(256, 0));
        };
    Verdict overall = Verdict.ALLOW;
    List<Map<String, Object>> results = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Device dev : devices) {
      Optional<Firewall> fw = dev.exportFor(s.family());
      List<Outcome> outcomes =
          fw.isEmpty()
              ? Evaluator.unjudged(List.of(c), dev.noRulesFor(s.family()))
              : reply
                  ? new Evaluator(fw.get(), s.family(), dom, pl.facts(s.family(), published))
                      .evaluateReplies(
                          List.of(c), path, pl.egressPath(), pl.egressAddress(s.family()))
                  : new Evaluator(fw.get(), s.family(), dom, pl.facts(s.family(), published))
                      .evaluate(List.of(c), path);
      String judge = fw.map(Firewall::source).orElse(null);
      for (Outcome o : outcomes) {
        overall = worse(overall, o.verdict());
        results.add(json(dev, judge, o));
        describe(text, dev, judge, s.family(), o);
      }
    }
    if (format.equals("json")) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("schema", "zpa-audit/explain/v1");
      root.put(
          "flow",
          Map.of(
              "src",
              src,
              "dst",
              dst,
              "proto",
              proto,
              "dport",
              dport,
              "sport",
              sport == null ? pl.ephemeral().toString() : sport.toString(),
              "state",
              st));
      root.put("placement", pl.describe());
      root.put("verdict", overall.label());
      root.put("results", results);
      out.print(JsonReport.write(root));
    } else {
      out.print("verdict: " + overall.label() + "\nplacement: " + pl.describe() + "\n" + text);
    }
    out.flush();
    return overall == Verdict.ALLOW ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
  }

  private static Verdict worse(Verdict a, Verdict b) {
    if (a == Verdict.DENY || b == Verdict.DENY) {
      return Verdict.DENY;
    }
    return a == Verdict.INDETERMINATE || b == Verdict.INDETERMINATE
        ? Verdict.INDETERMINATE
        : Verdict.ALLOW;
  }

  private static IpSet addr(String v, String opt) {
    return IpSet.tryParse(v)
        .filter(x -> x.size().equals(java.math.BigInteger.ONE))
        .orElseThrow(() -> new UsageException(opt + " '" + v + "' is not a single IP address"));
  }

  /**
   * One device's outcome. The header names the export that judged the flow; for a device of several
   * exports, also the device.
   */
  private static void describe(StringBuilder sb, Device dev, String judge, int family, Outcome o) {
    sb.append('\n');
    if (dev.exports().size() == 1) {
      sb.append(dev.name());
    } else if (judge == null) {
      sb.append(dev.name()).append(" (no IPv").append(family).append(" export)");
    } else {
      sb.append(judge)
          .append(" (the IPv")
          .append(family)
          .append(" export of ")
          .append(dev.name())
          .append(')');
    }
    sb.append(": ").append(o.verdict().label());
    if (!o.packets().sport().isAll() && o.packets().sport().ranges().size() > 0) {
      sb.append(" (source ports ").append(o.packets().sport()).append(')');
    }
    sb.append('\n');
    for (Trace.Step step : o.trace().steps()) {
      sb.append("  ")
          .append(step.rule().location())
          .append("  [")
          .append(step.stage())
          .append("] ")
          .append(step.rule().text())
          .append('\n');
    }
    if (o.trace().steps().isEmpty() && o.verdict() == Verdict.ALLOW) {
      sb.append("  no rule on the path stops these packets\n");
    }
    for (Outcome.Doubt dbt : o.doubts()) {
      sb.append("  ? ")
          .append(dbt.rule() == null ? "" : dbt.rule().location() + ": ")
          .append(dbt.reason())
          .append(" (may be ")
          .append(dbt.verdict().label())
          .append(")\n");
    }
  }

  private static Map<String, Object> json(Device dev, String judge, Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", dev.name());
    m.put("export", judge);
    m.put("verdict", o.verdict().label());
    m.put("sourcePorts", o.packets().sport().toString());
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Trace.Step step : o.trace().steps()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("file", step.rule().location().file());
      x.put("line", step.rule().location().line());
      x.put("stage", step.stage());
      x.put("chain", step.chain());
      x.put("rule", step.rule().text());
      steps.add(x);
    }
    m.put("trace", steps);
    List<Map<String, Object>> doubts = new ArrayList<>();
    for (Outcome.Doubt dbt : o.doubts()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("file", dbt.rule() == null ? null : dbt.rule().location().file());
      x.put("line", dbt.rule() == null ? null : dbt.rule().location().line());
      x.put("mayBe", dbt.verdict().label());
      x.put("reason", dbt.reason());
      doubts.add(x);
    }
    m.put("doubts", doubts);
    return m;
  }
}
