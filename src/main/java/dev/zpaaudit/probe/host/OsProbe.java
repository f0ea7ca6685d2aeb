package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** R9, R11: os-release, systemd, DMI vendor/product, and the time of the last package change. */
final class OsProbe {
  private static final Pattern DPKG =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}:\\d{2} (install|upgrade|remove) ");

  private OsProbe() {}

  static void collect(RootFs fs, CommandRunner run, Collected c, Instant now) {
    osRelease(fs, c);
    systemd(fs, c);
    dmi(fs, c, FactKey.DMI_VENDOR, "/sys/class/dmi/id/sys_vendor");
    dmi(fs, c, FactKey.DMI_PRODUCT, "/sys/class/dmi/id/product_name");
    packages(fs, run, c, now);
  }

  private static void osRelease(RootFs fs, Collected c) {
    Optional<String> t = fs.read("/etc/os-release");
    String src = "/etc/os-release";
    if (t.isEmpty()) {
      String why = fs.lastError;
      t = fs.read("/usr/lib/os-release");
      src = "/usr/lib/os-release";
      if (t.isEmpty()) {
        for (FactKey<?> k : List.of(FactKey.OS_ID, FactKey.OS_VERSION_ID, FactKey.OS_PRETTY_NAME)) {
          c.miss(k, why + "; " + fs.lastError);
        }
        return;
      }
    }
    field(t.get(), "ID", FactKey.OS_ID, src, c);
    field(t.get(), "VERSION_ID", FactKey.OS_VERSION_ID, src, c);
    field(t.get(), "PRETTY_NAME", FactKey.OS_PRETTY_NAME, src, c);
  }

  private static void field(
      String text, String name, FactKey<String> key, String src, Collected c) {
    Optional<String> v =
        text.lines()
            .filter(l -> l.startsWith(name + "="))
            .map(l -> l.substring(name.length() + 1).trim().replaceAll("^[\"']|[\"']$", ""))
            .findFirst();
    if (v.isPresent()) {
      c.put(key, v.get(), src + " (" + name + ")");
    } else {
      c.miss(key, "no " + name + " in " + src);
    }
  }

  private static void systemd(RootFs fs, Collected c) {
    if (fs.isDir("/run/systemd/system")) {
      c.put(FactKey.SYSTEMD, true, "/run/systemd/system exists");
      return;
    }
    Optional<String> comm = fs.read("/proc/1/comm");
    if (comm.isPresent()) {
      c.put(
          FactKey.SYSTEMD,
          comm.get().trim().equals("systemd"),
          "/proc/1/comm is '" + comm.get().trim() + "', no /run/systemd/system");
    } else {
      c.miss(FactKey.SYSTEMD, "no /run/systemd/system and " + fs.lastError);
    }
  }

  private static void dmi(RootFs fs, Collected c, FactKey<String> key, String file) {
    Optional<String> v = fs.read(file);
    if (v.isPresent() && !v.get().isBlank()) {
      c.put(key, v.get().trim(), file);
    } else {
      c.miss(key, v.isPresent() ? file + " is empty" : fs.lastError);
    }
  }

  private static void packages(RootFs fs, CommandRunner run, Collected c, Instant now) {
    CommandRunner.Result rpm = run.run(List.of("rpm", "-qa", "--qf", "%{INSTALLTIME}\\n"));
    if (rpm.ok()) {
      Optional<Long> max =
          rpm.out()
              .lines()
              .map(String::trim)
              .filter(s -> s.matches("\\d+"))
              .map(Long::parseLong)
              .max(Long::compare);
      if (max.isPresent()) {
        record(
            c,
            Instant.ofEpochSecond(max.get()).atZone(ZoneOffset.UTC).toLocalDate(),
            Instant.ofEpochSecond(max.get()).toString(),
            "rpm -qa --qf %{INSTALLTIME}",
            now);
        return;
      }
    }
    Optional<String> log = fs.read("/var/log/dpkg.log");
    if (log.isPresent()) {
      String last = null;
      for (String line : log.get().split("\n")) {
        Matcher m = DPKG.matcher(line);
        if (m.find()) {
          last = m.group(1);
        }
      }
      if (last != null) {
        record(
            c, LocalDate.parse(last), last, "/var/log/dpkg.log (last install/upgrade/remove)", now);
        return;
      }
    }
    String why =
        "rpm: "
            + rpm.why()
            + "; /var/log/dpkg.log: "
            + (log.isPresent() ? "no package changes" : fs.lastError);
    c.miss(FactKey.LAST_PACKAGE_UPDATE, why);
    c.miss(FactKey.PACKAGE_AGE_DAYS, why);
  }

  private static void record(Collected c, LocalDate day, String shown, String src, Instant now) {
    long days = Math.max(0, ChronoUnit.DAYS.between(day, now.atZone(ZoneOffset.UTC).toLocalDate()));
    c.put(FactKey.LAST_PACKAGE_UPDATE, shown, src);
    c.put(FactKey.PACKAGE_AGE_DAYS, days, src + ", days before collection (UTC dates)");
  }
}
