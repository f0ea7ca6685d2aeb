package dev.zpaaudit.cli;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope file: a whole audit in YAML ({@code audit --scope FILE}), each key one of audit's options
 * ({@code configs}, {@code connectors}, {@code resolvers}, {@code ranges}, {@code output: {dir,
 * formats}}, ...). It is expanded into those options before the command line is read; an option
 * given on the command line wins over the file's. Unknown keys are errors at their lines; paths are
 * as written (relative to where zpa-audit runs).
 */
final class ScopeFile {
  /** Keys whose value is a list, each item one option. */
  private static final Map<String, String> LISTS =
      Map.of("configs", "--config", "connectors", "--connector", "resolvers", "--resolver");

  /** Keys of one value, and their options. */
  private static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    for (String k :
        List.of(
            "ranges",
            "baseline-ranges",
            "announced",
            "hosts",
            "vsys",
            "device-group",
            "vdom",
            "chain",
            "from-zone",
            "to-zone",
            "in-interface",
            "out-interface",
            "suppressions",
            "fail-on",
            "egress-address",
            "source-ports")) {
      VALUES.put(k, "--" + k);
    }
  }

  private ScopeFile() {}

  /** The command line with the scope file's options in it, or as it is without --scope. */
  static String[] expand(String[] args) throws InputException {
    if (args.length == 0 || !args[0].equals("audit")) {
      return args;
    }
    List<String> rest = new ArrayList<>();
    Path file = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--scope") && i + 1 < args.length) {
        file = Path.of(args[++i]);
      } else if (args[i].startsWith("--scope=")) {
        file = Path.of(args[i].substring("--scope=".length()));
      } else {
        rest.add(args[i]);
      }
    }
    if (file == null) {
      return args;
    }
    List<String> out = new ArrayList<>(List.of("audit"));
    for (Map.Entry<String, List<String>> o : options(file).entrySet()) {
      String name = o.getKey();
      boolean given = rest.stream().anyMatch(a -> a.equals(name) || a.startsWith(name + "="));
      if (!given) {
        out.addAll(o.getValue());
      }
    }
    out.addAll(rest);
    return out.toArray(new String[0]);
  }

  /** The options the file stands for, by option name, each with its words. */
  private static Map<String, List<String>> options(Path file) throws InputException {
    Tree root = SafeParsers.yaml(InputFiles.read(file), file.toString());
    Diagnostics d = new Diagnostics();
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (!(root instanceof Tree.Obj top)) {
      d.error(at(file, root), "a scope file is a mapping of audit's options");
    } else {
      for (Map.Entry<String, Tree> e : top.fields().entrySet()) {
        option(file, e.getKey(), e.getValue(), out, d);
      }
    }
    if (d.hasErrors()) {
      List<Diagnostic> errors = new ArrayList<>(d.errors());
      errors.sort(Diagnostic.ORDER);
      throw new InputException(errors);
    }
    return out;
  }

  private static void option(
      Path file, String key, Tree v, Map<String, List<String>> out, Diagnostics d) {
    if (LISTS.containsKey(key)) {
      String name = LISTS.get(key);
      List<String> words = new ArrayList<>();
      for (String item : strings(file, key, v, d)) {
        words.add(name);
        words.add(item);
      }
      out.put(name, words);
    } else if (VALUES.containsKey(key) && v instanceof Tree.Scalar s) {
      out.put(VALUES.get(key), List.of(VALUES.get(key), s.text()));
    } else if (key.equals("allow-indeterminate") && v instanceof Tree.Scalar s) {
      if (s.text().equals("true")) {
        out.put("--allow-indeterminate", List.of("--allow-indeterminate"));
      }
    } else if (key.equals("output") && v instanceof Tree.Obj o) {
      output(file, o, out, d);
    } else if (VALUES.containsKey(key)
        || key.equals("output")
        || key.equals("allow-indeterminate")) {
      d.error(at(file, v), key + ": not a value of the right kind");
    } else {
      d.error(
          at(file, v),
          "unknown key '"
              + key
              + "' (expected configs, connectors, resolvers, output, allow-indeterminate or one of "
              + String.join(", ", VALUES.keySet())
              + ")");
    }
  }

  private static void output(Path file, Tree.Obj o, Map<String, List<String>> out, Diagnostics d) {
    for (Map.Entry<String, Tree> e : o.fields().entrySet()) {
      switch (e.getKey()) {
        case "dir" -> {
          if (e.getValue() instanceof Tree.Scalar s) {
            out.put("--output", List.of("--output", s.text()));
          } else {
            d.error(at(file, e.getValue()), "output.dir is a folder's path");
          }
        }
        case "formats" ->
            out.put(
                "--format",
                List.of("--format", String.join(",", strings(file, "formats", e.getValue(), d))));
        default ->
            d.error(
                at(file, e.getValue()),
                "unknown key 'output." + e.getKey() + "' (expected dir, formats)");
      }
    }
  }

  private static List<String> strings(Path file, String key, Tree v, Diagnostics d) {
    List<String> out = new ArrayList<>();
    if (v instanceof Tree.Scalar s) {
      out.add(s.text());
    } else if (v instanceof Tree.Seq seq) {
      for (Tree t : seq.items()) {
        if (t instanceof Tree.Scalar s) {
          out.add(s.text());
        } else {
          d.error(at(file, t), key + " holds single values");
        }
      }
    } else {
      d.error(at(file, v), key + " is a list");
    }
    return out;
  }

  private static SourceLocation at(Path file, Tree t) {
    return new SourceLocation(file.toString(), t.line());
  }
}
