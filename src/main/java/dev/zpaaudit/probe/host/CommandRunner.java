package dev.zpaaudit.probe.host;

import java.util.List;

/** Runs a command (no shell) and returns its output; injected so tests can serve captured output. */
public interface CommandRunner {
  /** A finished command: exit code and standard output, or why it could not run. */
  record Result(int exit, String out, String failure) {
    public boolean ok() {
      return failure == null && exit == 0;
    }

    public String why() {
      return failure != null ? failure : "exit code " + exit;
    }
  }

  Result run(List<String> argv);

  /** A runner for a tree that is not the live system: every command is unavailable. */
  static CommandRunner none() {
    return argv -> new Result(-1, "", "commands are not run against a captured tree");
  }
}
