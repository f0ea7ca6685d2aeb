package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample configurations' reports, compared byte for byte with src/test/resources/golden/*.ref.
 * On a mismatch the new output is written beside the reference as .actual; run with
 * -Dgolden.update=true to accept changes.
 */
class GoldenReportTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final String RANGES = "src/test/resources/golden/ranges-small.txt";

  static Stream<Arguments> samples() {
    String host = "--connector 10.0.0.10 --resolver 10.0.0.53";
    String gw =
        "--chain FORWARD --in-interface eth1 --out-interface eth0 --connector 10.1.0.0/24"
            + " --resolver 10.0.0.53";
    List<Arguments> out = new ArrayList<>();
    for (String fmt : new String[] {"text", "json"}) {
      out.add(Arguments.of("host-compliant", host, fmt, 0));
      out.add(Arguments.of("host-no-return", host, fmt, 1));
      out.add(Arguments.of("gateway-shadowed", gw, fmt, 1));
      out.add(Arguments.of("gateway-missing-ranges", gw, fmt, 1));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("samples")
  void reportMatchesTheReference(String sample, String flags, String format, int exit)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "--config",
                "sample-configs/iptables/" + sample + ".rules",
                "--ranges",
                RANGES,
                "--format",
                format));
    args.addAll(List.of(flags.split(" ")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(exit);
    compare(sample + "." + (format.equals("json") ? "json" : "txt"), out.toString());
  }

  static void compare(String name, String actual) throws IOException {
    Path ref = DIR.resolve(name + ".ref");
    Path act = DIR.resolve(name + ".actual");
    if (Boolean.getBoolean("golden.update") || !Files.exists(ref)) {
      Files.writeString(ref, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.readString(ref, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Files.writeString(act, actual, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(act);
    }
    assertThat(actual).as("report %s (new output in %s)", ref, act).isEqualTo(expected);
  }
}
