package dev.zpaaudit.checks.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.ingest.inventory.InventoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostChecksTest {
  static final Path INV = Path.of("src/test/resources/hosts/inventories");
  static HostRules rules;
  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    rules = HostRulesLoader.load();
  }

  static Map<String, CheckResult> run(Path inventory, HostRules r) throws Exception {
    return HostChecks.run(InventoryReader.read(inventory).inventory(), r).stream()
        .collect(Collectors.toMap(CheckResult::id, Function.identity()));
  }

  static List<Evidence> of(CheckResult c, String subject, String verdict) {
    return c.evidence().stream()
        .filter(e -> e.sources().contains(subject) && e.verdict().equals(verdict))
        .toList();
  }

  @Test
  void everyCheckPassesOnThePassInventory() throws Exception {
    Map<String, CheckResult> r = run(INV.resolve("pass.yaml"), rules);
    assertThat(r.keySet()).containsExactlyInAnyOrderElementsOf(HostChecks.IDS);
    r.values()
        .forEach(
            c -> assertThat(c.status()).as(c.id() + ": " + c.summary()).isEqualTo(Status.PASS));
    assertThat(r.get("host-memory").summary())
        .isEqualTo("all 9 connectors have at least 4 GiB RAM");
    // gcp-central states no peak; the sum of its connectors' peaks (60 + 40 Mbps) is enough.
    assertThat(of(r.get("sizing"), "group gcp-central", "pass").get(0).message())
        .contains("from the sum of its connectors' measured peaks, 100 Mbps");
    assertThat(of(r.get("sizing"), "connector ac-aws-1", "pass")).hasSize(1);
  }

  @Test
  void theCsvInventoryPassesToo() throws Exception {
    Map<String, CheckResult> r = run(INV.resolve("pass.csv"), rules);
    r.values()
        .forEach(
            c -> assertThat(c.status()).as(c.id() + ": " + c.summary()).isEqualTo(Status.PASS));
  }

  @Test
  void everyCheckFailsOnTheFailInventory() throws Exception {
    Map<String, CheckResult> r = run(INV.resolve("fail.yaml"), rules);
    r.values()
        .forEach(
            c -> assertThat(c.status()).as(c.id() + ": " + c.summary()).isEqualTo(Status.FAIL));
  }

  /**
   * Facts collected from two real Debian 12 guests (roots/debian12-qemu-*): one sized, one small.
   */
  @Test
  void realCapturedGuestsPassAndFailWhereTheyShould() throws Exception {
    Map<String, CheckResult> r = run(INV.resolve("captured.yaml"), rules);
    for (String id : List.of("host-memory", "host-cpu", "host-disk")) {
      assertThat(of(r.get(id), "ac-deb-sized", "pass")).as(id).isNotEmpty();
      assertThat(of(r.get(id), "ac-deb-sized", "fail")).as(id).isEmpty();
      assertThat(of(r.get(id), "ac-deb-small", "fail")).as(id).hasSize(1);
      assertThat(r.get(id).status()).as(id).isEqualTo(Status.FAIL);
    }
    assertThat(of(r.get("host-memory"), "ac-deb-small", "fail").get(0).message())
        .startsWith("ac-deb-small: online memory blocks 2 GiB < 3.6 GiB");
    assertThat(of(r.get("host-cpu"), "ac-deb-small", "fail").get(0).message())
        .isEqualTo("ac-deb-small: 2 vCPUs < 4 (VM)");
    assertThat(of(r.get("host-disk"), "ac-deb-small", "fail").get(0).message())
        .contains("device 6 GiB < 8 GiB");
    for (String id : List.of("host-nic", "host-platform", "os-hardening", "sizing")) {
      assertThat(r.get(id).status()).as(id + ": " + r.get(id).summary()).isEqualTo(Status.PASS);
    }
    HostRules strict = HostRulesLoader.load(List.of("strict"), List.of(), List.of());
    Map<String, CheckResult> s = run(INV.resolve("captured.yaml"), strict);
    assertThat(of(s.get("host-cpu"), "ac-deb-small", "fail"))
        .extracting(Evidence::message)
        .anyMatch(m -> m.contains("AES-NI"));
    assertThat(of(s.get("host-disk"), "ac-deb-sized", "fail"))
        .extracting(Evidence::message)
        .anyMatch(m -> m.contains("20 GiB < 64 GiB"));
  }

  @Test
  void evidenceNamesTheDecidingLineAndTheValuesCompared() throws Exception {
    Map<String, CheckResult> r = run(INV.resolve("fail.yaml"), rules);
    String inv = INV.resolve("fail.yaml").toString();
    Evidence mem = of(r.get("host-memory"), "ac-vm-small", "fail").get(0);
    assertThat(mem.where()).isEqualTo(inv + ":46");
    assertThat(mem.message()).isEqualTo("ac-vm-small: 2 GiB provisioned < 4 GiB");
    assertThat(mem.rule()).isEqualTo("memory.minimumGiB = 4 (rules/hosts.yaml:8)");
    assertThat(mem.data())
        .containsEntry("measuredBytes", 2L << 30)
        .containsEntry("requiredBytes", 4L << 30);

    Evidence arm = of(r.get("host-platform"), "ac-arm", "fail").get(0);
    assertThat(arm.file()).endsWith("facts/small-arm.json");
    assertThat(arm.message()).isEqualTo("ac-arm: architecture aarch64 is not x86_64 or amd64");
    assertThat(of(r.get("host-platform"), "ac-arm", "fail"))
        .extracting(Evidence::message)
        .contains(
            "ac-arm: not booted with systemd",
            "ac-arm: eth0 ae:41:03:9c:10:77, addr_assign_type 1 (random): the kernel generated this address;"
                + " it changes on reboot");

    Evidence type = of(r.get("instance-type"), "ac-tiny", "fail").get(0);
    assertThat(type.message())
        .isEqualTo(
            "ac-tiny: t2.medium (2 vCPUs, 4 GiB, x86_64, rules/instance-types.yaml:10):"
                + " 2 vCPUs < 4 (R2)");
    assertThat(type.where()).isEqualTo(inv + ":10");

    assertThat(r.get("sizing").summary())
        .contains(
            "group small: 4 connector(s) for peak 2000 Mbps at 50%" + " double encryption: need 7");
    Evidence overloaded = of(r.get("sizing"), "connector ac-vm-small", "fail").get(0);
    assertThat(overloaded.where()).isEqualTo(inv + ":58");
    assertThat(overloaded.message())
        .startsWith(
            "connector ac-vm-small: measured peak 600 Mbps > 375 Mbps, one"
                + " connector's capacity at 50% double encryption (group small): overloaded");
    assertThat(r.get("provisioning-key").summary())
        .contains(
            "key shared-key: used in 2 Regions (eu-west-1, us-east-1) by ac-tiny, ac-other-region");
    assertThat(of(r.get("os-hardening"), "ac-tiny", "fail").get(0).message())
        .isEqualTo(
            "ac-tiny: SSH PasswordAuthentication yes on aws: public-cloud connectors must be key-only");
    assertThat(of(r.get("os-hardening"), "ac-arm", "fail"))
        .extracting(Evidence::message)
        .anyMatch(m -> m.contains("0.0.0.0:8080"))
        .anyMatch(m -> m.contains("EL7 is end of support"));
  }

  @Test
  void missingFactsAreIndeterminateNeverPass() throws Exception {
    Path f = tmp.resolve("bare.yaml");
    Files.writeString(
        f,
        "connectors:\n  - {name: a, group: g, platform: vmware}\n  - {name: b, group: g, platform: aws}\n");
    Map<String, CheckResult> r = run(f, rules);
    for (String id :
        List.of(
            "host-memory",
            "host-cpu",
            "instance-type",
            "host-disk",
            "host-nic",
            "sizing",
            "host-platform",
            "provisioning-key",
            "os-hardening")) {
      assertThat(r.get(id).status())
          .as(id + ": " + r.get(id).summary())
          .isEqualTo(Status.INDETERMINATE);
    }
    assertThat(r.get("host-memory").summary())
        .isEqualTo(
            "2 of 2 connectors cannot be judged; a: memory unknown:"
                + " MemTotal: not stated in the inventory and no facts file (and 1 more)");
    assertThat(r.get("sizing").evidence().get(0).message())
        .isEqualTo("group g: 2 connector(s); no measured peak: no measured peak throughput stated");
  }

  @Test
  void unknownDoubleEncryptionSizesBothEnds() throws Exception {
    Path f = tmp.resolve("de.yaml");
    String connectors =
        "connectors:\n  - {name: a, group: g, platform: vmware}\n  - {name: b, group: g, platform: vmware}\n"
            + "  - {name: c, group: g, platform: vmware}\n";
    Files.writeString(f, "groups:\n  - {name: g, peak: 1Gbps}\n" + connectors);
    CheckResult s = run(f, rules).get("sizing");
    assertThat(s.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(s.evidence().get(0).message()).contains("need 3 at 0% to 5 at 100%");
    Files.writeString(f, "groups:\n  - {name: g, peak: 400Mbps}\n" + connectors);
    assertThat(run(f, rules).get("sizing").status()).isEqualTo(Status.PASS);
    Files.writeString(f, "groups:\n  - {name: g, peak: 5Gbps}\n" + connectors);
    assertThat(run(f, rules).get("sizing").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void enoughForThePeakButNoSpareFails() throws Exception {
    Path f = tmp.resolve("spare.yaml");
    Files.writeString(
        f,
        "groups:\n  - {name: g, peak: 1Gbps, doubleEncryption: 0}\n"
            + "connectors:\n  - {name: a, group: g, platform: vmware, vcpus: 8}\n  - {name: b, group: g, platform: vmware}\n");
    CheckResult s = run(f, rules).get("sizing");
    assertThat(s.status()).isEqualTo(Status.FAIL);
    assertThat(s.summary()).contains("enough for the peak but no spare for failover (N+1)");
    assertThat(s.evidence()).extracting(Evidence::verdict).contains("warning");
    assertThat(s.evidence()).anyMatch(e -> e.message().contains("R7: a has 8 vCPUs (> 4)"));
  }

  @Test
  void azureSeriesRuleAndVmwareAutomaticMacAndStrictProfile() throws Exception {
    Path f = tmp.resolve("az.yaml");
    Files.writeString(
        f,
        "connectors:\n"
            + "  - {name: old, group: g, platform: azure, instanceType: Standard_D2_v2}\n"
            + "  - {name: new, group: g, platform: azure, instanceType: Standard_D2s_v3}\n"
            + "  - {name: unknown, group: g, platform: azure, vcpus: 2}\n");
    CheckResult cpu = run(f, rules).get("host-cpu");
    assertThat(of(cpu, "old", "pass").get(0).message())
        .contains("2 vCPUs >= 2 (Azure: Standard_D2_v2 is series v2, older than v3)");
    assertThat(of(cpu, "new", "fail").get(0).message())
        .contains("2 vCPUs < 4 (Azure: Standard_D2s_v3 is series v3");
    assertThat(of(cpu, "unknown", "indeterminate")).hasSize(1);

    assertThat(VmwareMac.of("00:50:56:3f:ff:ff")).isEqualTo(VmwareMac.MANUAL);
    assertThat(VmwareMac.of("00:50:56:80:00:01")).isEqualTo(VmwareMac.AUTOMATIC);
    assertThat(VmwareMac.of("00:0C:29:11:22:33")).isEqualTo(VmwareMac.AUTOMATIC);
    assertThat(VmwareMac.of("52:54:00:11:22:33")).isEqualTo(VmwareMac.OTHER);

    HostRules strict = HostRulesLoader.load(List.of("strict"), List.of(), List.of());
    Map<String, CheckResult> s = run(INV.resolve("pass.yaml"), strict);
    assertThat(s.get("host-disk").status()).isEqualTo(Status.FAIL);
    assertThat(s.get("host-memory").status()).isEqualTo(Status.FAIL); // n1-highcpu-4 has 3.6 GiB
    assertThat(s.get("host-cpu").status()).isEqualTo(Status.INDETERMINATE); // AES-NI not stated
  }
}
