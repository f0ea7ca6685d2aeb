package dev.zpaaudit.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Checks, once, whether this machine can run the kernel lab, and says why not. */
final class Requirements {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int CAP_NET_ADMIN = 12;
  private static final int CAP_SYS_ADMIN = 21;
  private static final List<String> TOOLS =
      List.of("ip", "nft", "iptables-restore", "iptables-save", "sysctl", "python3");

  private Requirements() {}

  /**
   * For IPv6 rulesets, once {@link #missing()} is null: null when {@code ip6tables-restore} (with
   * nf_tables) and the kernel's IPv6 are there, else a sentence saying what is missing.
   */
  static String missingForIpv6() {
    if (!Files.isDirectory(Path.of("/proc/sys/net/ipv6"))) {
      return "the kernel has no IPv6 (no /proc/sys/net/ipv6)";
    }
    for (String tool : List.of("ip6tables-restore", "ip6tables-save")) {
      if (Shell.which(tool) == null) {
        return tool + " is not installed (not on PATH, /usr/sbin or /sbin)";
      }
    }
    Shell.Result version = Shell.run(TIMEOUT, null, Shell.which("ip6tables-restore"), "--version");
    if (!version.ok() || !version.stdout().contains("nf_tables")) {
      return "ip6tables-restore must use the nf_tables backend, it says: "
          + (version.stdout() + version.stderr()).strip();
    }
    return null;
  }

  /** Null when everything is in place, else a sentence saying what is missing. */
  static String missing() {
    String os = System.getProperty("os.name", "");
    if (!os.startsWith("Linux")) {
      return "the kernel lab needs Linux network namespaces; this is " + os;
    }
    String caps = capabilities();
    if (caps != null) {
      return caps;
    }
    for (String tool : TOOLS) {
      if (Shell.which(tool) == null) {
        return tool + " is not installed (not on PATH, /usr/sbin or /sbin)";
      }
    }
    Shell.Result version = Shell.run(TIMEOUT, null, Shell.which("iptables-restore"), "--version");
    if (!version.ok() || !version.stdout().contains("nf_tables")) {
      return "iptables-restore must use the nf_tables backend, it says: "
          + (version.stdout() + version.stderr()).strip();
    }
    return namespaceProbe();
  }

  private static String capabilities() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapEff:")) {
          long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
          boolean ok = (caps >> CAP_NET_ADMIN & 1) == 1 && (caps >> CAP_SYS_ADMIN & 1) == 1;
          return ok
              ? null
              : "the kernel lab needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) to create network"
                  + " namespaces; effective capabilities are 0x"
                  + Long.toHexString(caps);
        }
      }
      return "cannot find CapEff in /proc/self/status";
    } catch (IOException e) {
      return "cannot read /proc/self/status: " + e.getMessage();
    }
  }

  private static String namespaceProbe() {
    String ns = Topology.probeName();
    String ip = Shell.which("ip");
    Shell.Result add = Shell.run(TIMEOUT, null, ip, "netns", "add", ns);
    if (!add.ok()) {
      return "'ip netns add' fails: " + add.stderr().strip();
    }
    try {
      Shell.Result nft =
          Shell.run(TIMEOUT, null, ip, "netns", "exec", ns, "nft", "list", "ruleset");
      if (!nft.ok()) {
        return "nft does not work inside a network namespace: " + nft.stderr().strip();
      }
      Shell.Result py =
          Shell.run(
              TIMEOUT,
              null,
              ip,
              "netns",
              "exec",
              ns,
              Shell.python(),
              "-c",
              "import ctypes, socket; socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM).close()");
      if (!py.ok()) {
        return "python3 cannot open packet sockets in a namespace: " + py.stderr().strip();
      }
      return null;
    } finally {
      Shell.run(TIMEOUT, null, ip, "netns", "delete", ns);
    }
  }
}
