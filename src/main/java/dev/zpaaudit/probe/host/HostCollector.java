package dev.zpaaudit.probe.host;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Collects host facts from a root (the live {@code /} or a captured tree) and a command runner.
 * Never fails for lack of access: whatever cannot be read is recorded as unreadable, with why.
 */
public final class HostCollector {
  private final Path root;
  private final CommandRunner runner;
  private final Clock clock;
  private final String installPath;

  private final Map<String, String> env;

  /** A collector that knows nothing of the collecting process's environment. */
  public HostCollector(Path root, CommandRunner runner, Clock clock, String installPath) {
    this(root, runner, clock, installPath, Map.of());
  }

  /**
   * @param env the collecting process's environment (USER, LOGNAME name the user when /etc/passwd
   *     does not); empty for a captured tree
   */
  public HostCollector(
      Path root, CommandRunner runner, Clock clock, String installPath, Map<String, String> env) {
    this.root = Objects.requireNonNull(root, "root");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (installPath == null || !installPath.startsWith("/")) {
      throw new IllegalArgumentException("the install path must be absolute: " + installPath);
    }
    this.installPath = installPath;
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /** The facts and, for those missing, the reasons. */
  public Result collect() {
    RootFs fs = new RootFs(root);
    Collected c = new Collected();
    Instant now = clock.instant();
    CpuMemoryProbe.collect(fs, runner, c);
    StorageProbe.collect(fs, runner, c, installPath);
    NetworkProbe.collect(fs, c);
    OsProbe.collect(fs, runner, c, now);
    SshProbe.collect(fs, runner, c);
    PrivilegeProbe.collect(fs, runner, c, env);
    String host = fs.read("/proc/sys/kernel/hostname").map(String::trim).orElse(null);
    return new Result(root.toString(), host, now, c);
  }

  /** One collection: where, when, and what was found. */
  public record Result(String root, String hostname, Instant collectedAt, Collected collected) {}
}
