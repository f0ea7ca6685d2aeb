package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import java.util.List;
import java.util.Optional;

/**
 * R4: the file system holding the install path (from {@code df -Pk}) and the block device under it
 * (its mount in /proc/self/mountinfo, then /sys/dev/block/MAJ:MIN/size in 512-byte sectors).
 */
final class StorageProbe {
  private StorageProbe() {}

  static void collect(RootFs fs, CommandRunner run, Collected c, String installPath) {
    c.put(FactKey.INSTALL_PATH, installPath, "option --install-path");
    String existing = nearestExisting(fs, installPath);
    CommandRunner.Result df = run.run(List.of("df", "-Pk", "--", existing));
    Optional<Long> size = df.ok() ? dfTotal(df.out()) : Optional.empty();
    if (size.isPresent()) {
      c.put(FactKey.FILESYSTEM_BYTES, size.get(), "df -Pk " + existing);
    } else {
      c.miss(
          FactKey.FILESYSTEM_BYTES,
          "df -Pk " + existing + ": " + (df.ok() ? "unreadable output" : df.why()));
    }
    device(fs, c, installPath);
  }

  static String nearestExisting(RootFs fs, String abs) {
    String p = abs;
    while (!p.equals("/") && !java.nio.file.Files.exists(fs.path(p))) {
      int i = p.lastIndexOf('/');
      p = i <= 0 ? "/" : p.substring(0, i);
    }
    return p;
  }

  static Optional<Long> dfTotal(String out) {
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    if (lines.size() < 2) {
      return Optional.empty();
    }
    String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
    try {
      return f.length >= 6 ? Optional.of(Long.parseLong(f[f.length - 5]) * 1024) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void device(RootFs fs, Collected c, String installPath) {
    Optional<String> mi = fs.read("/proc/self/mountinfo");
    if (mi.isEmpty()) {
      c.miss(FactKey.DISK_BYTES, fs.lastError);
      return;
    }
    String best = null;
    String dev = null;
    String source = null;
    for (String line : mi.get().split("\n")) {
      String[] f = line.trim().split("\\s+");
      int dash = java.util.Arrays.asList(f).indexOf("-");
      if (f.length < 5 || dash < 0 || dash + 2 >= f.length) {
        continue;
      }
      String mount = f[4].replace("\\040", " ");
      if (covers(mount, installPath) && (best == null || mount.length() >= best.length())) {
        best = mount;
        dev = f[2];
        source = f[dash + 2];
      }
    }
    if (dev == null) {
      c.miss(FactKey.DISK_BYTES, "no mount for " + installPath + " in /proc/self/mountinfo");
      return;
    }
    if (dev.startsWith("0:")) {
      c.miss(
          FactKey.DISK_BYTES,
          installPath + " is on " + best + " (" + source + "), not a block device");
      return;
    }
    Optional<String> sectors = fs.read("/sys/dev/block/" + dev + "/size");
    if (sectors.isEmpty()) {
      c.miss(FactKey.DISK_BYTES, fs.lastError);
      return;
    }
    c.put(
        FactKey.DISK_BYTES,
        Long.parseLong(sectors.get().trim()) * 512,
        "/sys/dev/block/" + dev + "/size (" + source + " mounted on " + best + ")");
  }

  private static boolean covers(String mount, String path) {
    return mount.equals("/") || path.equals(mount) || path.startsWith(mount + "/");
  }
}
