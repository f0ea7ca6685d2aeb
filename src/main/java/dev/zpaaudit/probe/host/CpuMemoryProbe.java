package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CPU (from /proc/cpuinfo, /proc/sys/kernel/arch) and memory (/proc/meminfo, memory blocks). */
final class CpuMemoryProbe {
  private CpuMemoryProbe() {}

  static void collect(RootFs fs, CommandRunner run, Collected c) {
    arch(fs, run, c);
    Optional<String> info = fs.read("/proc/cpuinfo");
    if (info.isEmpty()) {
      for (FactKey<?> k :
          List.of(
              FactKey.CPU_MODEL,
              FactKey.THREADS,
              FactKey.CORES,
              FactKey.SOCKETS,
              FactKey.HYPER_THREADING,
              FactKey.AES_NI,
              FactKey.HYPERVISOR)) {
        c.miss(k, fs.lastError);
      }
    } else {
      cpuinfo(info.get(), c);
    }
    memory(fs, c);
  }

  private static void arch(RootFs fs, CommandRunner run, Collected c) {
    Optional<String> a = fs.read("/proc/sys/kernel/arch");
    if (a.isPresent() && !a.get().isBlank()) {
      c.put(FactKey.ARCHITECTURE, a.get().trim(), "/proc/sys/kernel/arch");
      return;
    }
    String why = fs.lastError;
    CommandRunner.Result r = run.run(List.of("uname", "-m"));
    if (r.ok() && !r.out().isBlank()) {
      c.put(FactKey.ARCHITECTURE, r.out().trim(), "uname -m");
    } else {
      c.miss(FactKey.ARCHITECTURE, why + "; uname -m: " + r.why());
    }
  }

  static void cpuinfo(String text, Collected c) {
    int threads = 0;
    String model = null;
    Set<String> flags = new HashSet<>();
    Map<String, Long> coresBySocket = new LinkedHashMap<>();
    String socket = "0";
    boolean coreInfo = false;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String k = line.substring(0, colon).trim();
      String v = line.substring(colon + 1).trim();
      switch (k) {
        case "processor" -> threads++;
        case "model name" -> model = model == null ? v : model;
        case "flags", "Features" -> flags.addAll(Arrays.asList(v.split("\\s+")));
        case "physical id" -> socket = v;
        case "cpu cores" -> {
          coreInfo = true;
          coresBySocket.put(socket, Long.parseLong(v));
        }
        default -> {}
      }
    }
    String src = "/proc/cpuinfo";
    if (model != null) {
      c.put(FactKey.CPU_MODEL, model, src);
    } else {
      c.miss(FactKey.CPU_MODEL, "no 'model name' in /proc/cpuinfo");
    }
    if (threads > 0) {
      c.put(FactKey.THREADS, (long) threads, src);
    } else {
      c.miss(FactKey.THREADS, "no 'processor' entries in /proc/cpuinfo");
    }
    if (coreInfo) {
      long cores = coresBySocket.values().stream().mapToLong(Long::longValue).sum();
      c.put(FactKey.SOCKETS, (long) coresBySocket.size(), src + " (physical id)");
      c.put(FactKey.CORES, cores, src + " (cpu cores per physical id)");
      c.put(FactKey.HYPER_THREADING, threads > cores, src + " (processors > cores)");
    } else {
      c.miss(FactKey.CORES, "no 'cpu cores' in /proc/cpuinfo");
      c.miss(FactKey.SOCKETS, "no 'physical id' in /proc/cpuinfo");
      c.miss(FactKey.HYPER_THREADING, "no 'cpu cores' in /proc/cpuinfo");
    }
    if (flags.isEmpty()) {
      c.miss(FactKey.AES_NI, "no CPU flags in /proc/cpuinfo");
      c.miss(FactKey.HYPERVISOR, "no CPU flags in /proc/cpuinfo");
    } else {
      c.put(FactKey.AES_NI, flags.contains("aes"), src + " (flag aes)");
      c.put(FactKey.HYPERVISOR, flags.contains("hypervisor"), src + " (flag hypervisor)");
    }
  }

  private static void memory(RootFs fs, Collected c) {
    Optional<String> mi = fs.read("/proc/meminfo");
    Optional<Long> kb =
        mi.flatMap(t -> t.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
            .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")));
    if (kb.isPresent()) {
      c.put(FactKey.MEMORY_BYTES, kb.get() * 1024, "/proc/meminfo (MemTotal)");
    } else {
      c.miss(FactKey.MEMORY_BYTES, mi.isEmpty() ? fs.lastError : "no MemTotal in /proc/meminfo");
    }
    Optional<String> bs = fs.read("/sys/devices/system/memory/block_size_bytes");
    if (bs.isEmpty()) {
      c.miss(FactKey.INSTALLED_MEMORY_BYTES, fs.lastError);
      return;
    }
    long block = Long.parseLong(bs.get().trim(), 16);
    long online = 0;
    try (var dirs = java.nio.file.Files.list(fs.path("/sys/devices/system/memory"))) {
      for (var d : (Iterable<java.nio.file.Path>) dirs::iterator) {
        String n = d.getFileName().toString();
        if (n.matches("memory\\d+")
            && fs.read("/sys/devices/system/memory/" + n + "/state")
                .map(String::trim)
                .orElse("")
                .equals("online")) {
          online++;
        }
      }
    } catch (java.io.IOException e) {
      c.miss(
          FactKey.INSTALLED_MEMORY_BYTES,
          "cannot list /sys/devices/system/memory: " + e.getMessage());
      return;
    }
    if (online > 0) {
      c.put(
          FactKey.INSTALLED_MEMORY_BYTES,
          online * block,
          "/sys/devices/system/memory (" + online + " online blocks of " + block + " bytes)");
    } else {
      c.miss(
          FactKey.INSTALLED_MEMORY_BYTES, "no online memory blocks in /sys/devices/system/memory");
    }
  }
}
