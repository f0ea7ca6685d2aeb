package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.hosts.HostRulesLoader;
import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.ProbeRulesReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The --help of every command: printed without warnings, examples that paste as written and parse
 * (and run, where their files exist), summaries that are whole sentences, and every default stated.
 */
class HelpTest {
  /** Each command's path below zpa-audit, as typed. */
  static Stream<String> commands() {
    return Stream.of(
        "",
        "audit",
        "explain",
        "probe",
        "size",
        "host",
        "host collect",
        "ranges",
        "ranges diff",
        "ranges fetch",
        "report",
        "report compare",
        "report merge",
        "help");
  }

  record Run(int code, String out, String err, String systemErr) {}

  /** Runs the command line, also catching what picocli itself prints to System.err. */
  static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream old = System.err;
    ByteArrayOutputStream sys = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(sys, true, StandardCharsets.UTF_8));
      code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    } finally {
      System.setErr(old);
    }
    return new Run(code, out.toString(), err.toString(), sys.toString(StandardCharsets.UTF_8));
  }

  static List<String> words(String path) {
    return path.isEmpty() ? List.of() : List.of(path.split(" "));
  }

  static Run help(String path) {
    List<String> args = new ArrayList<>(words(path));
    args.add("--help");
    return run(args);
  }

  /** The command line as Main builds it, for parsing without running. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    Commands.all().forEach(cl::addSubcommand);
    return cl;
  }

  static CommandSpec spec(String path) {
    CommandLine cl = commandLine();
    for (String w : words(path)) {
      cl = cl.getSubcommands().get(w);
    }
    return cl.getCommandSpec();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpPrintsWithoutAnyWarning(String path) {
    Run r = help(path);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: zpa-audit");
    assertThat(r.err()).isEmpty();
    assertThat(r.systemErr()).isEmpty();
  }

  @Test
  void helpOfACommandThroughTheHelpCommandPrintsWithoutAnyWarning() {
    for (String c : List.of("audit", "explain", "probe", "size", "host")) {
      Run r = run(List.of("help", c));
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("Usage: zpa-audit " + c);
      assertThat(r.err() + r.systemErr()).isEmpty();
    }
  }

  /** The example commands of a help text, continuation lines joined, without the backslashes. */
  static List<List<String>> examples(String help) {
    List<String> lines = help.lines().toList();
    List<List<String>> out = new ArrayList<>();
    int start = Math.max(lines.indexOf("Examples:"), lines.indexOf("Example:"));
    if (start < 0) {
      return out;
    }
    List<String> current = null;
    boolean continues = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank()) {
        assertThat(continues).as("an example ends with a backslash: " + current).isFalse();
        break;
      }
      if (continues) {
        assertThat(line).as("a continuation line").startsWith("      ").doesNotStartWith("       ");
      } else {
        assertThat(line).as("an example line").startsWith("  zpa-audit ");
        current = new ArrayList<>();
        out.add(current);
      }
      continues = line.endsWith(" \\");
      String text = continues ? line.substring(0, line.length() - 2) : line;
      current.addAll(Arrays.asList(text.trim().split("\\s+")));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("commands")
  void examplesPasteAsWrittenAndParse(String path) {
    String help = help(path).out();
    List<List<String>> examples = examples(help);
    if (!List.of("", "help").contains(path)) {
      assertThat(examples).as("examples of " + path).isNotEmpty();
    }
    for (List<String> example : examples) {
      assertThat(example.get(0)).isEqualTo("zpa-audit");
      List<String> args = example.subList(1, example.size());
      assertThat(String.join(" ", args)).startsWith(path);
      ParseResult parsed = commandLine().parseArgs(args.toArray(new String[0]));
      assertThat(parsed).isNotNull();
    }
  }

  @Test
  void examplesWhoseFilesExistRun() {
    int ran = 0;
    for (String path : List.of("audit", "explain", "size", "probe", "ranges diff")) {
      for (List<String> example : examples(help(path).out())) {
        List<String> args = new ArrayList<>(example.subList(1, example.size()));
        if (!filesExist(args) || args.contains("--output")) {
          continue;
        }
        if (path.equals("probe") && !args.contains("--dry-run")) {
          args.add("--dry-run"); // nothing is sent
        }
        Run r = run(args);
        assertThat(r.code()).as(args + "\n" + r.err()).isIn(0, 1);
        assertThat(r.err()).as(String.join(" ", args)).isEmpty();
        ran++;
      }
    }
    assertThat(ran).isGreaterThanOrEqualTo(8);
  }

  /** Whether every file an example names (by a FILE, INVENTORY or DIR option) exists here. */
  static boolean filesExist(List<String> args) {
    ParseResult parsed = commandLine().parseArgs(args.toArray(new String[0]));
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    for (OptionSpec o : parsed.matchedOptions()) {
      String label = o.paramLabel();
      if (label.contains("FILE") || label.contains("INVENTORY") || label.contains("DIR")) {
        for (String v : parsed.matchedOption(o.longestName()).stringValues()) {
          for (String f : v.split(",")) {
            if (!Files.exists(Path.of(f))) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  /** The summaries the command lists show: each command's first description line. */
  @ParameterizedTest
  @MethodSource("commands")
  void summariesAreWholeSentences(String path) {
    if (path.equals("help")) {
      return; // picocli's own help command
    }
    String[] description = spec(path).usageMessage().description();
    assertThat(description).isNotEmpty();
    assertThat(description[0]).as(path).endsWith(".").doesNotContain("%");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void optionDescriptionsAreSentencesAndStateTheirDefaults(String path) {
    for (OptionSpec o : spec(path).options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String text = String.join(" ", o.description());
      String name = path + " " + o.longestName();
      assertThat(text).as(name).endsWith(".").doesNotContain("Default");
      Object initial = o.initialValue();
      boolean hasInitial =
          o.defaultValue() == null
              && initial != null
              && !(initial instanceof Collection<?> c && c.isEmpty())
              && !Boolean.FALSE.equals(initial);
      assertThat(hasInitial).as(name + ": a default is set with defaultValue").isFalse();
      if (o.defaultValue() != null) {
        assertThat(text).as(name).contains("(default: " + o.defaultValue());
      }
      if (text.contains("default")) {
        assertThat(text).as(name).contains("(default: ");
      }
    }
  }

  /** Picocli wraps at spaces, but also after a dot inside a word: a file name must not be cut. */
  @ParameterizedTest
  @MethodSource("commands")
  void noWordIsCutByWrapping(String path) {
    String flat = " " + help(path).out().replaceAll("\\s+", " ") + " ";
    for (OptionSpec o : spec(path).options()) {
      for (String line : o.description()) {
        String shown = line.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
        for (String word : shown.split("\\s+")) {
          assertThat(flat).as(path + " " + o.longestName()).contains(" " + word + " ");
        }
      }
    }
  }

  @Test
  void statedRulePackDefaultsAreTheEmbeddedOnes() throws Exception {
    ProbeRules r = ProbeRulesReader.embedded();
    String probe = help("probe").out().replaceAll("\\s+", " ");
    assertThat(r.ntp().servers()).isEmpty();
    assertThat(r.dns().timeoutMs()).isEqualTo(r.tcp().timeoutMs()).isEqualTo(r.ntp().timeoutMs());
    assertThat(probe)
        .contains(r.port() + " in the embedded one")
        .contains(r.tcp().samplePerRange() + " in the embedded one")
        .contains(r.tcp().maxSample() + " in the embedded one")
        .contains(r.concurrency() + " in the embedded one")
        .contains(
            "in the embedded one "
                + r.tcp().timeoutMs()
                + ", and "
                + r.tls().timeoutMs()
                + " for TLS")
        .contains("none in the embedded one");
    long spares = HostRulesLoader.load().sizing().spares().value();
    assertThat(help("size").out().replaceAll("\\s+", " "))
        .contains("spares, " + spares + " in rules/hosts.yaml");
  }
}
