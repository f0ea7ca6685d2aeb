package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.hosts.HostChecks;
import dev.zpaaudit.checks.hosts.HostRules;
import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.inventory.InventoryReader;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audit firewall exports against the ZPA connector's network requirements:",
      "  zen-egress  (R8, R12) every published range allowed from every connector on TCP 443",
      "  zen-return  (R8)      the replies let back in",
      "  dns-egress  (R16)     UDP and TCP 53 to each --resolver, both ways",
      "and, with --hosts, the connector hosts and sizing (R1-R7, R9-R11)."
    },
    footer = {
      "",
      "Examples:",
      "  zpa-audit audit --config host.rules --connector 10.1.2.3",
      "  zpa-audit audit --config host.rules,host.rules6 --ranges zpa.json \\",
      "      --connector 10.1.2.3 --connector 2001:db8::3",
      "  zpa-audit audit --config gw.rules --chain FORWARD --in-interface eth1 --out-interface eth0 \\",
      "      --connector 10.1.0.0/24 --resolver 10.1.0.53 --format json",
      "",
      "Exit codes: 0 all pass; 1 a check fails or is indeterminate at or above --fail-on;",
      "2 usage error or unreadable input (nothing is written); 4 internal error or out of memory."
    })
final class AuditCommand implements Callable<Integer> {
  @Mixin NetworkOptions net;

  @Mixin RangesOption rangesOption = new RangesOption();

  @Option(
      names = "--resolver",
      paramLabel = "IP",
      description = "A DNS resolver the connectors use (repeatable); enables dns-egress.")
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

  @Mixin ReportOptions report;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    report.validate();
    Placement placement = net.placement();
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
    PublishedRanges ranges = rangesOption.load();
    List<NetworkOptions.Config> configs = net.readConfigs();
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
                fw.source(), fw.format(), i + 1, fw.families().stream().sorted().toList()));
      }
    }
    InventoryReader.Result inventory = null;
    HostRules rules = null;
    if (hosts != null) {
      inventory = InventoryReader.read(hosts);
      rules = hostRules.load();
      diags.addAll(inventory.diagnostics());
      inputs.add(new Report.Input(hosts.toString(), "inventory"));
    }
    List<CheckResult> checks = new ArrayList<>();
    Map<String, String> ctx = new LinkedHashMap<>();
    if (!devices.isEmpty()) {
      checks.addAll(new NetworkChecks(devices, ranges, placement).run(res));
      ctx.put("placement", placement.describe());
      ctx.put(
          "connectors",
          placement.connectors().isEmpty()
              ? "any source address"
              : String.join(", ", placement.connectors().stream().map(IpSet::toString).toList()));
      ctx.put("source ports", placement.ephemeral().toString());
    }
    if (inventory != null) {
      checks.addAll(HostChecks.run(inventory.inventory(), rules));
    }
    Report r =
        new Report(
            "audit",
            new Report.RangeInfo(ranges.source(), ranges.date(), ranges.entries().size()),
            inputs,
            ctx,
            checks,
            diags);
    return report.emit(r, spec.commandLine().getOut());
  }
}
