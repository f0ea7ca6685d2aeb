package dev.zpaaudit.checks.hosts;

import static dev.zpaaudit.checks.hosts.HostChecksTest.of;
import static dev.zpaaudit.checks.hosts.HostChecksTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R4 "thin provisioned": a guest cannot see it, so only a stated diskProvisioning is judged. */
class DiskProvisioningTest {
  static HostRules spec;
  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    spec = HostRulesLoader.load();
  }

  HostRules requireThin() throws Exception {
    Path f = tmp.resolve("thin.yaml");
    Files.writeString(f, "disk:\n  requireThin: true\n");
    return HostRulesLoader.load(List.of(), List.of(f), List.of());
  }

  Path inventory(String connectors) throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(f, "connectors:\n" + connectors);
    return f;
  }

  static final String CONNECTORS =
      "  - {name: thin, group: g, platform: vmware, diskGiB: 16, diskProvisioning: thin}\n"
          + "  - {name: thick, group: g, platform: vmware, diskGiB: 16, diskProvisioning: Thick}\n"
          + "  - {name: unstated, group: g, platform: vmware, diskGiB: 16}\n"
          + "  - {name: cloud, group: g, platform: aws, diskGiB: 16, diskProvisioning: thick}\n"
          + "  - {name: proxmox, group: g, platform: kvm, diskGiB: 16, diskProvisioning: thick}\n";

  @Test
  void byDefaultAStatedThickDiskIsAllowedWithAWarning() throws Exception {
    Path inv = inventory(CONNECTORS);
    CheckResult d = run(inv, spec).get("host-disk");
    assertThat(d.status()).isEqualTo(Status.PASS);
    Evidence warn = of(d, "thick", "warning").get(0);
    assertThat(warn.where()).isEqualTo(inv + ":3");
    assertThat(warn.message())
        .isEqualTo(
            "thick: disk thick provisioned (stated): allowed (disk.requireThin ="
                + " false (rules/hosts.yaml:40)), but R4 calls for thin provisioning");
    assertThat(of(d, "thin", "warning")).isEmpty();
    assertThat(of(d, "unstated", "indeterminate")).isEmpty();
    assertThat(of(d, "cloud", "info"))
        .extracting(Evidence::message)
        .containsExactly(
            "cloud: diskProvisioning"
                + " thick not judged: thin or thick provisioning is judged on VMware and KVM only, not on aws");
    assertThat(of(d, "proxmox", "warning")).hasSize(1);
  }

  @Test
  void requireThinPassesThinFailsThickAndCannotJudgeAnUnstatedDisk() throws Exception {
    Path inv = inventory(CONNECTORS);
    HostRules r = requireThin();
    CheckResult d = run(inv, r).get("host-disk");
    assertThat(d.status()).isEqualTo(Status.FAIL);
    assertThat(of(d, "thin", "pass"))
        .extracting(Evidence::message)
        .contains("thin: disk thin provisioned (stated)");
    Evidence thick = of(d, "thick", "fail").get(0);
    assertThat(thick.message())
        .isEqualTo("thick: disk thick provisioned (stated); R4 asks for thin provisioning");
    assertThat(thick.rule())
        .isEqualTo("disk.requireThin = true (" + tmp.resolve("thin.yaml") + ":2)");
    assertThat(thick.data()).containsEntry("diskProvisioning", "thick");
    assertThat(of(d, "unstated", "indeterminate"))
        .extracting(Evidence::message)
        .containsExactly(
            "unstated: disk"
                + " provisioning unknown: a guest cannot see whether its virtual disk is thin or thick; state"
                + " diskProvisioning (thin or thick)");
    assertThat(of(d, "cloud", "fail")).isEmpty();
    assertThat(of(d, "proxmox", "fail")).hasSize(1);

    Path thinOnly =
        inventory(
            "  - {name: thin, group: g, platform: vmware, diskGiB: 16, diskProvisioning: thin}\n");
    assertThat(run(thinOnly, r).get("host-disk").status()).isEqualTo(Status.PASS);
  }

  @Test
  void theSizeJudgedIsTheProvisionedSizeWhateverTheProvisioning() throws Exception {
    Path inv =
        inventory(
            "  - {name: small, group: g, platform: vmware, diskGiB: 4, diskProvisioning: thin}\n");
    CheckResult d = run(inv, requireThin()).get("host-disk");
    assertThat(d.status()).isEqualTo(Status.FAIL);
    assertThat(of(d, "small", "fail"))
        .extracting(Evidence::message)
        .containsExactly("small: device 4 GiB < 8 GiB");
  }
}
