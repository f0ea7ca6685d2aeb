package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.hosts.HostChecks;
import dev.zpaaudit.checks.hosts.HostRules;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.inventory.InventoryReader;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    addMethodSubcommands = false,
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audit firewall exports and connector hosts against the ZPA prerequisites.",
      "With --config, the network checks:",
      "  zen-egress  (R8, R12)  every published range reachable on TCP 443",
      "  zen-return  (R8)       the replies let back in",
      "  dns-egress  (R16)      UDP and TCP 53 to each --resolver, both ways",
      "With --hosts, the host and sizing checks (R1-R7, R9-R11).",
      "The requirements are described in docs/requirements.md."
    },
    footer = {
      "",
      "Examples:",
      "  zpa-audit audit --config sample-configs/iptables/host-compliant.rules \\",
      "      --connector 10.0.0.10 --resolver 10.0.0.53",
      "  zpa-audit audit --config host.rules,host.rules6 --ranges zpa.json \\",
      "      --connector 10.0.0.10 --connector 2001:db8::10",
      "  zpa-audit audit --config sample-configs/iptables/gateway-shadowed.rules \\",
      "      --chain FORWARD --in-interface eth1 --out-interface eth0 \\",
      "      --connector 10.1.0.0/24 --resolver 10.0.0.53 --format json",
      "  zpa-audit audit --config sample-configs/aws/non-compliant \\",
      "      --connector 10.0.1.10 --resolver 10.0.0.2",
      "  zpa-audit audit --hosts sample-configs/hosts/inventory.yaml --profile strict",
      "",
      "Exit codes: 0 all checks pass; 1 a check fails, or is indeterminate, at or",
      "above --fail-on; 2 usage error or unreadable input (nothing is written);",
      "4 internal error or out of memory."
    })
final class AuditCommand implements Callable<Integer> {
  @Mixin NetworkOptions net;

  @Mixin RangesOption rangesOption = new RangesOption();

  @Mixin PreChangeOptions preChange = new PreChangeOptions();

  @Option(
      names = "--resolver",
      paramLabel = "IP",
      description = "A DNS resolver the connectors use; enables dns-egress. Repeatable.")
  List<String> resolvers = new ArrayList<>();

  @Option(
      names = "--hosts",
      paramLabel = "INVENTORY",
      description =
          "A connector inventory (YAML, JSON or CSV): runs the host and sizing checks"
              + " (host-memory, host-cpu, instance-type, host-disk, host-nic, sizing, host-platform,"
              + " provisioning-key, os-hardening), alone or with --config.")
  Path hosts;

  @Mixin RuleOptions hostRules;

  @Option(
      names = "--instance-types",
      paramLabel = "FILE",
      description = "A YAML table of instance types adding to the built-in one. Repeatable.")
  List<Path> instanceTypes = new ArrayList<>();

  @Mixin ReportOptions report;

  @Option(
      names = "--scope",
      paramLabel = "FILE",
      description =
          "A whole audit in YAML (configs, connectors, resolvers, ranges, output: {dir, formats},"
              + " suppressions, fail-on, ...): options given on the command line win over it.")
  Path scope;

  @Option(
      names = "--suppressions",
      paramLabel = "FILE",
      description =
          "Accepted findings (YAML: fingerprint, reason, expires): flagged in the reports, they"
              + " do not fail the run until they expire.")
  Path suppressions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Options only the network checks use. */
  private static final List<String> NETWORK_OPTIONS =
      List.of(
          "--ipset",
          "--chain",
          "--in-interface",
          "--out-interface",
          "--from-zone",
          "--to-zone",
          "--vsys",
          "--vdom",
          "--device-group",
          "--baseline-ranges",
          "--announced",
          "--connector",
          "--source-ports",
          "--egress-address",
          "--ranges",
          "--resolver");

  /** Options only the host checks use. */
  private static final List<String> HOST_OPTIONS =
      List.of("--profile", "--rules", "--instance-types");

  /** Network options without a firewall export, or host rule options without an inventory. */
  private void refuseOptionsThatDoNotApply() {
    if (net.configs.isEmpty()) {
      OptionScope.refuse(spec, NETWORK_OPTIONS, "to firewall exports: give --config FILE");
    }
    if (hosts == null) {
      OptionScope.refuse(spec, HOST_OPTIONS, "to the host checks: give --hosts INVENTORY");
    }
  }

  @Override
  public Integer call() throws Exception {
    report.validate();
    java.time.LocalDate activation = preChange.activation();
    List<IpSet> res = new ArrayList<>();
    for (String r : resolvers) {
      IpSet s =
          IpSet.tryParse(r)
              .orElseThrow(() -> new UsageException("--resolver '" + r + "' is not an IP address"));
      res.add(s);
    }
    if (net.configs.isEmpty() && hosts == null) {
      throw new UsageException(
          "nothing to audit: give at least one --config FILE or a --hosts INVENTORY");
    }
    refuseOptionsThatDoNotApply();
    Phases phases = Phases.forTerminal(spec.commandLine().getErr());
    phases.start("reading the published ranges and " + net.configs.size() + " --config");
    PublishedRanges ranges = rangesOption.load();
    List<NetworkOptions.Config> configs = net.readConfigs();
    List<Placement> placements = net.placements(configs, byFamily(ranges));
    List<Device> devices = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<Report.Input> inputs = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      devices.add(configs.get(i).device());
      for (ParseResult p : configs.get(i).exports()) {
        Firewall fw = p.firewall();
        diags.addAll(p.diagnostics());
        inputs.add(
            new Report.Input(
                fw.source(),
                fw.format(),
                i + 1,
                fw.families().stream().sorted().map(AddressFamily::version).toList()));
      }
    }
    InventoryReader.Result inventory = null;
    HostRules rules = null;
    if (hosts != null) {
      inventory = InventoryReader.read(hosts);
      rules = hostRules.load(instanceTypes);
      diags.addAll(inventory.diagnostics());
      inputs.add(new Report.Input(hosts.toString(), "inventory"));
    }
    List<CheckResult> checks = new ArrayList<>();
    Map<String, String> ctx = new LinkedHashMap<>();
    if (!devices.isEmpty()) {
      phases.start("judging " + ranges.entries().size() + " published ranges");
      checks.addAll(
          NetworkAudit.run(
              devices,
              placements,
              ranges,
              res,
              preChange.given() ? preChange.announcedIn(ranges) : null,
              activation));
      List<String> names = devices.stream().map(Device::name).toList();
      ctx.put("placement", Placement.describeAll(placements, names));
      for (int i = 0; i < placements.size(); i++) {
        for (String how : placements.get(i).inferred()) {
          int colon = how.indexOf(": ");
          String key = how.substring(0, colon);
          ctx.put(placements.size() > 1 ? names.get(i) + " " + key : key, how.substring(colon + 2));
        }
      }
      Placement placement = placements.get(0);
      ctx.put(
          "connectors",
          placement.connectors().isEmpty()
              ? "any source address"
              : String.join(", ", placement.connectors().stream().map(IpSet::toString).toList()));
      ctx.put("source ports", placement.ephemeral().toString());
      if (!placement.egressAddresses().isEmpty()) {
        ctx.put(
            "egress address",
            String.join(", ", placement.egressAddresses().stream().map(IpSet::toString).toList()));
      }
    }
    if (inventory != null) {
      checks.addAll(HostChecks.run(inventory.inventory(), rules));
    }
    phases.end();
    Report r = new Report("audit", Report.RangeInfo.of(ranges), inputs, ctx, checks, diags);
    if (suppressions != null) {
      r = Suppressions.apply(r, Suppressions.read(suppressions), LocalDate.now());
    }
    return report.emit(r, spec.commandLine().getOut(), phases);
  }

  /** The published ranges of each family, for inferring where a zoned firewall routes them. */
  static Map<AddressFamily, IpSet> byFamily(PublishedRanges ranges) {
    Map<AddressFamily, IpSet> m = new java.util.TreeMap<>();
    for (AddressFamily fam : AddressFamily.values()) {
      if (!ranges.family(fam).isEmpty()) {
        m.put(fam, ranges.union(fam));
      }
    }
    return m;
  }
}
