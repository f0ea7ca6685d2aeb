package dev.zpaaudit.ingest.iproute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GRE tunnel captured from the real tools. This machine's kernel has no GRE module, so the
 * capture is made inside User-mode Linux (Debian's user-mode-linux, whose kernel ships ip_gre as a
 * module), booted with the host's file system as its root: a script loads the module, builds a GRE
 * tunnel with the default route into it, writes the three ip -j outputs into a folder here, and
 * powers the guest off. Skipped, saying why, where User-mode Linux or modprobe is not installed.
 */
class GreCaptureTest {
  private static final Path UML = Path.of("/usr/bin/linux.uml");
  private static final Path MODULES = Path.of("/usr/lib/uml/modules");

  @TempDir Path dir;

  @Test
  void aDefaultRouteIntoGreFailsBothPathChecksWithGresOverhead() throws Exception {
    assumeTrue(
        Files.isExecutable(UML),
        "User-mode Linux is not installed (apt-get install user-mode-linux)");
    assumeTrue(
        Stream.of("/usr/sbin/modprobe", "/sbin/modprobe")
            .anyMatch(p -> Files.isExecutable(Path.of(p))),
        "modprobe is not installed (apt-get install kmod)");
    String version;
    try (Stream<Path> v = Files.list(MODULES)) {
      version = v.map(p -> p.getFileName().toString()).findFirst().orElse(null);
    }
    assumeTrue(version != null, "User-mode Linux ships no modules in " + MODULES);
    Path root = dir.resolve("root/lib/modules");
    Files.createDirectories(root);
    Files.createSymbolicLink(root.resolve(version), MODULES.resolve(version));
    Path out = Files.createDirectories(dir.resolve("capture"));
    Path init = dir.resolve("init.sh");
    Files.writeString(init, script(dir.resolve("root"), out), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb =
        new ProcessBuilder(
                UML.toString(),
                "mem=128M",
                "rootfstype=hostfs",
                "rootflags=/",
                "rw",
                "init=" + init,
                "con=null",
                "con0=null,fd:1")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.txt").toFile());
    pb.environment().put("TMPDIR", dir.toString());
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    String console = Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8);
    assumeTrue(
        Files.exists(out.resolve("status")),
        "User-mode Linux did not finish the capture: " + tail(console));
    assertThat(Files.readString(out.resolve("link.json"))).contains("\"info_kind\":\"gre\"");
    IprouteCaptureTest.Run r =
        IprouteCaptureTest.audit("--config", out.toString(), "--connector", "10.9.0.1");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL mtu-path")
        .contains("leaves through tunnel gre1 (gre: 24 bytes of encapsulation, effective MTU 1476)")
        .contains("FAIL default-gateway")
        .contains("the default route points at tunnel gre1 (gre)")
        // The idle devices a loaded GRE module adds are not taken for the path.
        .doesNotContain("gretap0")
        .doesNotContain("erspan0");
  }

  private static String script(Path root, Path out) {
    return String.join(
        "\n",
        "#!/bin/sh",
        "PATH=/usr/sbin:/sbin:/usr/bin:/bin; export PATH",
        "mount -t proc proc /proc",
        "mount -t sysfs sys /sys",
        "modprobe -d " + root + " ip_gre",
        "ip link set lo up",
        "ip link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 ttl 64",
        "ip addr add 10.9.0.1/24 dev gre1",
        "ip link set gre1 up",
        "ip route add default dev gre1",
        "ip -j -d link show > " + out + File.separator + "link.json",
        "ip -j route show table all > " + out + File.separator + "route.json",
        "ip -j rule show > " + out + File.separator + "rule.json",
        "echo done > " + out + File.separator + "status",
        "echo o > /proc/sysrq-trigger",
        "");
  }

  private static String tail(String s) {
    List<String> lines = s.lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }
}
