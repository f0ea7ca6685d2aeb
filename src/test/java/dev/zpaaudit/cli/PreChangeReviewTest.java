package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit --ranges NEW --baseline-ranges OLD: whether the announced ranges are already allowed. */
class PreChangeReviewTest {
  static final String BLOCKING = "sample-configs/panos/non-compliant-firewall.xml";
  static final String OPEN = "sample-configs/panos/compliant-firewall.xml";

  @TempDir Path dir;

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  private CliTest.Run audit(String config, String... more) throws Exception {
    String old = file("old.txt", "198.51.100.0/24\n");
    String now = file("new.txt", "198.51.100.0/24\n3.6.8.0/24\n165.225.0.0/24\n");
    String[] base = {
      "audit",
      "--config",
      config,
      "--connector",
      "10.20.0.0/24",
      "--ranges",
      now,
      "--baseline-ranges",
      old,
      "--format",
      "json"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliTest.run(args);
  }

  @Test
  void announcedRangesAFirewallDeniesFailTheReview() throws Exception {
    CliTest.Run r = audit(BLOCKING, "--announced", "2026-11-20");
    assertThat(r.code()).isEqualTo(1);
    String flat = r.out().replaceAll("\\s+", " ");
    assertThat(flat)
        .contains("\"id\" : \"range-change\"")
        .contains("connectors reach 1 of 2 newly announced ranges on TCP 443; 1 denied")
        .contains("they take effect 2027-02-18 (");
  }

  @Test
  void announcedRangesAlreadyAllowedPass() throws Exception {
    CliTest.Run r = audit(OPEN);
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("connectors reach 2 of 2 newly announced ranges on TCP 443; 0 denied");
  }

  @Test
  void announcedNeedsABaseline() throws Exception {
    CliTest.Run r =
        CliTest.run(
            "audit", "--config", OPEN, "--connector", "10.20.0.0/24", "--announced", "2026-11-20");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("zpa-audit: --announced applies to --baseline-ranges: give both\n");
  }
}
