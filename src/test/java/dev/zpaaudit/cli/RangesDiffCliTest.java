package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangesDiffCliTest {
  @TempDir Path dir;

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void changesExitOneAndNameTheActivationDate() throws Exception {
    String old = file("old.txt", "10.0.0.0/24\n");
    String now = file("new.txt", "10.0.0.0/24\n203.0.113.0/24\n");
    CliTest.Run r = CliTest.run("ranges", "diff", old, now, "--announced", "2026-12-01");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("added (1 block): 203.0.113.0/24\n")
        .contains("removed (0 blocks)\n")
        .contains("announced 2026-12-01: takes effect 2027-03-01 (90 days later; ");
    CliTest.Run json = CliTest.run("ranges", "diff", old, now, "--format", "json");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.out()).contains("\"schema\" : \"zpa-audit/ranges-diff/v1\"");
  }

  @Test
  void noChangeExitsZero() throws Exception {
    String old = file("old.txt", "10.0.0.0/24\n");
    CliTest.Run r = CliTest.run("ranges", "diff", old, old);
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).endsWith("no change\n");
  }

  @Test
  void badDatesAndFormatsAreUsageErrors() throws Exception {
    String old = file("old.txt", "10.0.0.0/24\n");
    CliTest.Run r = CliTest.run("ranges", "diff", old, old, "--announced", "1 Dec");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zpa-audit: --announced '1 Dec' is not a date YYYY-MM-DD\n");
    assertThat(CliTest.run("ranges", "diff", old, old, "--format", "xml").code()).isEqualTo(2);
    assertThat(CliTest.run("ranges").code()).isEqualTo(2);
  }
}
