package dev.zpaaudit.probe.host;

import dev.zpaaudit.model.host.FactKey;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * R11: sshd's effective PasswordAuthentication, PermitRootLogin, KbdInteractiveAuthentication and
 * UsePAM. From {@code sshd -T} where it runs (usually as root), else from sshd_config and its
 * Include files as sshd reads them: the first value wins; Match blocks are conditional and skipped.
 */
final class SshProbe {
  static final Map<String, FactKey<String>> KEYS = new LinkedHashMap<>();
  static final Map<String, String> DEFAULTS =
      Map.of(
          "passwordauthentication",
          "yes",
          "permitrootlogin",
          "prohibit-password",
          "kbdinteractiveauthentication",
          "yes",
          "usepam",
          "no");

  static {
    KEYS.put("passwordauthentication", FactKey.SSH_PASSWORD_AUTH);
    KEYS.put("permitrootlogin", FactKey.SSH_PERMIT_ROOT_LOGIN);
    KEYS.put("kbdinteractiveauthentication", FactKey.SSH_KBD_INTERACTIVE);
    KEYS.put("usepam", FactKey.SSH_USE_PAM);
  }

  private SshProbe() {}

  static void collect(RootFs fs, CommandRunner run, Collected c) {
    CommandRunner.Result t = run.run(List.of("sshd", "-T"));
    if (t.ok() && t.out().contains("passwordauthentication")) {
      Map<String, String> v = new LinkedHashMap<>();
      t.out()
          .lines()
          .forEach(
              l -> {
                String[] f = l.trim().split("\\s+", 2);
                if (f.length == 2) {
                  v.putIfAbsent(f[0].toLowerCase(Locale.ROOT), f[1]);
                }
              });
      KEYS.forEach(
          (k, key) -> {
            if (v.containsKey(k)) {
              c.put(key, v.get(k), "sshd -T");
            } else {
              c.miss(key, "sshd -T does not list " + k);
            }
          });
      return;
    }
    Optional<String> main = fs.read("/etc/ssh/sshd_config");
    if (main.isEmpty()) {
      KEYS.values().forEach(k -> c.miss(k, fs.lastError + " (sshd -T: " + t.why() + ")"));
      return;
    }
    Map<String, String> found = new LinkedHashMap<>();
    Map<String, String> where = new LinkedHashMap<>();
    List<String> unread = new ArrayList<>();
    parse(fs, main.get(), "/etc/ssh/sshd_config", found, where, unread, 0);
    KEYS.forEach(
        (k, key) -> {
          if (found.containsKey(k)) {
            c.put(key, found.get(k).toLowerCase(Locale.ROOT), where.get(k));
          } else if (!unread.isEmpty()) {
            c.miss(
                key,
                "not set in the readable sshd configuration, and " + String.join(", ", unread));
          } else {
            c.put(
                key,
                DEFAULTS.get(k),
                "OpenSSH default (not set in /etc/ssh/sshd_config or its includes)");
          }
        });
  }

  /** Returns false once a Match block starts (the rest of the file is conditional). */
  private static boolean parse(
      RootFs fs,
      String text,
      String file,
      Map<String, String> found,
      Map<String, String> where,
      List<String> unread,
      int depth) {
    int n = 0;
    for (String raw : text.split("\n")) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("[\\s=]+", 2);
      String k = f[0].toLowerCase(Locale.ROOT);
      String v = f.length > 1 ? f[1].strip() : "";
      if (k.equals("match")) {
        return false;
      }
      if (k.equals("include") && depth < 8) {
        for (String pattern : v.split("\\s+")) {
          for (String inc : expand(fs, pattern, unread)) {
            Optional<String> t = fs.read(inc);
            if (t.isEmpty()) {
              unread.add(fs.lastError);
            } else if (!parse(fs, t.get(), inc, found, where, unread, depth + 1)) {
              return false;
            }
          }
        }
      } else if (KEYS.containsKey(k) && !found.containsKey(k)) {
        found.put(k, v.split("\\s+")[0]);
        where.put(k, file + ":" + n);
      }
    }
    return true;
  }

  private static List<String> expand(RootFs fs, String pattern, List<String> unread) {
    String abs = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
    int slash = abs.lastIndexOf('/');
    String dir = abs.substring(0, Math.max(1, slash));
    String glob = abs.substring(slash + 1);
    if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
      return List.of(abs);
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (var s = Files.list(fs.path(dir))) {
      return s.map(Path::getFileName).filter(m::matches).map(p -> dir + "/" + p).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of();
    } catch (java.io.IOException e) {
      unread.add("cannot list " + dir + ": " + e.getMessage());
      return List.of();
    }
  }
}
