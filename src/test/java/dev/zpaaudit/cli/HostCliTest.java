package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCliTest {
  static final Path RES = Path.of("src/test/resources/hosts");
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void sizeShowsTheWorking() {
    Run r = run("size", "--peak", "1Gbps", "--double-encryption", "0%");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        zpa-audit size: 3 connectors (2 for the peak + 1 spare)
        peak: 1000 Mbps; double encryption: 0%
        working:
          per connector: 500 - (500 - 250) x (0% - 0%) / (100% - 0%) = 500 Mbps (R6 table, rules/hosts.yaml:47)
          for the peak: ceil(1000 Mbps / 500 Mbps) = ceil(2) = 2
          spares (N+1): 2 + 1 = 3
        warning: R7: prefer more, smaller connectors: run 3 connectors of the recommended size rather than\
         fewer, larger ones; the R6 figures are per connector and are not raised for larger hosts, and with 3\
         connectors one failure removes 1/3 of the capacity.
        """);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void sizeJsonGivesTheFigures() {
    Run r =
        run(
            "size",
            "--peak",
            "1 Gbps",
            "--average",
            "600M",
            "--double-encryption",
            "25%",
            "--spare",
            "2",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "\"perConnectorMbps\" : 437.5",
            "\"connectorsForPeak\" : 3",
            "\"connectorsForAverage\" : 2",
            "\"spares\" : 2",
            "\"connectorsTotal\" : 5",
            "\"schema\" : \"zpa-audit/sizing/v1\"");
  }

  @Test
  void sizeRejectsNonsenseWithExitTwo() {
    Run r = run("size", "--peak", "lots", "--double-encryption", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("zpa-audit: --peak: cannot read throughput 'lots'");
    assertThat(run("size", "--peak", "1Gbps").err())
        .contains("--double-encryption PERCENT is required");
    assertThat(run("size", "--peak", "1Gbps", "--double-encryption", "120%").code()).isEqualTo(2);
    assertThat(run("size", "--peak", "-1Gbps", "--double-encryption", "1").err())
        .contains("is negative");
  }

  @Test
  void sizeOverAnInventory() {
    Run r = run("size", "--hosts", RES.resolve("inventories/pass.yaml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "zpa-audit size (group aws-use1): 3 connectors (2 for the peak + 1 spare)",
            "zpa-audit size (group dc1): 2 connectors (1 for the peak + 1 spare)",
            "note: group gcp-central: no measured peak ("
                + RES.resolve("inventories/pass.yaml")
                + ":11); its peak is"
                + " between 60 Mbps and 100 Mbps (the largest and the sum of its connectors' own peaks); state the"
                + " group's peak to size it (audit --hosts judges the bounds)");
  }

  @Test
  void auditRejectsANegativeConnectorPeakWithExitTwoAndWritesNothing() throws Exception {
    Path f = RES.resolve("inventories/bad-connector-peak.yaml");
    Path out = tmp.resolve("out");
    Run r = run("audit", "--hosts", f.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(f + ":10: error: peak: throughput '-400Mbps' is negative\n");
    assertThat(r.out()).isEmpty();
    assertThat(out)
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void badInventoriesAreLocatedErrorsWithExitTwoAndNoOutput() {
    for (String[] c :
        new String[][] {
          {"bad-platform.csv", ":3: error: unknown platform 'openstack'"},
          {"bad-throughput.yaml", ":3: error: peak: throughput '-1Gbps' is negative"},
          {"missing-column.csv", ":1: error: missing required column 'platform'"},
          {"bad-connector-peak.yaml", ":10: error: peak: throughput '-400Mbps' is negative"},
          {"bad-stated.yaml", ":6: error: passmark: -3100 is negative"},
          {"bad-stated.csv", ":3: error: passmark: -1 is negative"}
        }) {
      Path f = RES.resolve("inventories").resolve(c[0]);
      Run r = run("size", "--hosts", f.toString());
      assertThat(r.code()).as(c[0]).isEqualTo(2);
      assertThat(r.out()).as(c[0]).isEmpty();
      assertThat(r.err()).as(c[0]).startsWith(f + c[1]);
    }
  }

  @Test
  void instanceTypeNumbersOutOfRangeAreLocatedErrors() {
    Path types = RES.resolve("instance-types/out-of-range.yaml");
    Run r =
        run(
            "audit",
            "--hosts",
            RES.resolve("inventories/pass.yaml").toString(),
            "--instance-types",
            types.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            types
                + ":4: error: x9.huge: vcpus 99999999999999999999 is above 100000\n"
                + types
                + ":5: error: x9.tiny: memoryGiB 1E-999999999 is outside 0.001 to 1048576\n");
  }

  @Test
  void aRuleNumberTooLargeForTheChecksIsALocatedError() {
    Path rules = RES.resolve("rules/huge-minimum.yaml");
    Run r =
        run(
            "audit",
            "--hosts",
            RES.resolve("inventories/pass.yaml").toString(),
            "--rules",
            rules.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            rules + ":3: error: 'memory.minimumGiB' must be at most 1000000000000, not 1E+400\n");
  }

  @Test
  void aConnectorRateTooSmallForSizingIsALocatedError() {
    Path rules = RES.resolve("rules/tiny-rate.yaml");
    Run r =
        run(
            "audit",
            "--hosts",
            RES.resolve("inventories/pass.yaml").toString(),
            "--rules",
            rules.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(rules + ":4: error: 'throughput.table': mbps must be at least 0.001\n");
  }

  @Test
  void anAzureVersionTooLargeForAnIntIsJudgedAsTheNewest() {
    Run r =
        run(
            "audit",
            "--hosts",
            RES.resolve("inventories/pass.yaml").toString(),
            "--rules",
            RES.resolve("rules/azure-huge-version.yaml").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    // The text report wraps lines; the words are what matter.
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains(
            "ac-az-2: Standard_F4s_v2 (4 vCPUs, 8 GiB, x86_64, rules/instance-types.yaml:106)"
                + " is not a recommended type but meets R1, R2 and R9");
  }

  @Test
  void badStatedFactsFailTheAuditWithEveryErrorLocatedAndNothingWritten() {
    Path out = tmp.resolve("out");
    Path yaml = RES.resolve("inventories/bad-stated.yaml");
    Run r = run("audit", "--hosts", yaml.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            yaml
                + ":6: error: passmark: -3100 is negative\n"
                + yaml
                + ":7: error: diskProvisioning: 'lazy-zeroed' is not thin or thick\n"
                + yaml
                + ":11: error: passmark: 'fast' is not a number\n"
                + yaml
                + ":12: error: privilegedAccess: 'admin' is not root, sudo, sudo-with-password or none\n");
    assertThat(Files.exists(out.resolve("report.json"))).isFalse();
    Path csv = RES.resolve("inventories/bad-stated.csv");
    r = run("audit", "--hosts", csv.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            csv
                + ":3: error: passmark: -1 is negative\n"
                + csv
                + ":4: error: diskProvisioning: 'sparse' is not thin or thick\n");
    assertThat(Files.exists(out.resolve("report.json"))).isFalse();
  }

  @Test
  void hostCollectFromACapturedTreeWritesFactsAndSaysWhatItCouldNotRead() throws Exception {
    Path out = tmp.resolve("facts.json");
    Run r =
        run(
            "host",
            "collect",
            "--root",
            RES.resolve("roots/small-arm").toString(),
            "-o",
            out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("zpa-audit: could not read cores: no 'cpu cores' in /proc/cpuinfo")
        .contains("zpa-audit: wrote 19 facts to " + out);
    assertThat(Files.readString(out)).contains("\"architecture\" : \"aarch64\"", "\"unreadable\"");
  }

  @Test
  void hostCollectDatesACapturedTreeWhenItWasCaptured() throws Exception {
    Path out = tmp.resolve("facts.json");
    Run r =
        run(
            "host",
            "collect",
            "--root",
            RES.resolve("roots/small-arm").toString(),
            "--collected-at",
            "2024-12-01T12:00:00Z",
            "-o",
            out.toString());
    assertThat(r.code()).isZero();
    // The last package change (2023-02-01) is counted to the capture, not to today.
    assertThat(Files.readString(out))
        .contains("\"collectedAt\" : \"2024-12-01T12:00:00Z\"", "\"packageAgeDays\" : 669");
    Run bad =
        run(
            "host",
            "collect",
            "--root",
            RES.resolve("roots/small-arm").toString(),
            "--collected-at",
            "yesterday",
            "-o",
            out.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--collected-at: 'yesterday' is not an ISO-8601 time");
    Run live =
        run("host", "collect", "--collected-at", "2024-12-01T12:00:00Z", "-o", out.toString());
    assertThat(live.code()).isEqualTo(2);
    assertThat(live.err()).contains("--collected-at is for a captured tree (--root DIR)");
  }

  @Test
  void hostCollectIntoAMissingDirectoryIsAnInputError() {
    Path out = tmp.resolve("no/such/dir/facts.json");
    Run r =
        run(
            "host",
            "collect",
            "--root",
            RES.resolve("roots/small-arm").toString(),
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.exists(out)).isFalse();
    assertThat(run("host").code()).isEqualTo(2);
  }
}
