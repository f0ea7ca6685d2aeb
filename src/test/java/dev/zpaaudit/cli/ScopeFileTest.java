package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit --scope: a whole audit in one YAML file, the command line winning, bad keys refused. */
class ScopeFileTest {
  @Test
  void theSampleRunsAsWrittenAndTheCommandLineWins(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("q");
    ReportCompareTest.Run r =
        ReportCompareTest.run(
            "audit", "--scope", "sample-configs/scope/quarterly.yaml", "--output", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.txt", "report.json", "report.sarif", "report.html");
    }
    assertThat(Files.readString(out.resolve("report.txt")))
        .startsWith("zpa-audit audit: FAIL (1 pass, 3 fail, 0 indeterminate, 1 suppressed)");
    ReportCompareTest.Run text =
        ReportCompareTest.run(
            "audit",
            "--scope",
            "sample-configs/scope/quarterly.yaml",
            "--output",
            out.toString(),
            "--format",
            "json");
    assertThat(text.code()).isEqualTo(1);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void anUnknownKeyIsAnErrorAtItsLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    Path scope = tmp.resolve("scope.yaml");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("report.txt"), "earlier\n");
    Files.writeString(
        scope,
        "configs: [sample-configs/iptables/host-compliant.rules]\n"
            + "connector: 10.0.0.10\n"
            + "output:\n  dir: "
            + out
            + "\n  format: [json]\n");
    ReportCompareTest.Run r = ReportCompareTest.run("audit", "--scope", scope.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .containsExactly(
            scope
                + ":2: error: unknown key 'connector' (expected configs, connectors, resolvers,"
                + " output, allow-indeterminate or one of ranges, baseline-ranges, announced, hosts,"
                + " vsys, device-group, vdom, chain, from-zone, to-zone, in-interface,"
                + " out-interface, suppressions, fail-on, egress-address, source-ports)",
            scope + ":5: error: unknown key 'output.format' (expected dir, formats)");
    assertThat(Files.readString(out.resolve("report.txt"))).isEqualTo("earlier\n");
  }
}
