package dev.zpaaudit.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Platform;
import dev.zpaaudit.model.host.Throughput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {
  static final Path INV = Path.of("src/test/resources/hosts/inventories");
  @TempDir Path tmp;

  static List<String> errors(Path f) {
    try {
      InventoryReader.read(f);
    } catch (InputException e) {
      return e.errors().stream().map(Diagnostic::format).toList();
    }
    throw new AssertionError("expected an InputException for " + f);
  }

  @Test
  void yamlInventoryWithGroupsStatedFactsAndFactsFiles() throws Exception {
    InventoryReader.Result r = InventoryReader.read(INV.resolve("pass.yaml"));
    Inventory inv = r.inventory();
    assertThat(inv.connectors())
        .extracting(Connector::name)
        .containsExactly(
            "ac-aws-1",
            "ac-aws-2",
            "ac-aws-3",
            "ac-az-1",
            "ac-az-2",
            "ac-gcp-1",
            "ac-gcp-2",
            "ac-vm-1",
            "ac-phys-1");
    Connector aws = inv.connectors().get(0);
    assertThat(aws.platform().value()).isEqualTo(Platform.AWS);
    assertThat(aws.at().toString()).isEqualTo(INV.resolve("pass.yaml") + ":18");
    assertThat(aws.peeredVpcs().value()).containsExactly("vpc-b");
    assertThat(aws.host().get(FactKey.DISK_BYTES).value()).isEqualTo(16L << 30);
    assertThat(aws.host().get(FactKey.LISTENING).value()).hasSize(1);
    assertThat(aws.peak().value()).isEqualTo(Throughput.parse("450Mbps"));
    assertThat(aws.average().value()).isEqualTo(Throughput.parse("150Mbps"));
    Connector vm = inv.connectors().get(7);
    assertThat(vm.host().get(FactKey.THREADS).value()).isEqualTo(4L);
    assertThat(vm.host().get(FactKey.THREADS).at().file()).endsWith("facts/rhel9-vmware.json");
    assertThat(vm.host().get(FactKey.PACKAGE_AGE_DAYS).value())
        .isEqualTo(11L); // rpm, as of its collection
    assertThat(vm.host().get(FactKey.DEFAULT_PASSWORD_CHANGED).value())
        .isTrue(); // stated fills the gap
    assertThat(inv.groups()).hasSize(4);
    assertThat(inv.groups().get(0).peak().value()).isEqualTo(Throughput.parse("1Gbps"));
    assertThat(inv.groups().get(2).doubleEncryptionPercent().value()).isEqualTo(50.0);
    assertThat(inv.groups().get(2).peak().known()).isFalse();
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void csvInventoryWithQuotedFieldsAndGroupColumns() throws Exception {
    Inventory inv = InventoryReader.read(INV.resolve("pass.csv")).inventory();
    assertThat(inv.connectors())
        .extracting(Connector::name)
        .containsExactly("ac-aws-1", "ac-aws-2", "ac-aws-3");
    assertThat(inv.connectors().get(2).at().toString()).isEqualTo(INV.resolve("pass.csv") + ":5");
    assertThat(inv.connectors())
        .extracting(c -> c.peak().value().mbps())
        .containsExactly(450.0, 400.0, 300.0);
    assertThat(inv.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.peak().value().mbps()).isEqualTo(1000);
              assertThat(g.doubleEncryptionPercent().value()).isEqualTo(0.0);
            });
  }

  @Test
  void connectorsStateTheirOwnMeasuredPeakAndAverageInYaml() throws Exception {
    Path f = tmp.resolve("peaks.yaml");
    Files.writeString(
        f,
        """
        groups:
          - {name: g, peak: 1Gbps}
        connectors:
          - name: a
            group: g
            platform: vmware
            peak: 300Mbps
            average: 120 Mbps
          - {name: b, group: g, platform: vmware}
        """);
    Inventory inv = InventoryReader.read(f).inventory();
    Connector a = inv.connectors().get(0);
    assertThat(a.peak().value()).isEqualTo(Throughput.parse("300Mbps"));
    assertThat(a.peak().at().toString()).isEqualTo(f + ":7");
    assertThat(a.average().value().mbps()).isEqualTo(120);
    Connector b = inv.connectors().get(1);
    assertThat(b.peak().known()).isFalse();
    assertThat(b.peak().missing())
        .isEqualTo("no measured peak throughput stated for the connector");
    assertThat(inv.groups().get(0).peak().value().mbps()).isEqualTo(1000);
  }

  @Test
  void csvConnectorPeakColumnsAreDistinctFromTheGroupColumns() throws Exception {
    Path f = tmp.resolve("peaks.csv");
    Files.writeString(
        f,
        "name,group,platform,peak,average,group_peak,group_average,double_encryption\n"
            + "a,g,aws,300Mbps,100Mbps,1Gbps,400Mbps,25%\n"
            + "b,g,aws,,,1Gbps,,\n");
    Inventory inv = InventoryReader.read(f).inventory();
    assertThat(inv.connectors().get(0).peak().value().mbps()).isEqualTo(300);
    assertThat(inv.connectors().get(0).peak().at().toString()).isEqualTo(f + ":2");
    assertThat(inv.connectors().get(0).average().value().mbps()).isEqualTo(100);
    assertThat(inv.connectors().get(1).peak().known()).isFalse();
    assertThat(inv.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.peak().value().mbps()).isEqualTo(1000);
              assertThat(g.average().value().mbps()).isEqualTo(400);
              assertThat(g.doubleEncryptionPercent().value()).isEqualTo(25.0);
            });
  }

  @Test
  void negativeOrUnreadableConnectorPeakIsALocatedError() throws Exception {
    Path f = tmp.resolve("bad-peaks.yaml");
    Files.writeString(
        f,
        """
        connectors:
          - name: a
            group: g
            platform: vmware
            peak: -300Mbps
          - {name: b, group: g, platform: vmware, peak: 40MB/s, average: soon}
        """);
    assertThat(errors(f))
        .containsExactly(
            f + ":5: error: peak: throughput '-300Mbps' is negative",
            f
                + ":6: error: average: cannot read throughput 'soon': expected a number and a unit, e.g. 1Gbps,"
                + " 500Mbps, 1.5 Gbps or 750M",
            f
                + ":6: error: peak: throughput '40MB/s' is in bytes; give bits, e.g. 800Mbps or 1Gbps");
    Path csv = tmp.resolve("bad-peaks.csv");
    Files.writeString(csv, "name,group,platform,peak\na,g,aws,200Mbps\nb,g,aws,-1Gbps\n");
    assertThat(errors(csv))
        .containsExactly(csv + ":3: error: peak: throughput '-1Gbps' is negative");
  }

  @Test
  void unknownPlatformIsALocatedError() {
    assertThat(errors(INV.resolve("bad-platform.csv")))
        .containsExactly(
            INV.resolve("bad-platform.csv")
                + ":3: error: unknown platform 'openstack' (expected physical, vmware, kvm, aws, azure or gcp)");
  }

  @Test
  void negativeOrUnreadableThroughputIsALocatedError() {
    Path f = INV.resolve("bad-throughput.yaml");
    assertThat(errors(f))
        .containsExactly(
            f + ":3: error: peak: throughput '-1Gbps' is negative",
            f
                + ":5: error: peak: cannot read throughput 'fast': expected a number and a unit, e.g. 1Gbps,"
                + " 500Mbps, 1.5 Gbps or 750M");
  }

  @Test
  void aPeakBeyondAnyGroupIsALocatedError() {
    Path f = INV.resolve("huge-peak.yaml");
    assertThat(errors(f))
        .containsExactly(
            f + ":5: error: peak: throughput '99999999999999999999Gbps' is above 1000 Tbps");
  }

  @Test
  void aStatedCountTooLargeIsALocatedErrorNotAWrappedNumber() {
    Path f = INV.resolve("huge-count.yaml");
    assertThat(errors(f))
        .containsExactly(f + ":7: error: cores: 18446744073709551617 is above 1000000000");
  }

  @Test
  void missingRequiredColumnIsALocatedError() {
    Path f = INV.resolve("missing-column.csv");
    assertThat(errors(f)).containsExactly(f + ":1: error: missing required column 'platform'");
  }

  @Test
  void everyErrorOfAnEntryIsReportedNotOnlyTheFirst() throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(
        f,
        "connectors:\n  - name: a\n    group: g\n    platform: openstack\n    memoryGiB: -4\n"
            + "    peak: -1Gbps\n  - group: g\n    platform: aws\n    vcpus: many\n");
    assertThat(errors(f))
        .containsExactly(
            f
                + ":4: error: unknown platform 'openstack' (expected physical, vmware, kvm, aws,"
                + " azure or gcp)",
            f + ":5: error: memoryGiB: -4 is negative",
            f + ":6: error: peak: throughput '-1Gbps' is negative",
            f + ":7: error: connector without 'name'",
            f + ":9: error: vcpus: 'many' is not a number");
  }

  @Test
  void anUnknownColumnDoesNotHideTheRowsErrors() throws Exception {
    Path csv = tmp.resolve("inv.csv");
    Files.writeString(
        csv, "name,group,platform,colour,memoryGiB,platform\na,g,aws,red,-4,aws\nb,g,mars,x,8,x\n");
    assertThat(errors(csv))
        .containsExactly(
            csv + ":1: error: column 'platform' appears twice",
            csv + ":1: error: unknown column 'colour'",
            csv + ":2: error: memoryGiB: -4 is negative",
            csv
                + ":3: error: unknown platform 'mars' (expected physical, vmware, kvm, aws, azure or"
                + " gcp)");
  }

  @Test
  void moreBadInput() throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(
        f,
        "connectors:\n  - name: a\n    group: g\n    platform: aws\n    memoryGiB: -4\n"
            + "    colour: blue\n  - name: a\n    group: g\n    platform: gcp\n    facts: nowhere.json\n");
    assertThat(errors(f))
        .containsExactly(
            f + ":5: error: memoryGiB: -4 is negative",
            f + ":6: error: unknown field 'colour'",
            f + ":7: error: connector 'a' is listed twice (first at " + f + ":2)",
            f + ":10: error: facts file " + tmp.resolve("nowhere.json") + ": error: no such file");
    Path csv = tmp.resolve("inv.csv");
    Files.writeString(csv, "name,group,platform\n\"a,1\",g,aws\nb,g\n\"c,g,aws\n");
    assertThat(errors(csv))
        .containsExactly(
            csv + ":3: error: row has 2 fields; the header has 3",
            csv + ":4: error: unterminated quoted field");
    Path csv2 = tmp.resolve("conflict.csv");
    Files.writeString(csv2, "name,group,platform,group_peak\na,g,aws,1Gbps\nb,g,aws,2Gbps\n");
    assertThat(errors(csv2))
        .containsExactly(
            csv2
                + ":3: error: group g: peak 2000 Mbps differs from 1000 Mbps given at "
                + csv2
                + ":2");
    Path txt = tmp.resolve("inv.txt");
    Files.writeString(txt, "x");
    assertThatThrownBy(() -> InventoryReader.read(txt))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown inventory format");
  }

  @Test
  void passmarkIsAWholeNonNegativeNumberInYamlAndCsv() throws Exception {
    Path f = tmp.resolve("pm.yaml");
    Files.writeString(
        f,
        "connectors:\n  - {name: a, group: g, platform: vmware, passmark: 3100}\n"
            + "  - {name: b, group: g, platform: vmware, passmark: -5}\n"
            + "  - {name: c, group: g, platform: vmware, passmark: fast}\n"
            + "  - {name: d, group: g, platform: vmware, passmark: 2640.5}\n");
    assertThat(errors(f))
        .containsExactly(
            f + ":3: error: passmark: -5 is negative",
            f + ":4: error: passmark: 'fast' is not a number",
            f + ":5: error: passmark: '2640.5' is not a whole number");
    Path csv = tmp.resolve("pm.csv");
    Files.writeString(csv, "name,group,platform,passmark\na,g,vmware,3100\nb,g,vmware,\n");
    Inventory inv = InventoryReader.read(csv).inventory();
    assertThat(inv.connectors().get(0).host().get(FactKey.PASSMARK).value()).isEqualTo(3100L);
    assertThat(inv.connectors().get(0).host().get(FactKey.PASSMARK).at().toString())
        .isEqualTo(csv + ":2");
    assertThat(inv.connectors().get(1).host().get(FactKey.PASSMARK).known()).isFalse();
  }

  @Test
  void diskProvisioningIsThinOrThickStatedOrInAFactsFile() throws Exception {
    Path f = tmp.resolve("dp.yaml");
    Files.writeString(
        f,
        "connectors:\n  - {name: a, group: g, platform: vmware, diskProvisioning: THIN}\n"
            + "  - {name: b, group: g, platform: vmware, diskProvisioning: eager-zeroed}\n");
    assertThat(errors(f))
        .containsExactly(f + ":3: error: diskProvisioning: 'eager-zeroed' is not thin or thick");
    Files.writeString(
        f, "connectors:\n  - {name: a, group: g, platform: vmware, diskProvisioning: THIN}\n");
    assertThat(
            InventoryReader.read(f)
                .inventory()
                .connectors()
                .get(0)
                .host()
                .get(FactKey.DISK_PROVISIONING)
                .value())
        .isEqualTo("thin");
    Path facts = tmp.resolve("facts.json");
    Files.writeString(
        facts,
        "{\"schema\": \"zpa-audit/host-facts/v1\",\n \"facts\": {\n"
            + "  \"diskProvisioning\": \"sparse\"}}\n");
    Files.writeString(
        f, "connectors:\n  - {name: a, group: g, platform: vmware, facts: facts.json}\n");
    assertThat(errors(f))
        .containsExactly(facts + ":3: error: diskProvisioning: 'sparse' is not thin or thick");
  }

  @Test
  void privilegedAccessIsRootSudoSudoWithPasswordOrNone() throws Exception {
    Path f = tmp.resolve("pa.yaml");
    Files.writeString(
        f,
        "connectors:\n  - {name: a, group: g, platform: vmware, privilegedAccess: ROOT}\n"
            + "  - {name: b, group: g, platform: vmware, privilegedAccess: admin}\n");
    assertThat(errors(f))
        .containsExactly(
            f
                + ":3: error: privilegedAccess: 'admin' is not root, sudo,"
                + " sudo-with-password or none");
    Path csv = tmp.resolve("pa.csv");
    Files.writeString(
        csv, "name,group,platform,privileged_access\na,g,vmware,sudo-with-password\n");
    assertThat(
            InventoryReader.read(csv)
                .inventory()
                .connectors()
                .get(0)
                .host()
                .get(FactKey.PRIVILEGED_ACCESS)
                .value())
        .isEqualTo("sudo-with-password");
  }

  @Test
  void csvReaderHandlesQuotesAndEmbeddedLineBreaks() {
    Diagnostics d = new Diagnostics();
    List<CsvReader.Row> rows =
        CsvReader.read("a,b\n# note\n\"x \"\"y\"\"\",\"1\n2\"\nlast, z \n", "f.csv", d);
    assertThat(d.all()).isEmpty();
    assertThat(rows)
        .containsExactly(
            new CsvReader.Row(1, List.of("a", "b")),
            new CsvReader.Row(3, List.of("x \"y\"", "1\n2")),
            new CsvReader.Row(5, List.of("last", "z")));
  }
}
