package dev.zpaaudit.checks.hosts;

import static dev.zpaaudit.checks.hosts.HostChecksTest.of;
import static dev.zpaaudit.checks.hosts.HostChecksTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.inventory.InventoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R9 "root or sudo": collected for the collecting account, or stated. */
class PrivilegedAccessCheckTest {
  static final Path INV = Path.of("src/test/resources/hosts/inventories");
  static HostRules spec;
  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    spec = HostRulesLoader.load();
  }

  static List<String> messages(CheckResult c, String subject, String verdict) {
    return of(c, subject, verdict).stream()
        .map(Evidence::message)
        .filter(m -> m.contains("root or sudo") || m.contains("privileged access"))
        .toList();
  }

  @Test
  void rootOrEitherSudoPassesNoneFailsUnknownCannotBeJudged() throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(
        f,
        "connectors:\n"
            + "  - {name: r, group: g, platform: vmware, privilegedAccess: root}\n"
            + "  - {name: s, group: g, platform: vmware, privilegedAccess: sudo}\n"
            + "  - {name: p, group: g, platform: vmware, privilegedAccess: Sudo-With-Password}\n"
            + "  - {name: n, group: g, platform: vmware, privilegedAccess: none}\n"
            + "  - {name: u, group: g, platform: vmware}\n");
    CheckResult p = run(f, spec).get("host-platform");
    assertThat(messages(p, "r", "pass")).containsExactly("r: privileged access: root");
    assertThat(messages(p, "s", "pass"))
        .containsExactly("s: privileged access: sudo without a password");
    assertThat(messages(p, "p", "pass"))
        .containsExactly("p: privileged access: sudo with a password");
    Evidence none =
        of(p, "n", "fail").stream()
            .filter(e -> e.message().contains("root or sudo"))
            .findFirst()
            .get();
    assertThat(none.message()).isEqualTo("n: no root or sudo access (privilegedAccess none)");
    assertThat(none.where()).isEqualTo(f + ":5");
    assertThat(none.rule()).isEqualTo("platform.requireRootOrSudo = true (rules/hosts.yaml:57)");
    assertThat(none.data()).containsEntry("privilegedAccess", "none");
    assertThat(messages(p, "u", "indeterminate"))
        .containsExactly(
            "u: root or sudo unknown: root or sudo"
                + " access: not stated in the inventory and no facts file");
    assertThat(p.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void collectedFactsDecideAndWhatCouldNotBeReadIsIndeterminateWithWhy() throws Exception {
    CheckResult pass = run(INV.resolve("pass.yaml"), spec).get("host-platform");
    assertThat(messages(pass, "ac-vm-1", "pass"))
        .containsExactly("ac-vm-1: privileged access: sudo with a password");
    assertThat(
            of(pass, "ac-vm-1", "pass").stream()
                .filter(e -> e.message().contains("sudo"))
                .findFirst()
                .get()
                .file())
        .endsWith("facts/rhel9-vmware.json");

    CheckResult fail = run(INV.resolve("fail.yaml"), spec).get("host-platform");
    assertThat(messages(fail, "ac-arm", "fail"))
        .containsExactly("ac-arm: no root or sudo access (privilegedAccess none)");
    assertThat(messages(fail, "ac-vm-small", "fail")).hasSize(1);

    Path facts = tmp.resolve("facts.json");
    Files.writeString(
        facts,
        "{\"schema\": \"zpa-audit/host-facts/v1\", \"facts\": {},\n"
            + " \"unreadable\": {\"privilegedAccess\": \"effective uid unknown (no /proc/self/status)\"}}\n");
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(
        f, "connectors:\n  - {name: a, group: g, platform: vmware, facts: facts.json}\n");
    CheckResult p = run(f, spec).get("host-platform");
    Evidence e =
        of(p, "a", "indeterminate").stream()
            .filter(x -> x.message().contains("root or sudo"))
            .findFirst()
            .get();
    assertThat(e.message())
        .isEqualTo(
            "a: root or sudo unknown: not readable when collected: effective uid unknown"
                + " (no /proc/self/status)");
    assertThat(e.where()).isEqualTo(facts + ":2");
  }

  @Test
  void theFactsFileWinsOverAStatedValueWithAWarning() throws Exception {
    Path f = tmp.resolve("inv.yaml");
    Files.copy(INV.resolve("facts/small-arm.json"), tmp.resolve("small-arm.json"));
    Files.writeString(
        f,
        "connectors:\n  - {name: a, group: g, platform: physical, facts: small-arm.json,"
            + " privilegedAccess: root}\n");
    InventoryReader.Result r = InventoryReader.read(f);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::format)
        .anyMatch(
            m ->
                m.startsWith(
                    f
                        + ":2: warning:"
                        + " privilegedAccess: stated root but the facts file has none"));
    assertThat(messages(run(f, spec).get("host-platform"), "a", "fail")).hasSize(1);
  }

  @Test
  void theRuleCanBeTurnedOff() throws Exception {
    Path rules = tmp.resolve("r.yaml");
    Files.writeString(rules, "platform:\n  requireRootOrSudo: false\n");
    HostRules off = HostRulesLoader.load(List.of(), List.of(rules), List.of());
    Path f = tmp.resolve("inv.yaml");
    Files.writeString(
        f, "connectors:\n  - {name: n, group: g, platform: vmware, privilegedAccess: none}\n");
    assertThat(messages(run(f, off).get("host-platform"), "n", "fail")).isEmpty();
  }
}
