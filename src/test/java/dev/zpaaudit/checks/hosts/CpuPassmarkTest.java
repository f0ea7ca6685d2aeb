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

/** R2, the vendor's current pages: a PassMark CPU mark, which only an inventory can state. */
class CpuPassmarkTest {
  static final Path INV = Path.of("src/test/resources/hosts/inventories");
  static HostRules spec;
  static HostRules strict;
  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    spec = HostRulesLoader.load();
    strict = HostRulesLoader.load(List.of("strict"), List.of(), List.of());
  }

  CheckResult cpu(HostRules r, String connectors) throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(f, "connectors:\n" + connectors);
    return run(f, r).get("host-cpu");
  }

  @Test
  void aStatedMarkAtOrAboveTheMinimumPassesBelowItFails() throws Exception {
    CheckResult c =
        cpu(
            strict,
            "  - {name: fast, group: g, platform: vmware, vcpus: 4, aesNi: true, passmark: 3100}\n"
                + "  - {name: edge, group: g, platform: vmware, vcpus: 4, aesNi: true, passmark: 2640}\n"
                + "  - {name: slow, group: g, platform: vmware, vcpus: 4, aesNi: true, passmark: 1500}\n");
    Evidence fast =
        of(c, "fast", "pass").stream()
            .filter(e -> e.message().contains("PassMark"))
            .findFirst()
            .get();
    assertThat(fast.message()).isEqualTo("fast: PassMark CPU mark 3100 (stated) >= 2640");
    assertThat(fast.rule()).isEqualTo("cpu.minimumPassmark = 2640 (rules/profiles/strict.yaml:6)");
    assertThat(fast.where()).isEqualTo(tmp.resolve("inv.yaml") + ":2");
    assertThat(fast.data())
        .containsEntry("passmark", 3100L)
        .containsEntry("requiredPassmark", 2640L);
    assertThat(of(c, "edge", "fail")).isEmpty();
    assertThat(of(c, "slow", "fail"))
        .extracting(Evidence::message)
        .containsExactly("slow: PassMark CPU mark 1500 (stated) < 2640");
    assertThat(c.status()).isEqualTo(Status.FAIL);
    assertThat(c.remediation()).contains("PassMark CPU mark of at least 2640");
  }

  @Test
  void withoutAStatedMarkTheVerdictIsIndeterminateNamingTheCpu() throws Exception {
    CheckResult c =
        cpu(strict, "  - {name: a, group: g, platform: vmware, vcpus: 4, aesNi: true}\n");
    assertThat(c.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(of(c, "a", "pass")).hasSize(2); // vCPUs and AES-NI
    assertThat(of(c, "a", "indeterminate"))
        .extracting(Evidence::message)
        .containsExactly(
            "a: PassMark CPU mark"
                + " not stated (it cannot be measured on the host): the CPU model is unknown too; look up the CPU's"
                + " mark and state it as passmark in the inventory");

    // With a facts file the CPU model is named, with where it was read.
    CheckResult vm = run(INV.resolve("pass.yaml"), strict).get("host-cpu");
    String facts = INV.toAbsolutePath().resolve("facts/rhel9-vmware.json").toString();
    assertThat(of(vm, "ac-vm-1", "indeterminate"))
        .extracting(Evidence::message)
        .containsExactly(
            "ac-vm-1:"
                + " PassMark CPU mark not stated (it cannot be measured on the host): look up the CPU mark of"
                + " Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz ("
                + facts
                + ":12) and state it as passmark in the inventory");
  }

  @Test
  void theSpecProfileAsksForNoMark() throws Exception {
    CheckResult c =
        cpu(
            spec,
            "  - {name: a, group: g, platform: vmware, vcpus: 4, passmark: 100}\n"
                + "  - {name: b, group: g, platform: vmware, vcpus: 4}\n");
    assertThat(c.status()).isEqualTo(Status.PASS);
    assertThat(c.evidence()).extracting(Evidence::message).noneMatch(m -> m.contains("PassMark"));
  }
}
