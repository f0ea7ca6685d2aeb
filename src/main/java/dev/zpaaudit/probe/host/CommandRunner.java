package dev.zpaaudit.probe.host;

import java.util.List;

/**
 * Runs a command (no shell) and returns its output; injected so tests can serve captured output.
 */
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

  /**
   * A runner for a captured tree: a command's output is read from {@code DIR/commands/NAME.txt}
   * (NAME being the program, e.g. {@code df.txt}), captured on the host with the same arguments;
   * commands without such a file are unavailable. Nothing is run.
   */
  static CommandRunner captured(java.nio.file.Path tree) {
    RootFs fs = new RootFs(tree);
    return argv -> {
      String name = argv.get(0);
      if (!name.matches("[A-Za-z0-9_.-]+")) {
        return new Result(-1, "", "no captured output for " + name);
      }
      String file = "/commands/" + name + ".txt";
      return fs.read(file)
          .map(out -> new Result(0, out, null))
          .orElseGet(
              () ->
                  new Result(
                      -1,
                      "",
                      "commands are not run against a captured tree, and it has no "
                          + file.substring(1)));
    };
  }
}
