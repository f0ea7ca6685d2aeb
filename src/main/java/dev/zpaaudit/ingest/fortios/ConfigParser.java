package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Builds the tree of a FortiOS configuration from its commands: {@code config PATH} opens a block
 * (in the file, an entry or a block), {@code edit NAME} an entry of the block it is in, {@code
 * next} closes the entry and {@code end} the block; {@code set}, {@code unset}, {@code append},
 * {@code select} and {@code unselect} change a setting of the innermost one; {@code delete}, {@code
 * purge} and {@code move} change a block's entries. What is out of place is an error at its line,
 * and reading goes on; nesting deeper than {@link #MAX_DEPTH} stops it.
 */
final class ConfigParser {
  /** How deeply blocks and entries may nest. */
  static final int MAX_DEPTH = 32;

  private final String file;
  private final Diagnostics diagnostics;
  private final ConfigNode.Top top = new ConfigNode.Top();

  /** A block or entry that is open, and the line of the command that opened it this time. */
  private record Frame(ConfigNode node, int line) {}

  /** Open blocks and entries, innermost first; the file's top is the last. */
  private final Deque<Frame> open = new ArrayDeque<>();

  private ConfigParser(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
    open.push(new Frame(top, 0));
  }

  /** The tree of {@code commands}; errors go to {@code diagnostics}. */
  static ConfigNode.Top parse(List<Command> commands, String file, Diagnostics diagnostics) {
    ConfigParser p = new ConfigParser(file, diagnostics);
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (i == 0 && isPrompt(c)) {
        diagnostics.note(at(file, c.line()), "a command prompt, skipped");
        continue;
      }
      if (!p.apply(c)) {
        return p.top;
      }
    }
    p.unclosed();
    return p.top;
  }

  /** A CLI prompt captured with {@code show} output: {@code FGT # show} or {@code FGT (root) #}. */
  private static boolean isPrompt(Command c) {
    List<String> w = c.words();
    return w.size() >= 2
        && (w.get(1).equals("#")
            || w.get(1).equals("$")
            || w.size() >= 3 && w.get(1).startsWith("(") && w.get(2).equals("#"));
  }

  /** Applies one command; false when reading must stop. */
  private boolean apply(Command c) {
    switch (c.verb()) {
      case "config" -> {
        return config(c);
      }
      case "edit" -> {
        return edit(c);
      }
      case "next" -> next(c);
      case "end" -> end(c);
      case "set", "unset", "append", "select", "unselect" -> setting(c);
      case "delete", "purge", "move" -> entries(c);
      default -> error(c, "unknown command '" + c.verb() + "'");
    }
    return true;
  }

  private boolean config(Command c) {
    if (c.arguments().isEmpty()) {
      error(c, "'config' without a path");
      return true;
    }
    if (open.size() > MAX_DEPTH) {
      error(c, "blocks nest deeper than " + MAX_DEPTH + " levels; reading stops here");
      return false;
    }
    open.push(new Frame(innermost().open(String.join(" ", c.arguments()), c.line()), c.line()));
    return true;
  }

  private boolean edit(Command c) {
    if (!(innermost() instanceof ConfigBlock block)) {
      error(c, "'" + String.join(" ", c.words()) + "' outside a config block");
      open.push(new Frame(new ConfigEntry("", c.line()), c.line()));
      return true;
    }
    if (c.arguments().size() != 1) {
      error(c, "'edit' takes one name, not " + c.arguments().size());
    }
    if (open.size() > MAX_DEPTH) {
      error(c, "blocks nest deeper than " + MAX_DEPTH + " levels; reading stops here");
      return false;
    }
    String name = c.arguments().isEmpty() ? "" : c.arguments().get(0);
    open.push(new Frame(block.edit(name, c.line()), c.line()));
    return true;
  }

  private void next(Command c) {
    if (innermost() instanceof ConfigEntry) {
      open.pop();
    } else {
      error(c, "'next' without 'edit'");
    }
  }

  /** Closes the innermost block; an entry left open by a missing {@code next} is closed too. */
  private void end(Command c) {
    if (innermost() instanceof ConfigEntry) {
      open.pop();
    }
    if (innermost() instanceof ConfigBlock) {
      open.pop();
    } else {
      error(c, "'end' without 'config'");
    }
  }

  private void setting(Command c) {
    ConfigNode node = innermost();
    if (node == top) {
      error(c, "'" + c.verb() + "' outside a config block");
      return;
    }
    if (c.arguments().isEmpty()) {
      error(c, "'" + c.verb() + "' without a name");
      return;
    }
    String key = c.arguments().get(0);
    List<String> values = c.arguments().subList(1, c.arguments().size());
    switch (c.verb()) {
      case "set" -> node.set(key, values, c.line());
      case "unset" -> node.unset(key);
      case "unselect" -> node.remove(key, values, c.line());
      default -> node.append(key, values, c.line());
    }
  }

  private void entries(Command c) {
    if (!(innermost() instanceof ConfigBlock block)) {
      error(c, "'" + c.verb() + "' outside a config block");
      return;
    }
    List<String> a = c.arguments();
    boolean ok =
        switch (c.verb()) {
          case "purge" -> {
            block.purge();
            yield a.isEmpty();
          }
          case "delete" -> a.size() == 1 && block.delete(a.get(0));
          default ->
              a.size() == 3
                  && (a.get(1).equals("before") || a.get(1).equals("after"))
                  && block.move(a.get(0), a.get(1).equals("before"), a.get(2));
        };
    if (!ok) {
      error(c, "cannot apply '" + String.join(" ", c.words()) + "' to this block");
    }
  }

  /** Every block still open at the end of the file is an error at the line that opened it. */
  private void unclosed() {
    while (innermost() != top) {
      Frame f = open.pop();
      if (f.node() instanceof ConfigBlock b) {
        diagnostics.error(at(file, f.line()), "'config " + b.path() + "' is not closed by 'end'");
      }
    }
  }

  private ConfigNode innermost() {
    return open.peek().node();
  }

  private void error(Command c, String message) {
    diagnostics.error(at(file, c.line()), message);
  }

  private static SourceLocation at(String file, int line) {
    return new SourceLocation(file, line);
  }
}
