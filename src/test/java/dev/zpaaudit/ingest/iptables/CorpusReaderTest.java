package dev.zpaaudit.ingest.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real export of the corpus is read as it is (anonymised MAC addresses, the old "-d ! X"
 * syntax and all), and what the reader does not model is listed per file, so that any change in
 * coverage shows here.
 */
class CorpusReaderTest {
  static final Path DIR = Path.of("src/test/resources/corpus/iptables");

  static final Map<String, Map<String, Integer>> UNMODELLED =
      Map.of(
          "docker-topos4.rules", Map.of("match 'recent'", 2),
          "home-user.rules",
              Map.of(
                  "conntrack --ctproto of a RELATED connection", 32,
                  "match 'connlimit'", 1,
                  "match 'hashlimit'", 6,
                  "match 'owner'", 4,
                  "match 'pkttype'", 10,
                  "match 'recent'", 6),
          "medium-sized-company.rules", Map.of("match 'recent'", 6, "match 'rpfilter'", 1),
          "shorewall-akachan.rules", Map.of("match 'recent'", 3),
          "tum-2013.rules", Map.of("match 'limit'", 3, "match 'mac'", 885, "match 'recent'", 7),
          "ufw-server.rules", Map.of("match 'limit'", 7),
          "ugent.rules", Map.of());

  static ParseResult read(Path f) throws Exception {
    return new IptablesSaveParser().parse(Files.readString(f), f.getFileName().toString());
  }

  static Stream<Path> files() throws Exception {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.sorted().toList().stream();
    }
  }

  @Test
  void everyFileIsListed() throws Exception {
    assertThat(files().map(f -> f.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(UNMODELLED.keySet());
  }

  @Test
  void whatEachFileUsesThatIsNotModelled() throws Exception {
    Map<String, Map<String, Integer>> got = new TreeMap<>();
    for (Path f : files().toList()) {
      got.put(f.getFileName().toString(), Unmodelled.of(read(f).firewall()));
    }
    assertThat(got).isEqualTo(new TreeMap<>(UNMODELLED));
  }

  @Test
  void everyRuleLineBecomesARule() throws Exception {
    for (Path f : files().toList()) {
      long lines =
          Files.readAllLines(f).stream()
              .map(String::strip)
              .filter(l -> l.matches("(\\[\\d+:\\d+\\]\\s+)?-A\\s.*"))
              .count();
      long rules =
          read(f).firewall().filters().values().stream().mapToLong(c -> c.rules().size()).sum();
      assertThat(rules).as(f.toString()).isEqualTo(lines);
    }
  }

  /**
   * Each unmodelled condition or target has its own warning at the rule's line; nothing else warns.
   */
  @Test
  void everyUnmodelledConstructIsWarnedAtItsLine() throws Exception {
    for (Path f : files().toList()) {
      ParseResult r = read(f);
      Map<Integer, Integer> expected = new TreeMap<>();
      for (Filter c : r.firewall().filters().values()) {
        for (Rule rule : c.rules()) {
          int n = Unmodelled.of(rule).values().stream().mapToInt(Integer::intValue).sum();
          if (n > 0) {
            expected.merge(rule.location().line(), n, Integer::sum);
          }
        }
      }
      Map<Integer, Integer> warned = new TreeMap<>();
      for (Diagnostic d : r.diagnostics()) {
        assertThat(d.severity()).as(d.format()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(d.location().file()).isEqualTo(f.getFileName().toString());
        warned.merge(d.location().line(), 1, Integer::sum);
      }
      assertThat(warned).as(f.toString()).isEqualTo(expected);
    }
  }
}
