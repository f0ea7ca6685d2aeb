package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.AskedInterfaces;
import dev.zpaaudit.checks.network.FlowPackets;
import dev.zpaaudit.checks.network.FlowVerdict;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.Evaluator;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Trace;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.ingest.Protocols;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
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
    addMethodSubcommands = false,
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
          "new (the first packet), established (a later one) or reply (the server's answer,"
              + " from --dst back to --src) (default: ${DEFAULT-VALUE}).")
  String state;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The flow asked about, checked: its addresses, protocol and state. */
  private record Question(IpSet client, IpSet server, int proto, String state) {
    AddressFamily family() {
      return client.family();
    }
  }

  private Question question() {
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
    if (!FlowPackets.STATES.contains(st)) {
      throw new UsageException("--state must be new, established or reply");
    }
    if (dport < 0 || dport > 65535 || (sport != null && (sport < 0 || sport > 65535))) {
      throw new UsageException("ports must be 0-65535");
    }
    return new Question(s, d, p.getAsInt(), st);
  }

  @Override
  public Integer call() throws Exception {
    Question q = question();
    List<NetworkOptions.Config> configs = net.readConfigs(List.of(q.client()));
    List<Placement> placements =
        net.placements(configs, AuditCommand.byFamily(rangesOption.load()), List.of(q.client()));
    List<Device> devices = configs.stream().map(NetworkOptions.Config::device).toList();
    // The same address facts as audit: published ranges are known unicast destinations.
    IpSet published = rangesOption.load().union(q.family());
    List<List<Outcome>> perDevice = new ArrayList<>();
    List<AskedInterfaces> asked = new ArrayList<>();
    List<Map<String, Object>> results = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    FlowPackets first = null;
    for (int i = 0; i < devices.size(); i++) {
      Device dev = devices.get(i);
      Placement pl = placements.get(i);
      IfaceDomain dom = pl.domain(dev.exports());
      // --src and --dst name the connection; its reply travels from --dst back to --src.
      PortSet clientPorts = sport == null ? pl.ephemeral() : PortSet.of(sport);
      FlowPackets flow =
          FlowPackets.of(
              pl,
              dom,
              q.state(),
              q.proto(),
              q.client(),
              clientPorts,
              q.server(),
              PortSet.of(dport));
      first = first == null ? flow : first;
      asked.add(flow.asked());
      Optional<Firewall> fw = dev.exportFor(q.family());
      List<Outcome> outcomes =
          fw.isEmpty()
              ? Evaluator.unjudged(List.of(flow.packets()), dev.noRulesFor(q.family()))
              : pl.judge(
                  new Evaluator(fw.get(), q.family(), dom, pl.facts(q.family(), published)),
                  List.of(flow.packets()),
                  flow.path(),
                  q.state().equals("reply"),
                  q.family());
      perDevice.add(outcomes);
      String judge = fw.map(Firewall::source).orElse(null);
      for (Outcome o : outcomes) {
        String ifs = FlowVerdict.interfaces(flow.asked(), o.packets().iif(), o.packets().oif());
        results.add(json(dev, judge, o, ifs));
        describe(text, dev, judge, q.family(), o, ifs);
      }
    }
    List<String> names = devices.stream().map(Device::name).toList();
    FlowVerdict verdict = FlowVerdict.of(perDevice, first.packets().dst(), asked, names);
    String where = Placement.describeAll(placements, names);
    print(where, placements.get(0).ephemeral(), q.state(), first, verdict, results, text);
    return verdict.verdict() == Verdict.ALLOW ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
  }

  private void print(
      String where,
      PortSet ephemeral,
      String st,
      FlowPackets flow,
      FlowVerdict verdict,
      List<Map<String, Object>> results,
      StringBuilder text) {
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("schema", "zpa-audit/explain/v1");
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("src", src);
      f.put("dst", dst);
      f.put("proto", proto);
      f.put("dport", dport);
      f.put("sport", sport == null ? ephemeral.toString() : sport.toString());
      f.put("state", st);
      root.put("flow", f);
      root.put("packet", packet(flow, st));
      root.put("placement", where);
      root.put("verdict", verdict.verdict().label());
      root.put("dependsOn", verdict.dependsOn());
      root.put("results", results);
      out.print(JsonReport.write(root));
    } else {
      out.print("verdict: " + verdict.verdict().label() + "\nplacement: " + where + "\n");
      if (st.equals("reply")) {
        out.print("packet: " + packet(flow, st) + "\n");
      }
      if (verdict.dependsOn() != null) {
        out.print(verdict.dependsOn() + "\n");
      }
      out.print(text);
    }
    out.flush();
  }

  /** The packets judged: "58.220.95.10:443 -> 10.1.0.5:1024-65535 (reply)". */
  private static String packet(FlowPackets flow, String state) {
    Cube c = flow.packets();
    return address(c.src())
        + ":"
        + c.sport()
        + " -> "
        + address(c.dst())
        + ":"
        + c.dport()
        + " ("
        + state
        + ")";
  }

  private static String address(IpSet one) {
    return one.first().map(java.net.InetAddress::getHostAddress).orElse(one.toString());
  }

  private static IpSet addr(String v, String opt) {
    return IpSet.tryParse(v)
        .filter(x -> x.size().equals(java.math.BigInteger.ONE))
        .orElseThrow(() -> new UsageException(opt + " '" + v + "' is not a single IP address"));
  }

  /**
   * One device's outcome. The header names the export that judged the flow; for a device of several
   * exports, also the device; then the source ports and interfaces of these packets where they are
   * not all that were asked about.
   */
  private static void describe(
      StringBuilder sb, Device dev, String judge, AddressFamily family, Outcome o, String ifs) {
    sb.append('\n');
    if (dev.exports().size() == 1) {
      sb.append(dev.name());
    } else if (judge == null) {
      sb.append(dev.name()).append(" (no ").append(family.label()).append(" export)");
    } else {
      sb.append(judge)
          .append(" (the ")
          .append(family.label())
          .append(" export of ")
          .append(dev.name())
          .append(')');
    }
    sb.append(": ").append(o.verdict().label());
    List<String> which = new ArrayList<>();
    if (!o.packets().sport().isAll() && o.packets().sport().ranges().size() > 0) {
      which.add("source ports " + o.packets().sport());
    }
    if (!ifs.isEmpty()) {
      which.add(ifs);
    }
    if (!which.isEmpty()) {
      sb.append(" (").append(String.join(", ", which)).append(')');
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
      boolean stateful =
          dev.exportFor(family)
              .map(
                  fw ->
                      fw.attachments().stream().anyMatch(a -> a.kind() == Attachment.Kind.SESSION))
              .orElse(false);
      sb.append(
          stateful && !o.packets().session().contains(SessionState.NEW.ordinal())
              ? "  a stateful policy judges only a session's first packet; these belong to the"
                  + " session it let through\n"
              : "  no rule on the path stops these packets\n");
    }
    for (Outcome.Doubt dbt : o.doubts()) {
      sb.append("  ? ").append(dbt.describe());
      if (dbt.landsElsewhere()) {
        sb.append(" [").append(dbt.landsAt().text()).append("]\n");
      } else {
        sb.append(" (may be ").append(dbt.verdict().label()).append(")\n");
      }
    }
  }

  private static Map<String, Object> json(Device dev, String judge, Outcome o, String ifs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", dev.name());
    m.put("export", judge);
    m.put("verdict", o.verdict().label());
    m.put("sourcePorts", o.packets().sport().toString());
    m.put("interfaces", ifs.isEmpty() ? null : ifs);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Trace.Step step : o.trace().steps()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("file", step.rule().location().file());
      x.put("line", step.rule().location().line());
      x.put("stage", step.stage());
      x.put("chain", step.filter());
      x.put("rule", step.rule().text());
      steps.add(x);
    }
    m.put("trace", steps);
    List<Map<String, Object>> doubts = new ArrayList<>();
    for (Outcome.Doubt dbt : o.doubts()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("file", dbt.rule() == null ? null : dbt.rule().location().file());
      x.put("line", dbt.rule() == null ? null : dbt.rule().location().line());
      x.put("rule", dbt.rule() == null ? null : dbt.rule().text());
      x.put("mayBe", dbt.verdict().label());
      x.put("landsAt", dbt.landsAt() == null ? null : dbt.landsAt().location().toString());
      x.put("landsAtRule", dbt.landsAt() == null ? null : dbt.landsAt().text());
      x.put("reason", dbt.reason());
      doubts.add(x);
    }
    m.put("doubts", doubts);
    return m;
  }
}
