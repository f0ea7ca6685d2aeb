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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    return new HostCollector(root, fixtureRunner(root), clock, "/opt/zscaler").collect().collected();
  }

  /** A week after the Debian 12 guests were installed and captured (2026-11-24). */
  static final Clock AFTER_DEBIAN_CAPTURE = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void debian12QemuSmallGuestCapturedTree() {
    Collected c = collect("debian12-qemu-small", AFTER_DEBIAN_CAPTURE);
    assertThat(c.facts()).containsEntry("architecture", "x86_64")
        .containsEntry("cpuModel", "QEMU Virtual CPU version 2.5+").containsEntry("threads", 2L)
        .containsEntry("cores", 2L).containsEntry("sockets", 1L).containsEntry("hyperThreading", false)
        .containsEntry("aesNi", false).containsEntry("hypervisor", true)
        .containsEntry("memoryBytes", 2014140L * 1024).containsEntry("installedMemoryBytes", 2L << 30)
        .containsEntry("diskBytes", 6L << 30).containsEntry("filesystemBytes", 6102624L * 1024)
        .containsEntry("systemd", true).containsEntry("osId", "debian").containsEntry("osVersionId", "12")
        .containsEntry("sshPasswordAuthentication", "yes").containsEntry("sshPermitRootLogin", "without-password")
        .containsEntry("sshKbdInteractiveAuthentication", "no").containsEntry("sshUsePam", "yes")
        .containsEntry("lastPackageUpdate", "2026-11-24").containsEntry("packageAgeDays", 7L)
        .containsEntry("dmiSysVendor", "QEMU").containsEntry("dmiProductName", "Standard PC (i440FX + PIIX, 1996)");
    assertThat(c.sources().get("sshPasswordAuthentication")).startsWith("sshd -T");
    assertThat(c.sources().get("diskBytes")).contains("/sys/dev/block/254:0/size").contains("/dev/vda");
    assertThat(c.facts().get("nics")).isEqualTo(List.of(new Nic("ens3", "52:54:00:12:34:56", 0, false),
        new Nic("lo", "00:00:00:00:00:00", 0, true)));
    assertThat(c.facts().get("listening")).isEqualTo(List.of(new Listener("0.0.0.0", 22), new Listener("::", 22)));
    assertThat(c.unreadable()).isEmpty();
  }

  @Test
  void debian12QemuSizedGuestCapturedTree() {
    Collected c = collect("debian12-qemu-sized", AFTER_DEBIAN_CAPTURE);
    assertThat(c.facts()).containsEntry("cpuModel", "Intel Xeon Processor (Skylake)").containsEntry("threads", 4L)
        .containsEntry("cores", 2L).containsEntry("hyperThreading", true).containsEntry("aesNi", true)
        .containsEntry("memoryBytes", 8131272L * 1024).containsEntry("installedMemoryBytes", 8L << 30)
        .containsEntry("diskBytes", 20L << 30).containsEntry("filesystemBytes", 20466256L * 1024)
        .containsEntry("lastPackageUpdate", "2026-11-24")
        .containsEntry("systemd", true).containsEntry("sshPasswordAuthentication", "no")
        .containsEntry("sshPermitRootLogin", "no").containsEntry("dmiProductName", "Standard PC (Q35 + ICH9, 2009)");
    assertThat(c.facts().get("nics")).isEqualTo(List.of(new Nic("enp0s2", "52:54:00:12:34:56", 0, false),
        new Nic("lo", "00:00:00:00:00:00", 0, true)));
    assertThat(c.unreadable()).isEmpty();
  }

  @Test
  void thisMachineCapturedTree() {
    Collected c = collect("this-machine");
    Map<String, Object> f = c.facts();
    assertThat(f).containsEntry("architecture", "x86_64").containsEntry("cpuModel", "AMD EPYC")
        .containsEntry("threads", 2L).containsEntry("cores", 2L).containsEntry("sockets", 1L)
        .containsEntry("hyperThreading", false).containsEntry("aesNi", true)
        .containsEntry("hypervisor", true).containsEntry("memoryBytes", 24683620L * 1024)
        .containsEntry("installedMemoryBytes", 192L * 128 * 1024 * 1024)
        .containsEntry("diskBytes", 536870912L * 512).containsEntry("filesystemBytes", 264212084L * 1024)
        .containsEntry("osId", "debian").containsEntry("osVersionId", "12").containsEntry("systemd", false)
        .containsEntry("lastPackageUpdate", "2026-11-24");
    @SuppressWarnings("unchecked")
    List<Nic> nics = (List<Nic>) f.get("nics");
    assertThat(nics).containsExactly(new Nic("eth0", "02:fc:00:00:00:01", 0, false),
        new Nic("ifb0", "36:66:57:41:37:a3", 1, true), new Nic("ifb1", "6e:a7:14:e1:78:6c", 1, true),
        new Nic("lo", "00:00:00:00:00:00", 0, true));
    assertThat(f.get("listening")).isEqualTo(List.of(new Listener("0.0.0.0", 2024)));
    assertThat(c.unreadable()).containsOnlyKeys("dmiSysVendor", "dmiProductName",
        "sshPasswordAuthentication", "sshPermitRootLogin", "sshKbdInteractiveAuthentication", "sshUsePam");
    assertThat(c.unreadable().get("sshPasswordAuthentication"))
        .isEqualTo("no /etc/ssh/sshd_config (sshd -T: commands are not run against a captured tree, and it has no"
            + " commands/sshd.txt)");
  }

  /**
   * zpa-audit itself ran {@code host collect} inside the sized guest in the same boot that the tree
   * was captured (hosts/live/): reading the captured tree gives the same facts as collecting live.
   */
  @Test
  void theCapturedTreeGivesTheFactsCollectedLiveInTheGuest() throws IOException {
    com.fasterxml.jackson.databind.JsonNode live = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readString(Path.of("src/test/resources/hosts/live/debian12-qemu-sized.json")));
    Clock then = Clock.fixed(Instant.parse(live.get("collectedAt").asText()), ZoneOffset.UTC);
    HostCollector.Result tree = new HostCollector(ROOTS.resolve("debian12-qemu-sized"),
        fixtureRunner(ROOTS.resolve("debian12-qemu-sized")), then, "/opt/zscaler").collect();
    com.fasterxml.jackson.databind.JsonNode fromTree = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(FactsWriter.json(tree, "test"));
    assertThat(live.get("root").asText()).isEqualTo("/");
    assertThat(live.get("unreadable").size()).isZero();
    assertThat(live.get("facts").size()).isGreaterThanOrEqualTo(27);
    live.get("facts").fieldNames().forEachRemaining(k ->
        assertThat(fromTree.get("facts").get(k)).as(k).isEqualTo(live.get("facts").get(k)));
    assertThat(fromTree.get("hostname")).isEqualTo(live.get("hostname"));
  }

  @Test
  void rhel9VmwareTree() {
    Collected c = collect("rhel9-vmware");
    assertThat(c.facts()).containsEntry("threads", 4L).containsEntry("cores", 2L)
        .containsEntry("hyperThreading", true).containsEntry("installedMemoryBytes", 8L << 30)
        .containsEntry("diskBytes", 16L << 30).containsEntry("filesystemBytes", 16709632L * 1024)
        .containsEntry("systemd", true).containsEntry("osId", "rhel").containsEntry("osVersionId", "9.4")
        .containsEntry("sshPasswordAuthentication", "no").containsEntry("sshUsePam", "yes")
        .containsEntry("sshKbdInteractiveAuthentication", "no")
        .containsEntry("sshPermitRootLogin", "prohibit-password")
        .containsEntry("lastPackageUpdate", "2024-11-20T00:00:00Z").containsEntry("packageAgeDays", 11L)
        .containsEntry("dmiSysVendor", "VMware, Inc.");
    assertThat(c.sources()).containsEntry("sshPasswordAuthentication", "/etc/ssh/sshd_config.d/40-keys-only.conf:2");
    assertThat(c.facts().get("listening")).isEqualTo(List.of(new Listener("0.0.0.0", 22),
        new Listener("::", 22), new Listener("127.0.0.1", 25), new Listener("::1", 25)));
    assertThat(c.unreadable()).isEmpty();
  }

  @Test
  void smallArmTreeRecordsWhatItCannotRead() {
    Collected c = collect("small-arm");
    assertThat(c.facts()).containsEntry("architecture", "aarch64").containsEntry("threads", 2L)
        .containsEntry("aesNi", false).containsEntry("memoryBytes", 2009624L * 1024)
        .containsEntry("systemd", false).containsEntry("osId", "centos").containsEntry("osVersionId", "7")
        .containsEntry("sshPasswordAuthentication", "yes").containsEntry("sshPermitRootLogin", "yes")
        .containsEntry("sshKbdInteractiveAuthentication", "yes").containsEntry("lastPackageUpdate", "2023-02-01");
    assertThat(c.sources().get("sshKbdInteractiveAuthentication")).startsWith("OpenSSH default");
    assertThat(c.unreadable()).containsEntry("cores", "no 'cpu cores' in /proc/cpuinfo")
        .containsEntry("diskBytes", "/opt/zscaler is on /opt (tmpfs), not a block device")
        .containsEntry("installedMemoryBytes", "no /sys/devices/system/memory/block_size_bytes")
        .containsKey("filesystemBytes");
    assertThat(c.facts().get("nics")).isEqualTo(List.of(new Nic("eth0", "ae:41:03:9c:10:77", 1, false)));
  }

  @Test
  void emptyTreeSaysWhatItCouldNotReadForEveryFact() throws IOException {
    Path empty = Files.createTempDirectory("empty-root");
    Collected c = new HostCollector(empty, CommandRunner.none(), CLOCK, "/opt/zscaler").collect().collected();
    for (FactKey<?> k : FactKey.ALL) {
      if (FactKey.STATED_ONLY.contains(k)) {
        continue; // stated in inventories only
      }
      assertThat(c.facts().containsKey(k.name()) || c.unreadable().containsKey(k.name()))
          .as(k.name()).isTrue();
    }
    assertThat(c.unreadable()).containsEntry("memoryBytes", "no /proc/meminfo");
    Files.delete(empty);
  }

  @Test
  void liveMachineCollectsWithoutFailingAndNamesWhatItCouldNotRead() {
    HostCollector.Result r = new HostCollector(Path.of("/"), new SystemCommandRunner(10), Clock.systemUTC(),
        "/opt/zscaler").collect();
    Collected c = r.collected();
    for (FactKey<?> k : FactKey.ALL) {
      if (FactKey.STATED_ONLY.contains(k)) {
        continue;
      }
      boolean known = c.facts().containsKey(k.name());
      assertThat(known || !c.unreadable().getOrDefault(k.name(), "").isBlank()).as(k.name()).isTrue();
    }
    assertThat(c.facts()).containsKeys("architecture", "threads", "memoryBytes");
    String json = FactsWriter.json(r, "test");
    assertThat(json).contains("\"schema\" : \"zpa-audit/host-facts/v1\"").contains("\"unreadable\"");
  }

  @Test
  void procNetAddressesAreDecoded() {
    assertThat(NetworkProbe.address("0100007F")).isEqualTo("127.0.0.1");
    assertThat(NetworkProbe.address("0A00000A")).isEqualTo("10.0.0.10");
    assertThat(NetworkProbe.address("00000000000000000000000001000000")).isEqualTo("::1");
    assertThat(NetworkProbe.address("B80D0120000000000000000001000000")).isEqualTo("2001:db8:0:0:0:0:0:1");
  }
}
