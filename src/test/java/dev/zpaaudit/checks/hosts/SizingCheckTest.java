package dev.zpaaudit.checks.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.ingest.inventory.InventoryReader;
import dev.zpaaudit.model.host.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sizing check with connectors' own measured peaks: the bounds they put on a group's peak when
 * the group states none, overloaded connectors, and figures that disagree.
 */
class SizingCheckTest {
  static HostRules rules;
  @TempDir Path tmp;
  Path file;

  @BeforeAll
  static void load() throws Exception {
    rules = HostRulesLoader.load();
  }

  /**
   * Sizes an inventory of VMware connectors; {@code groups} and {@code connectors} are YAML list
   * items.
   */
  CheckResult sizing(String groups, String... connectors) throws Exception {
    StringBuilder sb = new StringBuilder();
    if (!groups.isEmpty()) {
      sb.append("groups:\n  - ").append(groups).append('\n');
    }
    sb.append("connectors:\n");
    for (String c : connectors) {
      sb.append("  - {group: g, platform: vmware, ").append(c).append("}\n");
    }
    file = tmp.resolve("inv.yaml");
    Files.writeString(file, sb.toString());
    Inventory inv = InventoryReader.read(file).inventory();
    return SizingCheck.run(inv, rules);
  }

  static Evidence only(CheckResult r, String subject) {
    List<Evidence> e =
        r.evidence().stream()
            .filter(x -> x.sources().contains(subject) && !x.verdict().equals("warning"))
            .toList();
    assertThat(e).as(subject).hasSize(1);
    return e.get(0);
  }

  static List<Evidence> warnings(CheckResult r) {
    return r.evidence().stream().filter(x -> x.verdict().equals("warning")).toList();
  }

  String at(int line) {
    return file + ":" + line;
  }

  // Group bounds with a known double-encryption share.

  @Test
  void enoughForTheSumOfConnectorPeaksPassesAsASafeUpperBound() throws Exception {
    CheckResult r =
        sizing(
            "{name: g, doubleEncryption: 0%}",
            "name: a, peak: 300Mbps", "name: b, peak: 300Mbps", "name: c, peak: 300Mbps");
    assertThat(r.status()).isEqualTo(Status.PASS);
    Evidence g = only(r, "group g");
    assertThat(g.verdict()).isEqualTo("pass");
    assertThat(g.message())
        .isEqualTo(
            "group g: 3 connector(s); no group peak stated; from the sum of its"
                + " connectors' measured peaks, 900 Mbps, a safe upper bound on the group's simultaneous peak, at 0%"
                + " double encryption: need 3 [group peak <= sum of connector peaks: 300 Mbps (a) + 300 Mbps (b) +"
                + " 300 Mbps (c) = 900 Mbps; per connector: 500 - (500 - 250) x (0% - 0%) / (100% - 0%) = 500 Mbps"
                + " (R6 table, rules/hosts.yaml:47); for the peak: ceil(900 Mbps / 500 Mbps) = ceil(1.8) = 2;"
                + " spares (N+1): 2 + 1 = 3]");
    assertThat(g.rule()).isEqualTo("throughput.spares = 1 (rules/hosts.yaml:49)");
    assertThat(g.data())
        .containsEntry("peakFrom", "sum of connector peaks")
        .containsEntry("required", 3L)
        .containsEntry("peakLowerBoundMbps", 300.0)
        .containsEntry("peakUpperBoundMbps", 900.0)
        .containsEntry("requiredAtLowerBound", 2L)
        .containsEntry("requiredAtUpperBound", 3L)
        .containsEntry("connectorsWithPeak", 3L);
    assertThat(g.data().get("connectorPeaks"))
        .asList()
        .hasSize(3)
        .first()
        .isEqualTo(Map.of("connector", "a", "peakMbps", 300.0, "file", file.toString(), "line", 4));
    assertThat(r.summary())
        .isEqualTo(
            "all 4 connector groups and connectors have the capacity their"
                + " measured peaks need (groups with spares)");
  }

  @Test
  void betweenTheBoundsIsIndeterminateWithTheAdviceToStateTheGroupPeak() throws Exception {
    CheckResult r =
        sizing(
            "{name: g, doubleEncryption: 25%}",
            "name: a, peak: 300Mbps", "name: b, peak: 300Mbps", "name: c, peak: 300Mbps");
    assertThat(r.status()).isEqualTo(Status.INDETERMINATE);
    Evidence g = only(r, "group g");
    assertThat(g.verdict()).isEqualTo("indeterminate");
    assertThat(g.message())
        .startsWith(
            "group g: 3 connector(s); no group peak stated; its simultaneous peak"
                + " lies between 300 Mbps (largest connector peak, a) and 900 Mbps (sum of connector peaks): need 2"
                + " at 25% double encryption to 4 at 25% double encryption; state the group's measured peak for an"
                + " exact verdict [lower bound: group peak >= largest connector peak: 300 Mbps (a, "
                + at(4)
                + ");")
        .contains(
            "for the peak: ceil(300 Mbps / 437.5 Mbps) = ceil(0.686) = 1",
            "[upper bound: group peak <= sum of connector peaks: 300 Mbps (a) + 300 Mbps (b) + 300 Mbps (c)"
                + " = 900 Mbps;",
            "for the peak: ceil(900 Mbps / 437.5 Mbps) = ceil(2.057) = 3");
    assertThat(g.data())
        .containsEntry("requiredAtLowerBound", 2L)
        .containsEntry("requiredAtUpperBound", 4L)
        .doesNotContainKey("required");
    assertThat(r.summary())
        .startsWith("1 of 4 connector groups and connectors cannot be judged; group g:");
  }

  @Test
  void withoutEveryConnectorsPeakThereIsNoUpperBoundSoNoPass() throws Exception {
    CheckResult r =
        sizing("{name: g, doubleEncryption: 0%}", "name: a, peak: 10Mbps", "name: b", "name: c");
    assertThat(r.status()).isEqualTo(Status.INDETERMINATE);
    Evidence g = only(r, "group g");
    assertThat(g.message())
        .startsWith(
            "group g: 3 connector(s); no group peak stated; its simultaneous peak is"
                + " at least 10 Mbps (largest connector peak, a), but only 1 of 3 connectors state a peak, so no upper"
                + " bound is known: need at least 2 at 0% double encryption; state the group's measured peak for an"
                + " exact verdict [");
    assertThat(g.data())
        .containsEntry("connectorsWithPeak", 1L)
        .doesNotContainKey("peakUpperBoundMbps");
    assertThat(only(r, "connector a").verdict()).isEqualTo("pass");
  }

  @Test
  void tooFewEvenForTheLargestConnectorPeakFailsAtThatPeaksLine() throws Exception {
    CheckResult r = sizing("{name: g, doubleEncryption: 0%}", "name: a, peak: 200Mbps");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    Evidence g = only(r, "group g");
    assertThat(g.verdict()).isEqualTo("fail");
    assertThat(g.where()).isEqualTo(at(4));
    assertThat(g.message())
        .isEqualTo(
            "group g: 1 connector(s); no group peak stated; its peak is at least its"
                + " largest connector's, 200 Mbps (a), which alone needs 2 at 0% double encryption [group peak >="
                + " largest connector peak: 200 Mbps (a, "
                + at(4)
                + "); per connector: 500 - (500 - 250) x (0% - 0%)"
                + " / (100% - 0%) = 500 Mbps (R6 table, rules/hosts.yaml:47); for the peak: ceil(200 Mbps / 500 Mbps)"
                + " = ceil(0.4) = 1; spares (N+1): 1 + 1 = 2]: enough for that peak but no spare for failover (N+1)");
    assertThat(g.data())
        .containsEntry("peakFrom", "largest connector peak")
        .containsEntry("required", 2L);

    // The lower bound decides even when not every connector states a peak.
    r = sizing("{name: g, doubleEncryption: 0%}", "name: a, peak: 1200Mbps", "name: b");
    assertThat(only(r, "group g").message())
        .contains("which alone needs 4 at 0% double encryption")
        .endsWith(": too few for that peak");
  }

  // Group bounds with the double-encryption share unknown: 100% for a pass, 0% for a fail.

  @Test
  void unknownShareSizesTheUpperBoundAt100AndTheLowerBoundAt0() throws Exception {
    CheckResult pass =
        sizing("", "name: a, peak: 100Mbps", "name: b, peak: 100Mbps", "name: c, peak: 100Mbps");
    assertThat(pass.status()).isEqualTo(Status.PASS);
    assertThat(only(pass, "group g").message())
        .contains(
            "; double encryption not stated; from the sum of its"
                + " connectors' measured peaks, 300 Mbps, a safe upper bound on the group's simultaneous peak, at 100%"
                + " double encryption (the most it can need): need 3 [");
    assertThat(only(pass, "group g").data())
        .containsEntry("requiredAtUpperBound100Percent", 3L)
        .containsEntry("requiredAtLowerBound0Percent", 2L);

    CheckResult between =
        sizing("", "name: a, peak: 200Mbps", "name: b, peak: 200Mbps", "name: c, peak: 200Mbps");
    assertThat(between.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(only(between, "group g").message())
        .contains(
            "lies between 200 Mbps (largest connector peak, a)"
                + " and 600 Mbps (sum of connector peaks): need 2 at 0% double encryption (the least it can need) to 4"
                + " at 100% double encryption (the most it can need); state the group's measured peak and"
                + " doubleEncryption for an exact verdict");

    CheckResult fail = sizing("", "name: a, peak: 200Mbps");
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(only(fail, "group g").message())
        .contains("which alone needs 2 at 0% double encryption (the least" + " it can need)")
        .endsWith("no spare for failover (N+1)");
  }

  // One connector against its own peak.

  @Test
  void aConnectorAboveOneConnectorsCapacityIsOverloaded() throws Exception {
    CheckResult r =
        sizing(
            "{name: g, peak: 2Gbps, doubleEncryption: 25%}",
            "name: a, peak: 450Mbps, average: 200Mbps",
            "name: b, peak: 437.5Mbps",
            "name: c",
            "name: d",
            "name: e",
            "name: f");
    assertThat(only(r, "group g").verdict()).isEqualTo("pass");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    Evidence a = only(r, "connector a");
    assertThat(a.verdict()).isEqualTo("fail");
    assertThat(a.where()).isEqualTo(at(4));
    assertThat(a.rule())
        .isEqualTo("throughput.table = 0% 500 Mbps, 100% 250 Mbps, linear (rules/hosts.yaml:47)");
    assertThat(a.message())
        .isEqualTo(
            "connector a: measured peak 450 Mbps > 437.5 Mbps, one connector's capacity"
                + " at 25% double encryption (group g): overloaded; spread its load over more connectors [per connector:"
                + " 500 - (500 - 250) x (25% - 0%) / (100% - 0%) = 437.5 Mbps (R6 table, rules/hosts.yaml:47); average"
                + " 200 Mbps (for information; the peak decides)]");
    assertThat(a.data())
        .containsEntry("peakMbps", 450.0)
        .containsEntry("capacityMbps", 437.5)
        .containsEntry("averageMbps", 200.0)
        .containsEntry("group", "g");
    assertThat(only(r, "connector b").verdict()).as("exactly at capacity").isEqualTo("pass");
    assertThat(r.summary())
        .isEqualTo("1 of 3 connector groups and connectors fail; " + a.message());
    assertThat(r.evidence()).noneMatch(e -> e.sources().contains("connector c"));
  }

  @Test
  void unknownShareJudgesAConnectorAt0ForAFailAnd100ForAPass() throws Exception {
    CheckResult r =
        sizing(
            "{name: g, peak: 5Gbps}",
            "name: over, peak: 600Mbps",
            "name: between, peak: 300Mbps",
            "name: within, peak: 250Mbps");
    Evidence over = only(r, "connector over");
    assertThat(over.verdict()).isEqualTo("fail");
    assertThat(over.message())
        .startsWith(
            "connector over: measured peak 600 Mbps > 500 Mbps, one connector's"
                + " capacity even at 0% double encryption (group g states no doubleEncryption): overloaded");
    Evidence between = only(r, "connector between");
    assertThat(between.verdict()).isEqualTo("indeterminate");
    assertThat(between.message())
        .startsWith(
            "connector between: measured peak 300 Mbps is within 500 Mbps, one"
                + " connector's capacity at 0% double encryption, but above 250 Mbps at 100%; group g states no"
                + " doubleEncryption: state it for an exact verdict [per connector: 500 - (500 - 250) x (0% - 0%)");
    assertThat(between.data())
        .containsEntry("capacityAt0PercentMbps", 500.0)
        .containsEntry("capacityAt100PercentMbps", 250.0);
    assertThat(only(r, "connector within").verdict()).isEqualTo("pass");
    assertThat(only(r, "connector within").message())
        .contains("<= 250 Mbps, one connector's capacity even at" + " 100% double encryption");
  }

  // A stated group peak against its connectors' peaks.

  @Test
  void aGroupPeakBelowTheLargestConnectorPeakIsAWarning() throws Exception {
    CheckResult r =
        sizing(
            "{name: g, peak: 300Mbps, doubleEncryption: 0%}",
            "name: a, peak: 400Mbps", "name: b, peak: 100Mbps");
    assertThat(only(r, "group g").message())
        .startsWith(
            "group g: 2 connector(s) for peak 300 Mbps at 0% double" + " encryption: need 2");
    assertThat(warnings(r))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.where()).isEqualTo(at(2));
              assertThat(w.sources()).containsExactly("group g");
              assertThat(w.message())
                  .isEqualTo(
                      "group g: the figures disagree: group peak 300 Mbps ("
                          + at(2)
                          + ") is"
                          + " below connector a's own measured peak 400 Mbps ("
                          + at(4)
                          + "), but a group's simultaneous peak is"
                          + " at least its largest connector's; the group is sized from its stated peak and each connector from"
                          + " its own: check both measurements");
              assertThat(w.data())
                  .containsEntry("groupPeakMbps", 300.0)
                  .containsEntry("connectorPeakMbps", 400.0)
                  .containsEntry("connector", "a");
            });
    assertThat(r.status()).isEqualTo(Status.PASS);
  }

  @Test
  void aGroupPeakAboveTheSumOfEveryConnectorsPeakIsAWarning() throws Exception {
    CheckResult r =
        sizing(
            "{name: g, peak: 1Gbps, doubleEncryption: 0%}",
            "name: a, peak: 100Mbps", "name: b, peak: 150Mbps", "name: c, peak: 100Mbps");
    assertThat(warnings(r))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.message())
                  .isEqualTo(
                      "group g: the figures disagree: group peak 1000 Mbps ("
                          + at(2)
                          + ") is"
                          + " above the sum of its connectors' measured peaks, 100 Mbps (a) + 150 Mbps (b) + 100 Mbps (c) = 350"
                          + " Mbps, but a group's simultaneous peak is at most that sum; the group is sized from its stated peak:"
                          + " check both measurements");
              assertThat(w.data())
                  .containsEntry("groupPeakMbps", 1000.0)
                  .containsEntry("sumOfConnectorPeaksMbps", 350.0);
            });
    assertThat(r.status()).isEqualTo(Status.PASS);
  }

  @Test
  void figuresThatAgreeOrCannotBeComparedGiveNoWarning() throws Exception {
    assertThat(
            warnings(
                sizing(
                    "{name: g, peak: 400Mbps, doubleEncryption: 0%}",
                    "name: a, peak: 300Mbps", "name: b, peak: 200Mbps")))
        .isEmpty();
    // The sum is unknown while b states no peak.
    assertThat(
            warnings(
                sizing(
                    "{name: g, peak: 1Gbps, doubleEncryption: 0%}",
                    "name: a, peak: 300Mbps", "name: b", "name: c")))
        .isEmpty();
  }

  @Test
  void withNoPeakAnywhereTheGroupStaysIndeterminate() throws Exception {
    CheckResult r = sizing("{name: g, doubleEncryption: 0%}", "name: a", "name: b");
    assertThat(r.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(only(r, "group g").message())
        .isEqualTo(
            "group g: 2 connector(s); no measured peak: no measured" + " peak throughput stated");
    assertThat(r.summary()).startsWith("1 of 1 connector groups cannot be judged");
  }

  @Test
  void csvConnectorPeaksBoundTheGroupToo() throws Exception {
    Path csv = tmp.resolve("inv.csv");
    Files.writeString(
        csv,
        "name,group,platform,peak,double_encryption\n"
            + "a,g,vmware,300Mbps,0%\nb,g,vmware,300Mbps,\nc,g,vmware,300Mbps,\n");
    CheckResult r = SizingCheck.run(InventoryReader.read(csv).inventory(), rules);
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(only(r, "group g").message())
        .contains("from the sum of its connectors' measured peaks, 900 Mbps");
    assertThat(only(r, "connector b").where()).isEqualTo(csv + ":3");
  }
}
