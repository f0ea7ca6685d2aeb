package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R9 "root or sudo": how the collecting account can act as root. Root when the effective uid in
 * {@code /proc/self/status} is 0; else, where sudo is installed, {@code sudo -n true} (never
 * prompting) succeeding means passwordless sudo; failing that, membership of sudo, wheel or admin
 * in {@code /etc/group} means sudo with a password (the distributions' default sudoers grants those
 * groups; sudoers itself is not readable without root). No sudo and not root: none.
 */
final class PrivilegeProbe {
  static final List<String> SUDO = List.of("/usr/bin/sudo", "/bin/sudo");
  static final List<String> ADMIN_GROUPS = List.of("sudo", "wheel", "admin");

  private PrivilegeProbe() {}

  /** A user as far as it is known: name (null if unknown), where it came from, primary gid (-1). */
  record User(String name, String from, long gid) {}

  static void collect(RootFs fs, CommandRunner run, Collected c, Map<String, String> env) {
    FactKey<String> key = FactKey.PRIVILEGED_ACCESS;
    Optional<String> status = fs.read("/proc/self/status");
    Long uid = status.flatMap(PrivilegeProbe::effectiveUid).orElse(null);
    String uidWhy = status.isEmpty() ? fs.lastError : "no Uid line in /proc/self/status";
    if (uid != null && uid == 0) {
      c.put(key, "root", "/proc/self/status (effective uid 0)");
      return;
    }
    String who = uid == null ? "effective uid unknown (" + uidWhy + ")" : "effective uid " + uid;
    Optional<String> sudo = SUDO.stream().filter(p -> Files.isRegularFile(fs.path(p))).findFirst();
    if (sudo.isEmpty()) {
      if (uid == null) {
        c.miss(key, who + "; no /usr/bin/sudo or /bin/sudo");
      } else {
        c.put(key, "none", "/proc/self/status (" + who + "); no /usr/bin/sudo or /bin/sudo");
      }
      return;
    }
    CommandRunner.Result r = run.run(List.of("sudo", "-n", "true"));
    if (r.ok()) {
      c.put(key, "sudo", who + "; sudo -n true succeeded (passwordless sudo)");
      return;
    }
    String tried = who + "; " + sudo.get() + " exists; sudo -n true: " + r.why();
    User user = user(fs, uid, env);
    if (user.name() == null) {
      c.miss(key, tried + "; user name unknown (" + user.from() + ")");
      return;
    }
    Optional<String> groups = fs.read("/etc/group");
    if (groups.isEmpty()) {
      c.miss(key, tried + "; " + fs.lastError);
      return;
    }
    Optional<String> group = adminGroup(groups.get(), user);
    if (group.isPresent()) {
      c.put(
          key,
          "sudo-with-password",
          tried
              + "; user "
              + user.name()
              + " ("
              + user.from()
              + ") is in group "
              + group.get()
              + " (/etc/group), which the default sudoers lets use sudo with a password");
    } else {
      c.miss(
          key,
          tried
              + "; user "
              + user.name()
              + " ("
              + user.from()
              + ") is in none of "
              + String.join(", ", ADMIN_GROUPS)
              + " (/etc/group); a sudoers entry for the user cannot be"
              + " read without root");
    }
  }

  /** The effective uid: the second number of the {@code Uid:} line. */
  static Optional<Long> effectiveUid(String status) {
    return status
        .lines()
        .filter(l -> l.startsWith("Uid:"))
        .findFirst()
        .flatMap(
            l -> {
              String[] f = l.substring(4).trim().split("\\s+");
              try {
                return f.length >= 2 ? Optional.of(Long.parseLong(f[1])) : Optional.empty();
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** The user of the uid in /etc/passwd, else the environment's USER or LOGNAME. */
  static User user(RootFs fs, Long uid, Map<String, String> env) {
    List<String> why = new ArrayList<>();
    if (uid != null) {
      Optional<String> passwd = fs.read("/etc/passwd");
      if (passwd.isPresent()) {
        for (String line : passwd.get().split("\n")) {
          String[] f = line.split(":", -1);
          if (f.length >= 4 && f[2].equals(Long.toString(uid))) {
            long gid;
            try {
              gid = Long.parseLong(f[3]);
            } catch (NumberFormatException e) {
              gid = -1;
            }
            return new User(f[0], "uid " + uid + " in /etc/passwd", gid);
          }
        }
        why.add("uid " + uid + " not in /etc/passwd");
      } else {
        why.add(fs.lastError);
      }
    }
    for (String var : List.of("USER", "LOGNAME")) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) {
        return new User(v.trim(), "$" + var, -1);
      }
    }
    why.add("no USER or LOGNAME in the environment");
    return new User(null, String.join("; ", why), -1);
  }

  /** The first admin group the user is in: listed as a member, or as the primary group. */
  static Optional<String> adminGroup(String etcGroup, User user) {
    for (String g : ADMIN_GROUPS) {
      for (String line : etcGroup.split("\n")) {
        String[] f = line.trim().split(":", -1);
        if (f.length < 4 || !f[0].equals(g)) {
          continue;
        }
        boolean primary = user.gid() >= 0 && f[2].equals(Long.toString(user.gid()));
        boolean member =
            List.of(f[3].split(",")).stream().map(String::trim).anyMatch(user.name()::equals);
        if (primary || member) {
          return Optional.of(g);
        }
      }
    }
    return Optional.empty();
  }
}
