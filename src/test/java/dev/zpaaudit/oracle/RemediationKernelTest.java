package dev.zpaaudit.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.ingest.Formats;
import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.PublishedRanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remediation zpa-audit writes, applied by the firewall's own tool in a network namespace:
 * afterwards the audit of the exported ruleset passes, and the kernel delivers the connections to
 * the ranges that were denied (and did not before).
 */
class RemediationKernelTest {
  static final String RULES = "sample-configs/iptables/gateway-shadowed.rules";
  static final String CONNECTOR = "10.1.0.0/24";

  @TempDir Path dir;

  private static Placement gateway() {
    return new Placement(
        Point.FORWARDED,
        "eth1",
        "eth0",
        List.of(IpSet.parse(CONNECTOR)),
        PortSet.range(1024, 65535));
  }

  private static NetworkChecks audit(Firewall fw) {
    PublishedRanges ranges = RangesReader.embedded();
    return new NetworkChecks(List.of(Device.of(fw)), ranges, gateway());
  }

  private Firewall read(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return new Formats(Ipsets.NONE).read(f).firewall();
  }

  private static CheckResult zenEgress(NetworkChecks nc) {
    return nc.run(List.of()).stream().filter(c -> c.id().equals("zen-egress")).findFirst().get();
  }

  /** A connection from a connector to the first address of each block the fix names. */
  private static List<Flow> flowsTo(List<String> blocks) {
    List<Flow> out = new ArrayList<>();
    for (String b : blocks) {
      String first = IpSet.parse(b).first().orElseThrow().getHostAddress();
      out.add(
          Flow.tcp("10.1.0.5", 40000, first, 443).withHook(Flow.Hook.FORWARD).via("eth1", "eth0"));
    }
    return out;
  }

  @Test
  void theIptablesFixMakesTheAuditPassAndTheKernelDeliver() throws Exception {
    assumeTrue(KernelLab.unavailableReason().isEmpty(), () -> KernelLab.unavailableReason().get());
    String rules = Files.readString(Path.of(RULES));
    NetworkChecks before = audit(read("before.rules", rules));
    assertThat(zenEgress(before).status()).isEqualTo(Status.FAIL);
    List<NetworkChecks.Fix> fixes = before.egressFixes();
    assertThat(fixes).hasSize(1);
    List<String> blocks = fixes.get(0).allowance().destinations();
    List<String> commands = Formats.fix(fixes.get(0).export(), fixes.get(0).allowance());
    assertThat(commands)
        .isNotEmpty()
        .allMatch(c -> c.startsWith("iptables -t filter -I FORWARD 1 "));
    try (KernelLab lab = new KernelLab()) {
      lab.loadIptablesSave(rules);
      Map<Flow, Verdict> denied = lab.run(flowsTo(blocks));
      assertThat(denied.values()).containsOnly(Verdict.DROPPED);
      for (String c : commands) {
        lab.inRulesetHost(Arrays.asList(c.split(" ")));
      }
      Map<Flow, Verdict> after = lab.run(flowsTo(blocks));
      assertThat(after.values()).containsOnly(Verdict.DELIVERED);
      String saved = lab.inRulesetHost(List.of("iptables-save"));
      NetworkChecks again = audit(read("after.rules", saved));
      CheckResult r = zenEgress(again);
      assertThat(r.status()).as(r.summary()).isEqualTo(Status.PASS);
      assertThat(again.egressFixes()).isEmpty();
    }
  }

  @Test
  void theNftFixMakesTheAuditPassAndTheKernelDeliver() throws Exception {
    assumeTrue(KernelLab.unavailableReason().isEmpty(), () -> KernelLab.unavailableReason().get());
    String missing = NftTranslation.missing(4);
    assumeTrue(missing == null, () -> missing);
    String script = NftTranslation.of(Files.readString(Path.of(RULES)), 4).script();
    NetworkChecks before = audit(read("before.json", NftJsonExport.of(script)));
    assertThat(zenEgress(before).status()).isEqualTo(Status.FAIL);
    List<NetworkChecks.Fix> fixes = before.egressFixes();
    assertThat(fixes).isNotEmpty();
    try (KernelLab lab = new KernelLab()) {
      lab.loadNft(script);
      List<String> blocks = new ArrayList<>();
      for (NetworkChecks.Fix f : fixes) {
        blocks.addAll(f.allowance().destinations());
        for (String c : Formats.fix(f.export(), f.allowance())) {
          assertThat(c).startsWith("nft insert rule ");
          lab.inRulesetHost(Arrays.asList(c.split(" ")));
        }
      }
      assertThat(lab.run(flowsTo(blocks)).values()).containsOnly(Verdict.DELIVERED);
      List<String> tables = new ArrayList<>();
      for (String line : script.lines().toList()) {
        if (line.startsWith("add table ")) {
          tables.add(line.substring("add table ".length()).trim());
        }
      }
      NetworkChecks again = audit(read("after.json", export(lab, tables)));
      CheckResult r = zenEgress(again);
      assertThat(r.status()).as(r.summary()).isEqualTo(Status.PASS);
    }
  }

  /** The JSON export of the translated tables only (the lab has a table of its own). */
  private static String export(KernelLab lab, List<String> tables) {
    StringBuilder items = new StringBuilder();
    for (String t : tables) {
      List<String> cmd = new ArrayList<>(List.of("nft", "-j", "list", "table"));
      cmd.addAll(Arrays.asList(t.split(" ")));
      String json = lab.inRulesetHost(cmd).trim();
      String body = json.substring(json.indexOf('[') + 1, json.lastIndexOf(']'));
      if (items.length() > 0) {
        // Every export starts with its metainfo object: keep the first only.
        body = body.substring(body.indexOf("}}") + 3);
      }
      items.append(items.length() > 0 && !body.isBlank() ? "," : "").append(body);
    }
    return "{\"nftables\": [" + items + "]}";
  }
}
