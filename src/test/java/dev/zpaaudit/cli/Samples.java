package dev.zpaaudit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every sample export the tests audit, and the placements they are audited at. */
final class Samples {
  private Samples() {}

  /** Bad-input fixtures: they exist to be refused. */
  private static final Set<String> REFUSED =
      Set.of(
          "truncated.json",
          "not-json.json",
          "missing-chain.json",
          "undefined-set.json",
          "match-without-right.json",
          "prefix-without-addr.json");

  /** Each {@code --config} value: every sample export, and the devices of two exports. */
  static List<String> configs() {
    List<String> out = new ArrayList<>();
    out.addAll(files("sample-configs/iptables", ".rules"));
    out.addAll(files("src/test/resources/families", ".rules"));
    out.addAll(files("src/test/resources/families", ".rules6"));
    out.addAll(files("src/test/resources/families", ".json"));
    out.addAll(files("src/test/resources/nftables", ".json"));
    out.addAll(files("src/test/resources/nftables", ".rules"));
    out.addAll(files("src/test/resources/verdicts", ".rules"));
    String fam = "src/test/resources/families/";
    out.add(fam + "host.rules," + fam + "host.rules6");
    out.add(fam + "host.rules," + fam + "host-missing.rules6");
    out.add(fam + "gw.rules," + fam + "gw.rules6");
    return out;
  }

  /** Where the filter sits: host and gateway, with and without interfaces named. */
  static List<List<String>> placements() {
    return List.of(
        List.of(),
        List.of("--out-interface", "eth0"),
        List.of("--chain", "FORWARD"),
        List.of("--chain", "FORWARD", "--in-interface", "eth1", "--out-interface", "eth0"),
        List.of("--chain", "INPUT"));
  }

  private static List<String> files(String dir, String suffix) {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.map(Path::toString)
          .filter(f -> f.endsWith(suffix))
          .filter(f -> !REFUSED.contains(Path.of(f).getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
