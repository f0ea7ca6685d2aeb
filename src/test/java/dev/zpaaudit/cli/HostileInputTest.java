package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reader survives hostile input: seeded mutants of every corpus and sample file of every
 * format the tool reads go through the real command line, which must answer each with a verdict (0,
 * 1), or with exit 2 and only located errors ({@code file:line: error: ...}) on standard error and
 * nothing on standard output; never an internal error, a stack trace or a hang. A failing mutant is
 * kept under target/hostile-input/ and named by format, seed file and index, so that it can be
 * replayed. The counts keep the whole test near a minute on two cores; {@code -Dhostile.scale=N}
 * multiplies them for a deeper search.
 */
class HostileInputTest {
  private static final long BASE_SEED = 0x2a_5eed_2024L;
  private static final Duration HANG = Duration.ofSeconds(20);
  private static final Path KEEP = Path.of("target/hostile-input");
  private static final Pattern LOCATED = Pattern.compile("^(\\S[^:]*)(:\\d+)?: error: \\S.*$");
  private static final Pattern CRASH =
      Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\w(Exception|Error)\\b|internal error");

  private static final String HOSTS = "src/test/resources/hosts/inventories/pass.yaml";
  private static final String CONFIG = "sample-configs/iptables/host-compliant.rules";
  private static String closedPort;

  @TempDir Path tmp;

  /** Each format the tool reads: its seed files, how many mutants, and the command reading one. */
  enum Format {
    IPTABLES_SAVE(
        1500,
        seeds(
            "src/test/resources/corpus/iptables/*.rules",
            "sample-configs/iptables/*.rules",
            "src/test/resources/families/*.rules*",
            "src/test/resources/iptables/*/*.rules",
            "src/test/resources/nftables/*.rules",
            "src/test/resources/oracle/*/*.rules"),
        (f, dir, i) -> args("audit", "--config", f)),
    NFT_JSON(
        1000,
        seeds("src/test/resources/nftables/*.json", "src/test/resources/families/*.json"),
        (f, dir, i) -> args("audit", "--config", f)),
    IPSET(
        400,
        seeds("src/test/resources/iptables/features/*.ipset"),
        (f, dir, i) ->
            args(
                "audit",
                "--config",
                "src/test/resources/iptables/features/ipset.rules",
                "--ipset",
                f)),
    RANGES(
        1000,
        seeds(
            "rules/zpa-ranges/*.txt",
            "src/test/resources/golden/*.txt",
            "src/test/resources/families/ranges.txt",
            "src/test/resources/nftables/*.ranges",
            "src/test/resources/iptables/bad/*.ranges",
            "src/test/resources/seeds/ranges-feed.json"),
        (f, dir, i) -> args("audit", "--config", CONFIG, "--ranges", f)),
    INVENTORY(
        1500,
        seeds(
            "src/test/resources/hosts/inventories/*.yaml",
            "src/test/resources/hosts/inventories/*.csv",
            "src/test/resources/seeds/inventory.json"),
        (f, dir, i) -> args(i % 2 == 0 ? "audit" : "size", "--hosts", f)),
    HOST_FACTS(
        800,
        seeds(
            "src/test/resources/hosts/inventories/facts/*.json",
            "src/test/resources/hosts/live/*.json"),
        (f, dir, i) -> args("audit", "--hosts", inventoryNaming(dir, f))),
    HOST_RULES(
        800,
        seeds("rules/hosts.yaml", "rules/profiles/*.yaml"),
        (f, dir, i) -> args("audit", "--hosts", HOSTS, "--rules", f)),
    INSTANCE_TYPES(
        400,
        seeds("rules/instance-types.yaml"),
        (f, dir, i) -> args("audit", "--hosts", HOSTS, "--instance-types", f)),
    PROBE_RULES(600, seeds("rules/probe.yaml"), (f, dir, i) -> probe("--rules", f)),
    PINS(400, seeds("src/test/resources/seeds/pins.yaml"), (f, dir, i) -> probe("--pins", f)),
    CHECKPOINT_JSON(
        600,
        seeds(
            "src/test/resources/corpus/checkpoint/*/show-access-rulebase.json",
            "src/test/resources/checkpoint/features/*.json",
            "sample-configs/checkpoint/*/show-access-rulebase.json"),
        (f, dir, i) -> args("audit", "--config", f)),
    // Last, so that the mutants of the formats above stay the ones they were.
    AWS_JSON(
        800,
        seeds("src/test/resources/aws/features/*.json"),
        (f, dir, i) -> args("audit", "--config", f, "--connector", "10.0.1.10"));

    final int mutants;
    final List<Path> seeds;
    final Command command;

    Format(int mutants, List<Path> seeds, Command command) {
      this.mutants = mutants;
      this.seeds = seeds;
      this.command = command;
    }

    /** Probes never reach the network here: the proxy is a closed loopback port (exit 3). */
    boolean probes() {
      return this == PROBE_RULES || this == PINS;
    }
  }

  /** The arguments reading a mutant: its file, the folder it is in, its index. */
  @FunctionalInterface
  interface Command {
    String[] args(String file, Path dir, int index);
  }

  @BeforeAll
  static void findAClosedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = Integer.toString(s.getLocalPort());
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyMutantGetsAVerdictOrALocatedError(Format format) throws IOException {
    assertThat(format.seeds).as("seed files of " + format).isNotEmpty();
    int count = format.mutants * Integer.getInteger("hostile.scale", 1);
    Map<Integer, Integer> exits = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    List<byte[]> seedBytes = new ArrayList<>();
    for (Path seed : format.seeds) {
      seedBytes.add(Files.readAllBytes(seed));
    }
    for (int i = 0; i < count; i++) {
      Path seed = format.seeds.get(i % format.seeds.size());
      byte[] mutant =
          new Mutator(BASE_SEED + 1_000_003L * format.ordinal() + i)
              .mutate(seedBytes.get(i % format.seeds.size()));
      Path file = tmp.resolve("in" + extension(seed));
      copyFactsBeside(seed);
      Files.write(file, mutant);
      String[] args = format.command.args(file.toString(), tmp, i);
      String problem = judge(format, args, exits);
      if (problem != null) {
        failures.add(keep(format, seed, i, mutant) + ": " + problem);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "hostile input %-14s %5d mutants of %2d files in %5.1f s; exit codes %s%n",
        format,
        count,
        format.seeds.size(),
        (System.nanoTime() - start) / 1e9,
        exits);
    assertThat(failures).as(format + " mutants the readers did not survive").isEmpty();
  }

  /** Runs one mutant; null when the answer is acceptable, else what was wrong with it. */
  private String judge(Format format, String[] args, Map<Integer, Integer> exits) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try {
      code =
          assertTimeoutPreemptively(
              HANG, () -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
    } catch (Throwable t) {
      return "threw " + t;
    }
    exits.merge(code, 1, Integer::sum);
    String e = err.toString();
    boolean ok = format.probes() ? code == 2 || code == 3 : code >= 0 && code <= 2;
    if (!ok) {
      return "exit " + code + ": " + firstLines(e);
    }
    if (CRASH.matcher(e).find() || CRASH.matcher(out.toString()).find()) {
      return "exit " + code + " with a crash on the output: " + firstLines(e + out);
    }
    if (code == 2) {
      if (!out.toString().isEmpty()) {
        return "exit 2 with a report on standard output";
      }
      for (String line : e.split("\n", -1)) {
        if (!line.isEmpty() && !(LOCATED.matcher(line).matches() && line.startsWith(tmp + "/"))) {
          return "exit 2 with an unlocated error line: " + abbreviate(line);
        }
      }
      if (e.isBlank()) {
        return "exit 2 without an error";
      }
    }
    return null;
  }

  /** An inventory's facts files ({@code facts/NAME.json}) are read beside it. */
  private void copyFactsBeside(Path seed) throws IOException {
    Path facts = seed.resolveSibling("facts");
    if (Files.isDirectory(facts) && !Files.isDirectory(tmp.resolve("facts"))) {
      Files.createDirectories(tmp.resolve("facts"));
      try (Stream<Path> s = Files.list(facts)) {
        for (Path f : s.toList()) {
          Files.copy(f, tmp.resolve("facts").resolve(f.getFileName()));
        }
      }
    }
  }

  private static String keep(Format format, Path seed, int index, byte[] mutant) {
    String name = format + "-" + seed.getFileName() + "-" + index + extension(seed);
    try {
      Files.createDirectories(KEEP);
      Files.write(KEEP.resolve(name), mutant);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return KEEP.resolve(name).toString();
  }

  private static String firstLines(String s) {
    return abbreviate(String.join(" | ", s.lines().limit(3).toList()));
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** The seed's extension (readers choose by it), kept on the mutant. */
  private static String extension(Path seed) {
    String n = seed.getFileName().toString();
    return n.contains(".") ? n.substring(n.indexOf('.')) : "";
  }

  private static String[] args(String... a) {
    return a;
  }

  private static String[] probe(String option, String file) {
    return args(
        "probe", option, file, "--proxy", "127.0.0.1:" + closedPort, "--resolver", "127.0.0.1");
  }

  /** An inventory beside the mutant facts file that names it. */
  private static String inventoryNaming(Path dir, String facts) {
    Path inventory = dir.resolve("inventory.yaml");
    try {
      Files.writeString(
          inventory,
          "schema: zpa-audit/inventory/v1\n"
              + "groups:\n  - name: lab\n    peak: 300Mbps\n    doubleEncryption: 0%\n"
              + "connectors:\n  - name: ac-1\n    group: lab\n    platform: kvm\n"
              + "    facts: "
              + Path.of(facts).getFileName()
              + "\n    defaultPasswordChanged: true\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inventory.toString();
  }

  /** The files matching the globs (relative to the project), sorted. */
  private static List<Path> seeds(String... globs) {
    List<Path> out = new ArrayList<>();
    for (String glob : globs) {
      int star = glob.indexOf('*');
      String fixed = star < 0 ? glob : glob.substring(0, star);
      Path dir = Path.of(fixed.substring(0, fixed.lastIndexOf('/')));
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      try (Stream<Path> s = Files.walk(dir, 2)) {
        s.filter(Files::isRegularFile).filter(m::matches).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(out);
  }
}
