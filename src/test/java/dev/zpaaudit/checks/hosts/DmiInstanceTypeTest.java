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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R3 and R9: the instance type and platform a host's DMI strings show, against the inventory. */
class DmiInstanceTypeTest {
  static HostRules spec;
  static HostRules strict;
  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    spec = HostRulesLoader.load();
    strict = HostRulesLoader.load(List.of("strict"), List.of(), List.of());
  }

  /** A facts file holding only the DMI strings; sys_vendor on line 4, product_name on line 5. */
  Path facts(String name, String vendor, String product) throws Exception {
    Path f = tmp.resolve(name + ".json");
    Files.writeString(
        f,
        "{\n  \"schema\": \"zpa-audit/host-facts/v1\",\n  \"facts\": {\n"
            + "    \"dmiSysVendor\": \""
            + vendor
            + "\",\n    \"dmiProductName\": \""
            + product
            + "\"\n  }\n}\n");
    return f;
  }

  Path inventory(String... connectors) throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(f, "connectors:\n" + String.join("", connectors));
    return f;
  }

  @Test
  void theTypeTheHostRunsAsIsJudgedAndADisagreementNamesBothPlaces() throws Exception {
    Path fx = facts("nitro", "Amazon EC2", "m5a.xlarge");
    Path inv =
        inventory(
            "  - name: a\n    group: g\n    platform: aws\n    instanceType: c4.xlarge\n"
                + "    facts: nitro.json\n");
    CheckResult t = run(inv, spec).get("instance-type");
    assertThat(t.status()).isEqualTo(Status.PASS);
    Evidence pass = of(t, "a", "pass").get(0);
    assertThat(pass.message())
        .startsWith(
            "a: m5a.xlarge (4 vCPUs, 16 GiB, x86_64, rules/instance-types.yaml:47)"
                + " is not a recommended type but meets R1, R2 and R9");
    assertThat(pass.where()).isEqualTo(fx + ":5");
    assertThat(pass.data()).containsEntry("instanceTypeFrom", "host");
    Evidence warn = of(t, "a", "warning").get(0);
    assertThat(warn.where()).isEqualTo(inv + ":5");
    assertThat(warn.message())
        .isEqualTo(
            "a: the inventory states instance type c4.xlarge ("
                + inv
                + ":5) but"
                + " the host's DMI product name is m5a.xlarge ("
                + fx
                + ":5); m5a.xlarge, what the host runs as,"
                + " is judged");
    // The strict profile recommends m5a.xlarge: the observed type decides there too.
    assertThat(of(run(inv, strict).get("instance-type"), "a", "pass").get(0).message())
        .isEqualTo("a: m5a.xlarge is recommended (m5a.xlarge)");
  }

  @Test
  void theObservedTypeIsUsedWhenTheInventoryDoesNotStateOneAndSaysSo() throws Exception {
    Path fx = facts("small", "Amazon EC2", "t2.medium");
    Path inv = inventory("  - {name: a, group: g, platform: aws, facts: small.json}\n");
    Map<String, CheckResult> r = run(inv, spec);
    Evidence fail = of(r.get("instance-type"), "a", "fail").get(0);
    assertThat(fail.message())
        .isEqualTo(
            "a: t2.medium (the host's DMI product name, "
                + fx
                + ":5; not stated"
                + " in the inventory) (2 vCPUs, 4 GiB, x86_64, rules/instance-types.yaml:10): 2 vCPUs < 4 (R2)");
    assertThat(r.get("instance-type").evidence())
        .extracting(Evidence::verdict)
        .doesNotContain("warning");
    // The other checks look the observed type up in the table too.
    assertThat(of(r.get("host-memory"), "a", "pass").get(0).where())
        .isEqualTo("rules/instance-types.yaml:10");
    assertThat(of(r.get("host-cpu"), "a", "fail").get(0).message())
        .isEqualTo("a: 2 vCPUs < 4 (aws)");
  }

  @Test
  void dmiStringsThatDoNotNameATypeChangeNothing() throws Exception {
    Path fx = facts("xen", "Xen", "HVM domU");
    Path inv =
        inventory(
            "  - {name: a, group: g, platform: aws, facts: xen.json}\n"
                + "  - {name: b, group: g, platform: aws, instanceType: c4.xlarge, facts: xen.json}\n");
    Map<String, CheckResult> r = run(inv, spec);
    CheckResult t = r.get("instance-type");
    assertThat(of(t, "a", "indeterminate").get(0).message())
        .isEqualTo(
            "a: instance type not stated; the host's"
                + " DMI strings (sys_vendor 'Xen', product_name 'HVM domU' ("
                + fx
                + ":4)) do not name it");
    assertThat(of(t, "b", "pass").get(0).where()).isEqualTo(inv + ":3");
    assertThat(t.evidence()).extracting(Evidence::verdict).doesNotContain("warning");
    assertThat(r.get("host-platform").evidence())
        .extracting(Evidence::verdict)
        .doesNotContain("warning");
  }

  @Test
  void aPlatformTheDmiStringsNameOtherThanTheInventorysIsAWarning() throws Exception {
    facts("ec2", "Amazon EC2", "m5.large");
    Path gce = facts("gce", "Google", "Google Compute Engine");
    facts("hyperv", "Microsoft Corporation", "Virtual Machine");
    facts("vmw", "VMware, Inc.", "VMware Virtual Platform");
    facts("surface", "Microsoft Corporation", "Surface Pro 7");
    facts("kvm", "QEMU", "Standard PC (i440FX + PIIX, 1996)");
    Path inv =
        inventory(
            "  - {name: ec2-as-vmware, group: g, platform: vmware, facts: ec2.json}\n",
            "  - {name: gce-as-aws, group: g, platform: aws, instanceType: c4.xlarge, facts: gce.json}\n",
            "  - {name: hyperv-as-physical, group: g, platform: physical, facts: hyperv.json}\n",
            "  - {name: vmw-as-azure, group: g, platform: azure, facts: vmw.json}\n",
            "  - {name: gce-as-gcp, group: g, platform: gcp, facts: gce.json}\n",
            "  - {name: hyperv-as-azure, group: g, platform: azure, facts: hyperv.json}\n",
            "  - {name: surface, group: g, platform: physical, facts: surface.json}\n",
            "  - {name: kvm-as-vmware, group: g, platform: vmware, facts: kvm.json}\n",
            "  - {name: kvm, group: g, platform: kvm, facts: kvm.json}\n");
    Map<String, CheckResult> r = run(inv, spec);
    CheckResult p = r.get("host-platform");
    List<String> warned =
        p.evidence().stream()
            .filter(e -> e.verdict().equals("warning"))
            .flatMap(e -> e.sources().stream())
            .toList();
    assertThat(warned)
        .containsExactly(
            "ec2-as-vmware", "gce-as-aws", "hyperv-as-physical", "vmw-as-azure", "kvm-as-vmware");
    assertThat(of(p, "kvm-as-vmware", "warning").get(0).message())
        .contains("show a QEMU/KVM virtual machine");
    Evidence gceAsAws = of(p, "gce-as-aws", "warning").get(0);
    assertThat(gceAsAws.where()).isEqualTo(inv + ":3");
    assertThat(gceAsAws.message())
        .isEqualTo(
            "gce-as-aws: the inventory states platform aws ("
                + inv
                + ":3) but"
                + " the host's DMI strings (sys_vendor 'Google', product_name 'Google Compute Engine' ("
                + gce
                + ":4)) show a GCP Compute Engine VM; the checks use the inventory's platform");
    assertThat(of(p, "ec2-as-vmware", "warning").get(0).message())
        .contains("show an AWS EC2 instance");
    // Warnings do not decide: ec2-as-vmware is judged as the inventory says (VMware, no type
    // check).
    assertThat(of(r.get("instance-type"), "ec2-as-vmware", "pass")).isEmpty();
    assertThat(of(r.get("instance-type"), "gce-as-aws", "pass").get(0).message())
        .isEqualTo("gce-as-aws: c4.xlarge is recommended (c4.xlarge)");
  }
}
