package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Listener;
import dev.zpaaudit.model.host.Nic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * R5, R9, R11: NICs from /sys/class/net (a NIC with a {@code device} link is hardware; the rest are
 * software devices), and listening TCP sockets from /proc/net/tcp and tcp6.
 */
final class NetworkProbe {
  private NetworkProbe() {}

  static void collect(RootFs fs, Collected c) {
    nics(fs, c);
    listening(fs, c);
  }

  private static void nics(RootFs fs, Collected c) {
    Path dir = fs.path("/sys/class/net");
    List<Nic> out = new ArrayList<>();
    try (var s = Files.list(dir)) {
      List<Path> names = s.sorted().toList();
      for (Path p : names) {
        String n = p.getFileName().toString();
        String mac = fs.read("/sys/class/net/" + n + "/address").map(String::trim).orElse(null);
        int type =
            fs.read("/sys/class/net/" + n + "/addr_assign_type")
                .map(String::trim)
                .filter(t -> t.matches("[0-3]"))
                .map(Integer::parseInt)
                .orElse(-1);
        boolean virtual = !Files.exists(p.resolve("device"));
        out.add(new Nic(n, mac == null || mac.isEmpty() ? null : mac, type, virtual));
      }
    } catch (IOException e) {
      c.miss(FactKey.NICS, "cannot list /sys/class/net: " + e.getMessage());
      return;
    }
    c.put(FactKey.NICS, out, "/sys/class/net/*/{address,addr_assign_type,device}");
  }

  private static void listening(RootFs fs, Collected c) {
    TreeSet<Listener> all = new TreeSet<>();
    List<String> read = new ArrayList<>();
    String why = null;
    for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Optional<String> t = fs.read(f);
      if (t.isPresent()) {
        read.add(f);
        all.addAll(parse(t.get()));
      } else if (f.endsWith("tcp")) {
        why = fs.lastError;
      }
    }
    if (why != null) {
      c.miss(FactKey.LISTENING, why);
    } else {
      c.put(FactKey.LISTENING, List.copyOf(all), String.join(", ", read) + " (state 0A)");
    }
  }

  static List<Listener> parse(String text) {
    List<Listener> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4 || !f[0].endsWith(":") || !f[3].equals("0A")) {
        continue;
      }
      String[] local = f[1].split(":");
      out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
    }
    return out;
  }

  /** /proc/net hex addresses are 32-bit words in host (little-endian) order. */
  static String address(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int w = 0; w < b.length / 4; w++) {
      for (int i = 0; i < 4; i++) {
        int at = (w * 4 + i) * 2;
        b[w * 4 + 3 - i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      String s = java.net.InetAddress.getByAddress(b).getHostAddress();
      return s.equals("0:0:0:0:0:0:0:0") ? "::" : s.equals("0:0:0:0:0:0:0:1") ? "::1" : s;
    } catch (java.net.UnknownHostException e) {
      return hex;
    }
  }
}
