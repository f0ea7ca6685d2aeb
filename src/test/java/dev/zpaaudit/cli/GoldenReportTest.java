package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample configurations' reports (text and JSON, and one as HTML), compared byte for byte with
 * src/test/resources/golden/*.ref: the iptables samples against ranges-small.txt, the PAN-OS,
 * FortiGate, ASA, Check Point and AWS samples against ranges-panos.txt (the same excerpt and two
 * entries that their non-compliant samples block). On a mismatch, or when the reference is missing,
 * the new output is written beside it as .actual and the test fails; run with -Dgolden.update=true
 * to accept changes.
 */
class GoldenReportTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final String RANGES = "src/test/resources/golden/ranges-small.txt";
  static final String PANOS_RANGES = "src/test/resources/golden/ranges-panos.txt";

  static Stream<Arguments> samples() {
    String host = "--connector 10.0.0.10 --resolver 10.0.0.53";
    String gw =
        "--chain FORWARD --in-interface eth1 --out-interface eth0 --connector 10.1.0.0/24"
            + " --resolver 10.0.0.53";
    String panos = "--connector 10.20.0.0/24 --resolver 203.0.113.53";
    String aws = "--connector 10.0.1.10 --resolver 10.0.0.2";
    List<Arguments> out = new ArrayList<>();
    for (String fmt : new String[] {"text", "json"}) {
      out.add(iptables("host-compliant", host, fmt, 0));
      out.add(iptables("host-no-return", host, fmt, 1));
      out.add(iptables("gateway-shadowed", gw, fmt, 1));
      out.add(iptables("gateway-missing-ranges", gw, fmt, 1));
      out.add(panos("compliant-firewall", panos, fmt, 0));
      out.add(panos("non-compliant-firewall", panos, fmt, 1));
      out.add(panos("panorama", panos + " --device-group branch-paris", fmt, 1));
      out.add(vendor("fortios", "compliant.conf", panos, fmt, 0));
      out.add(vendor("fortios", "non-compliant.conf", panos, fmt, 1));
      out.add(vendor("checkpoint", "compliant", panos, fmt, 0));
      out.add(vendor("checkpoint", "non-compliant", panos, fmt, 1));
      out.add(vendor("asa", "compliant.cfg", panos, fmt, 0));
      out.add(vendor("asa", "non-compliant.cfg", panos, fmt, 1));
      out.add(vendor("squid", "compliant.conf", "--connector 10.20.0.0/24", fmt, 0));
      out.add(vendor("squid", "non-compliant.conf", "--connector 10.20.0.0/24", fmt, 1));
      out.add(vendor("bypass-list", "non-compliant.yaml", "--connector 10.20.0.0/24", fmt, 1));
      String gcp = "--connector 10.128.0.2 --resolver 10.128.0.53";
      out.add(vendor("gcp", "compliant", gcp, fmt, 0));
      out.add(vendor("gcp", "non-compliant", gcp, fmt, 1));
      String azure = "--connector 10.1.0.4 --resolver 10.1.255.53";
      out.add(vendor("azure", "compliant", azure, fmt, 0));
      out.add(vendor("azure", "non-compliant", azure, fmt, 1));
      out.add(vendor("aws", "compliant", aws, fmt, 0));
      out.add(vendor("aws", "non-compliant", aws, fmt, 1));
    }
    // One HTML page: the same report gives the same bytes, whatever the JVM's hash order.
    out.add(panos("non-compliant-firewall", panos, "html", 1));
    return out.stream();
  }

  private static Arguments iptables(String sample, String flags, String format, int exit) {
    String config = "sample-configs/iptables/" + sample + ".rules";
    return Arguments.of(sample, config, RANGES, flags, format, exit);
  }

  /** A PAN-OS sample; its references are named panos-SAMPLE. */
  private static Arguments panos(String sample, String flags, String format, int exit) {
    return vendor("panos", sample + ".xml", flags, format, exit);
  }

  /**
   * A sample (a file or a folder) of sample-configs/VENDOR/, judged against ranges-panos.txt; its
   * references are named VENDOR-SAMPLE.
   */
  private static Arguments vendor(
      String vendor, String file, String flags, String format, int exit) {
    String config = "sample-configs/" + vendor + "/" + file;
    int dot = file.lastIndexOf('.');
    String name = vendor + "-" + (dot < 0 ? file : file.substring(0, dot));
    return Arguments.of(name, config, PANOS_RANGES, flags, format, exit);
  }

  @ParameterizedTest(name = "{0} {4}")
  @MethodSource("samples")
  void reportMatchesTheReference(
      String sample, String config, String ranges, String flags, String format, int exit)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("audit", "--config", config, "--ranges", ranges, "--format", format));
    args.addAll(List.of(flags.split(" ")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(exit);
    compare(sample + "." + (format.equals("text") ? "txt" : format), out.toString());
  }

  static void compare(String name, String actual) throws IOException {
    compare(DIR, name, actual, Boolean.getBoolean("golden.update"));
  }

  /**
   * Compares with {@code dir/name.ref}. A mismatch, or a missing reference, writes {@code .actual}
   * and fails; {@code update} writes the reference instead.
   */
  static void compare(Path dir, String name, String actual, boolean update) throws IOException {
    Path ref = dir.resolve(name + ".ref");
    Path act = dir.resolve(name + ".actual");
    if (update) {
      Files.writeString(ref, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(ref)) {
      Files.writeString(act, actual, StandardCharsets.UTF_8);
      throw new AssertionError(
          "no reference "
              + ref
              + "; the output is in "
              + act
              + ": read it, then accept it with -Dgolden.update=true");
    }
    String expected = Files.readString(ref, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Files.writeString(act, actual, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(act);
    }
    assertThat(actual)
        .as("report %s (new output in %s; accept with -Dgolden.update=true)", ref, act)
        .isEqualTo(expected);
  }

  @Test
  void aMissingReferenceFailsAndWritesTheOutputBesideIt(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> compare(dir, "new.txt", "output\n", false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no reference " + dir.resolve("new.txt.ref"))
        .hasMessageContaining("-Dgolden.update=true");
    assertThat(dir.resolve("new.txt.ref")).doesNotExist();
    assertThat(dir.resolve("new.txt.actual")).hasContent("output\n");
  }

  @Test
  void aMismatchFailsAndWritesTheOutputBesideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("old.txt.ref"), "before\n");
    assertThatThrownBy(() -> compare(dir, "old.txt", "after\n", false))
        .isInstanceOf(AssertionError.class);
    assertThat(dir.resolve("old.txt.actual")).hasContent("after\n");
    compare(dir, "old.txt", "after\n", true);
    assertThat(dir.resolve("old.txt.ref")).hasContent("after\n");
    assertThat(dir.resolve("old.txt.actual")).doesNotExist();
  }
}
