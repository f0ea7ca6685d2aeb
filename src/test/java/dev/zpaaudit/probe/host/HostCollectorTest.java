package dev.zpaaudit.probe.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Listener;
import dev.zpaaudit.model.host.Nic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCollectorTest {
  static final Path ROOTS = Path.of("src/test/resources/hosts/roots");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T12:00:00Z"), ZoneOffset.UTC);

  /** Serves captured command output from ROOT/commands/NAME.txt; other commands are unavailable. */
  static CommandRunner fixtureRunner(Path root) {
    return CommandRunner.captured(root);
  }

  static Collected collect(String tree) {
    return collect(tree, CLOCK);
  }

  static Collected collect(String tree, Clock clock) {
    Path root = ROOTS.resolve(tree);
    return new HostCollector(root, fixtureRunner(root), clock, "/opt/zscaler")
        .collect()
        .collected();
  }

  /** A week after the Debian 12 guests were installed and captured (2026-11-24). */
  static final Clock AFTER_DEBIAN_CAPTURE =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void debian12QemuSmallGuestCapturedTree() {
    Collected c = collect("debian12-qemu-small", AFTER_DEBIAN_CAPTURE);
    assertThat(c.facts())
        .containsEntry("architecture", "x86_64")
        .containsEntry("cpuModel", "QEMU Virtual CPU version 2.5+")
        .containsEntry("threads", 2L)
        .containsEntry("cores", 2L)
        .containsEntry("sockets", 1L)
        .containsEntry("hyperThreading", false)
        .containsEntry("aesNi", false)
        .containsEntry("hypervisor", true)
        .containsEntry("memoryBytes", 2014140L * 1024)
        .containsEntry("installedMemoryBytes", 2L << 30)
        .containsEntry("diskBytes", 6L << 30)
        .containsEntry("filesystemBytes", 6102624L * 1024)
        .containsEntry("systemd", true)
        .containsEntry("osId", "debian")
        .containsEntry("osVersionId", "12")
        .containsEntry("sshPasswordAuthentication", "yes")
        .containsEntry("sshPermitRootLogin", "without-password")
        .containsEntry("sshKbdInteractiveAuthentication", "no")
        .containsEntry("sshUsePam", "yes")
        .containsEntry("lastPackageUpdate", "2026-11-24")
        .containsEntry("packageAgeDays", 7L)
        .containsEntry("dmiSysVendor", "QEMU")
        .containsEntry("dmiProductName", "Standard PC (i440FX + PIIX, 1996)");
    assertThat(c.sources().get("sshPasswordAuthentication")).startsWith("sshd -T");
    assertThat(c.sources().get("diskBytes"))
        .contains("/sys/dev/block/254:0/size")
        .contains("/dev/vda");
    assertThat(c.facts().get("nics"))
        .isEqualTo(
            List.of(
                new Nic("ens3", "52:54:00:12:34:56", 0, false),
                new Nic("lo", "00:00:00:00:00:00", 0, true)));
    assertThat(c.facts().get("listening"))
        .isEqualTo(List.of(new Listener("0.0.0.0", 22), new Listener("::", 22)));
    assertThat(c.unreadable()).isEmpty();
  }

  @Test
  void debian12QemuSizedGuestCapturedTree() {
    Collected c = collect("debian12-qemu-sized", AFTER_DEBIAN_CAPTURE);
    assertThat(c.facts())
        .containsEntry("cpuModel", "Intel Xeon Processor (Skylake)")
        .containsEntry("threads", 4L)
        .containsEntry("cores", 2L)
        .containsEntry("hyperThreading", true)
        .containsEntry("aesNi", true)
        .containsEntry("memoryBytes", 8131264L * 1024)
        .containsEntry("installedMemoryBytes", 8L << 30)
        .containsEntry("diskBytes", 20L << 30)
        .containsEntry("filesystemBytes", 20466256L * 1024)
        .containsEntry("lastPackageUpdate", "2026-11-24")
        .containsEntry("systemd", true)
        .containsEntry("sshPasswordAuthentication", "no")
        .containsEntry("sshPermitRootLogin", "no")
        .containsEntry("dmiProductName", "Standard PC (Q35 + ICH9, 2009)");
    assertThat(c.facts().get("nics"))
        .isEqualTo(
            List.of(
                new Nic("enp0s2", "52:54:00:12:34:56", 0, false),
                new Nic("lo", "00:00:00:00:00:00", 0, true)));
    assertThat(c.unreadable()).isEmpty();
  }

  @Test
  void thisMachineCapturedTree() {
    Collected c = collect("this-machine");
    Map<String, Object> f = c.facts();
    assertThat(f)
        .containsEntry("architecture", "x86_64")
        .containsEntry("cpuModel", "AMD EPYC")
        .containsEntry("threads", 2L)
        .containsEntry("cores", 2L)
        .containsEntry("sockets", 1L)
        .containsEntry("hyperThreading", false)
        .containsEntry("aesNi", true)
        .containsEntry("hypervisor", true)
        .containsEntry("memoryBytes", 24683620L * 1024)
        .containsEntry("installedMemoryBytes", 192L * 128 * 1024 * 1024)
        .containsEntry("diskBytes", 536870912L * 512)
        .containsEntry("filesystemBytes", 264212084L * 1024)
        .containsEntry("osId", "debian")
        .containsEntry("osVersionId", "12")
        .containsEntry("systemd", false)
        .containsEntry("lastPackageUpdate", "2026-11-24");
    @SuppressWarnings("unchecked")
    List<Nic> nics = (List<Nic>) f.get("nics");
    assertThat(nics)
        .containsExactly(
            new Nic("eth0", "02:fc:00:00:00:01", 0, false),
            new Nic("ifb0", "36:66:57:41:37:a3", 1, true),
            new Nic("ifb1", "6e:a7:14:e1:78:6c", 1, true),
            new Nic("lo", "00:00:00:00:00:00", 0, true));
    assertThat(f.get("listening")).isEqualTo(List.of(new Listener("0.0.0.0", 2024)));
    assertThat(c.unreadable())
        .containsOnlyKeys(
            "dmiSysVendor",
            "dmiProductName",
            "sshPasswordAuthentication",
            "sshPermitRootLogin",
            "sshKbdInteractiveAuthentication",
            "sshUsePam",
            "privilegedAccess");
    assertThat(c.unreadable().get("sshPasswordAuthentication"))
        .isEqualTo(
            "no /etc/ssh/sshd_config (sshd -T: commands are not run against a captured tree, and it has no"
                + " commands/sshd.txt)");
    // /proc/self/status was not captured: the user is unknown, and there is no sudo to try.
    assertThat(c.unreadable().get("privilegedAccess"))
        .isEqualTo("effective uid unknown (no /proc/self/status); no /usr/bin/sudo or /bin/sudo");
  }

  /**
   * zpa-audit itself ran {@code host collect} inside the sized guest in the same boot that the tree
   * was captured (hosts/live/): reading the captured tree gives the same facts as collecting live.
   */
  @Test
  void theCapturedTreeGivesTheFactsCollectedLiveInTheGuest() throws IOException {
    com.fasterxml.jackson.databind.JsonNode live =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                Files.readString(
                    Path.of("src/test/resources/hosts/live/debian12-qemu-sized.json")));
    Clock then = Clock.fixed(Instant.parse(live.get("collectedAt").asText()), ZoneOffset.UTC);
    HostCollector.Result tree =
        new HostCollector(
                ROOTS.resolve("debian12-qemu-sized"),
                fixtureRunner(ROOTS.resolve("debian12-qemu-sized")),
                then,
                "/opt/zscaler")
            .collect();
    com.fasterxml.jackson.databind.JsonNode fromTree =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(FactsWriter.json(tree, "test"));
    assertThat(live.get("root").asText()).isEqualTo("/");
    assertThat(live.get("unreadable").size()).isZero();
    assertThat(live.get("facts").size()).isGreaterThanOrEqualTo(27);
    live.get("facts")
        .fieldNames()
        .forEachRemaining(
            k ->
                assertThat(fromTree.get("facts").get(k)).as(k).isEqualTo(live.get("facts").get(k)));
    assertThat(fromTree.get("hostname")).isEqualTo(live.get("hostname"));
    // The live file predates privilegedAccess; both ran as root, which the tree's /proc/self/status
    // shows.
    assertThat(fromTree.get("facts").get("privilegedAccess").asText()).isEqualTo("root");
  }

  @Test
  void rhel9VmwareTree() {
    Collected c = collect("rhel9-vmware");
    assertThat(c.facts())
        .containsEntry("threads", 4L)
        .containsEntry("cores", 2L)
        .containsEntry("hyperThreading", true)
        .containsEntry("installedMemoryBytes", 8L << 30)
        .containsEntry("diskBytes", 16L << 30)
        .containsEntry("filesystemBytes", 16709632L * 1024)
        .containsEntry("systemd", true)
        .containsEntry("osId", "rhel")
        .containsEntry("osVersionId", "9.4")
        .containsEntry("sshPasswordAuthentication", "no")
        .containsEntry("sshUsePam", "yes")
        .containsEntry("sshKbdInteractiveAuthentication", "no")
        .containsEntry("sshPermitRootLogin", "prohibit-password")
        .containsEntry("lastPackageUpdate", "2024-11-20T00:00:00Z")
        .containsEntry("packageAgeDays", 11L)
        .containsEntry("dmiSysVendor", "VMware, Inc.")
        .containsEntry("privilegedAccess", "sudo-with-password");
    assertThat(c.sources())
        .containsEntry("sshPasswordAuthentication", "/etc/ssh/sshd_config.d/40-keys-only.conf:2");
    assertThat(c.sources().get("privilegedAccess"))
        .isEqualTo(
            "effective uid 1000; /usr/bin/sudo exists;"
                + " sudo -n true: commands are not run against a captured tree, and it has no commands/sudo.txt; user zadmin (uid 1000 in /etc/passwd) is in group wheel (/etc/group),"
                + " which the default sudoers lets use sudo with a password");
    assertThat(c.facts().get("listening"))
        .isEqualTo(
            List.of(
                new Listener("0.0.0.0", 22),
                new Listener("::", 22),
                new Listener("127.0.0.1", 25),
                new Listener("::1", 25)));
    assertThat(c.unreadable()).isEmpty();
  }

  @Test
  void smallArmTreeRecordsWhatItCannotRead() {
    Collected c = collect("small-arm");
    assertThat(c.facts())
        .containsEntry("architecture", "aarch64")
        .containsEntry("threads", 2L)
        .containsEntry("aesNi", false)
        .containsEntry("memoryBytes", 2009624L * 1024)
        .containsEntry("systemd", false)
        .containsEntry("osId", "centos")
        .containsEntry("osVersionId", "7")
        .containsEntry("sshPasswordAuthentication", "yes")
        .containsEntry("sshPermitRootLogin", "yes")
        .containsEntry("sshKbdInteractiveAuthentication", "yes")
        .containsEntry("lastPackageUpdate", "2023-02-01");
    assertThat(c.sources().get("sshKbdInteractiveAuthentication")).startsWith("OpenSSH default");
    assertThat(c.unreadable())
        .containsEntry("cores", "no 'cpu cores' in /proc/cpuinfo")
        .containsEntry("diskBytes", "/opt/zscaler is on /opt (tmpfs), not a block device")
        .containsEntry("installedMemoryBytes", "no /sys/devices/system/memory/block_size_bytes")
        .containsKey("filesystemBytes");
    assertThat(c.facts().get("nics"))
        .isEqualTo(List.of(new Nic("eth0", "ae:41:03:9c:10:77", 1, false)));
    assertThat(c.facts()).containsEntry("privilegedAccess", "none");
    assertThat(c.sources())
        .containsEntry(
            "privilegedAccess",
            "/proc/self/status (effective uid 1000); no /usr/bin/sudo or /bin/sudo");
  }

  /** A tree with /proc/self/status for the uid, sudo installed, and the given passwd and group. */
  Path privilegeTree(Path dir, long uid, String passwd, String group) throws IOException {
    Files.createDirectories(dir.resolve("proc/self"));
    Files.createDirectories(dir.resolve("etc"));
    Files.createDirectories(dir.resolve("bin"));
    Files.writeString(
        dir.resolve("proc/self/status"),
        "Name:\tjava\nUid:\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\nGid:\t100\t100\t100\t100\n");
    Files.writeString(dir.resolve("bin/sudo"), "");
    if (passwd != null) {
      Files.writeString(dir.resolve("etc/passwd"), passwd);
    }
    if (group != null) {
      Files.writeString(dir.resolve("etc/group"), group);
    }
    return dir;
  }

  static Collected collect(Path root, CommandRunner run, Map<String, String> env) {
    return new HostCollector(root, run, CLOCK, "/opt/zscaler", env).collect().collected();
  }

  @Test
  void privilegedAccessRootPasswordlessSudoSudoWithAPasswordOrUnknown(@TempDir Path tmp)
      throws IOException {
    List<List<String>> ran = new ArrayList<>();
    CommandRunner sudoOk =
        argv -> {
          ran.add(argv);
          return argv.get(0).equals("sudo")
              ? new CommandRunner.Result(0, "", null)
              : new CommandRunner.Result(-1, "", argv.get(0) + " not captured");
        };
    CommandRunner sudoAsks =
        argv -> {
          ran.add(argv);
          return argv.get(0).equals("sudo")
              ? new CommandRunner.Result(1, "", null)
              : new CommandRunner.Result(-1, "", argv.get(0) + " not captured");
        };
    String passwd = "root:x:0:0:root:/root:/bin/bash\nops:x:1001:100::/home/ops:/bin/bash\n";

    // Root: sudo is not even tried.
    Collected root = collect(privilegeTree(tmp.resolve("root"), 0, passwd, null), sudoOk, Map.of());
    assertThat(root.facts()).containsEntry("privilegedAccess", "root");
    assertThat(root.sources())
        .containsEntry("privilegedAccess", "/proc/self/status (effective uid 0)");
    assertThat(ran).noneMatch(a -> a.get(0).equals("sudo"));

    // Passwordless sudo: sudo -n true succeeds.
    Collected nopasswd =
        collect(privilegeTree(tmp.resolve("nopasswd"), 1001, passwd, null), sudoOk, Map.of());
    assertThat(nopasswd.facts()).containsEntry("privilegedAccess", "sudo");
    assertThat(nopasswd.sources())
        .containsEntry(
            "privilegedAccess", "effective uid 1001; sudo -n true succeeded (passwordless sudo)");
    assertThat(ran).contains(List.of("sudo", "-n", "true"));

    // sudo asks for a password; ops is in wheel by primary group, or in sudo as a listed member.
    Collected primary =
        collect(
            privilegeTree(tmp.resolve("primary"), 1001, passwd, "wheel:x:100:\n"),
            sudoAsks,
            Map.of());
    assertThat(primary.facts()).containsEntry("privilegedAccess", "sudo-with-password");
    Collected listed =
        collect(
            privilegeTree(tmp.resolve("listed"), 1001, passwd, "sudo:x:27:alice,ops\n"),
            sudoAsks,
            Map.of());
    assertThat(listed.sources().get("privilegedAccess"))
        .isEqualTo(
            "effective uid 1001; /bin/sudo exists;"
                + " sudo -n true: exit code 1; user ops (uid 1001 in /etc/passwd) is in group sudo (/etc/group), which"
                + " the default sudoers lets use sudo with a password");

    // A user not in /etc/passwd (a directory user) is named by the environment.
    Collected env =
        collect(
            privilegeTree(tmp.resolve("env"), 5000, passwd, "admin:x:115:ldapuser\n"),
            sudoAsks,
            Map.of("USER", "ldapuser"));
    assertThat(env.facts()).containsEntry("privilegedAccess", "sudo-with-password");
    assertThat(env.sources().get("privilegedAccess"))
        .contains("user ldapuser ($USER) is in group admin");

    // In no admin group: a sudoers entry by name may still exist, so it is not known.
    Collected neither =
        collect(
            privilegeTree(tmp.resolve("neither"), 1001, passwd, "wheel:x:10:alice\n"),
            sudoAsks,
            Map.of());
    assertThat(neither.facts()).doesNotContainKey("privilegedAccess");
    assertThat(neither.unreadable().get("privilegedAccess"))
        .isEqualTo(
            "effective uid 1001; /bin/sudo exists;"
                + " sudo -n true: exit code 1; user ops (uid 1001 in /etc/passwd) is in none of sudo, wheel, admin"
                + " (/etc/group); a sudoers entry for the user cannot be read without root");

    // No user name at all.
    Collected nobody =
        collect(
            privilegeTree(tmp.resolve("nobody"), 5000, passwd, "wheel:x:10:\n"),
            sudoAsks,
            Map.of());
    assertThat(nobody.unreadable().get("privilegedAccess"))
        .endsWith(
            "; user name unknown (uid 5000 not in"
                + " /etc/passwd; no USER or LOGNAME in the environment)");
  }

  @Test
  void effectiveUidIsTheSecondUidField() {
    assertThat(PrivilegeProbe.effectiveUid("Name:\tx\nUid:\t1000\t0\t0\t0\n")).contains(0L);
    assertThat(PrivilegeProbe.effectiveUid("Name:\tx\n")).isEmpty();
  }

  @Test
  void emptyTreeSaysWhatItCouldNotReadForEveryFact() throws IOException {
    Path empty = Files.createTempDirectory("empty-root");
    Collected c =
        new HostCollector(empty, CommandRunner.none(), CLOCK, "/opt/zscaler").collect().collected();
    for (FactKey<?> k : FactKey.ALL) {
      if (FactKey.STATED_ONLY.contains(k)) {
        continue; // stated in inventories only
      }
      assertThat(c.facts().containsKey(k.name()) || c.unreadable().containsKey(k.name()))
          .as(k.name())
          .isTrue();
    }
    assertThat(c.unreadable()).containsEntry("memoryBytes", "no /proc/meminfo");
    Files.delete(empty);
  }

  @Test
  void liveMachineCollectsWithoutFailingAndNamesWhatItCouldNotRead() {
    HostCollector.Result r =
        new HostCollector(
                Path.of("/"), new SystemCommandRunner(10), Clock.systemUTC(), "/opt/zscaler")
            .collect();
    Collected c = r.collected();
    for (FactKey<?> k : FactKey.ALL) {
      if (FactKey.STATED_ONLY.contains(k)) {
        continue;
      }
      boolean known = c.facts().containsKey(k.name());
      assertThat(known || !c.unreadable().getOrDefault(k.name(), "").isBlank())
          .as(k.name())
          .isTrue();
    }
    assertThat(c.facts()).containsKeys("architecture", "threads", "memoryBytes");
    String euid =
        PrivilegeProbe.effectiveUid(readOrEmpty(Path.of("/proc/self/status")))
            .map(String::valueOf)
            .orElse("?");
    if (euid.equals("0")) { // CI runs the tests as root
      assertThat(c.facts()).containsEntry("privilegedAccess", "root");
    }
    String json = FactsWriter.json(r, "test");
    assertThat(json)
        .contains("\"schema\" : \"zpa-audit/host-facts/v1\"")
        .contains("\"unreadable\"");
  }

  static String readOrEmpty(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void procNetAddressesAreDecoded() {
    assertThat(NetworkProbe.address("0100007F")).isEqualTo("127.0.0.1");
    assertThat(NetworkProbe.address("0A00000A")).isEqualTo("10.0.0.10");
    assertThat(NetworkProbe.address("00000000000000000000000001000000")).isEqualTo("::1");
    assertThat(NetworkProbe.address("B80D0120000000000000000001000000"))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }
}
