package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unusable FortiGate configuration through the command line: exit code 2, every located error on
 * standard error, nothing on standard output, and the report already in the output folder left as
 * it was.
 */
class FortiosBadInputCliTest extends RejectedInputTest {
  static final Path BAD = Path.of("src/test/resources/fortios/bad");

  /** Each of {@code errors} is the tail of one line of standard error, after the file's name. */
  void assertRejected(String name, String... errors) throws IOException {
    Path f = BAD.resolve(name);
    assertRefused(List.of("audit", "--config", f.toString(), "--chain", "FORWARD"), f, errors);
  }

  @Test
  void aGoodConfigurationIsWrittenSoTheChecksBelowMeanSomething() throws IOException {
    Run r =
        run(
            "audit",
            "--config",
            "sample-configs/fortios/compliant.conf",
            "--chain",
            "FORWARD",
            "--output",
            out().toString());
    assertThat(r.code()).isIn(0, 1);
    assertThat(Files.readString(out().resolve("report.txt"))).isNotEqualTo(EARLIER);
  }

  @Test
  void aBlockNotClosed() throws IOException {
    assertRejected(
        "unterminated-config.conf", ":6: error: 'config firewall policy' is not closed by 'end'");
  }

  @Test
  void anEditOutsideABlock() throws IOException {
    assertRejected("edit-outside.conf", ":4: error: 'edit 1' outside a config block");
  }

  @Test
  void aNextWithoutAnEdit() throws IOException {
    assertRejected("next-without-edit.conf", ":4: error: 'next' without 'edit'");
  }

  @Test
  void anEndWithoutAConfig() throws IOException {
    assertRejected("unbalanced-end.conf", ":5: error: 'end' without 'config'");
  }

  @Test
  void aQuoteNotClosed() throws IOException {
    assertRejected(
        "unterminated-quote.conf", ":2: error: unterminated quoted string: no closing \"");
  }

  @Test
  void everyErrorIsSaidInLineOrder() throws IOException {
    assertRejected(
        "several-errors.conf",
        ":3: error: unknown command 'sett'",
        ":7: error: 'next' without 'edit'",
        ":9: error: 'end' without 'config'");
  }

  @Test
  void nestingTooDeep() throws IOException {
    assertRejected(
        "too-deep.conf", ":33: error: blocks nest deeper than 32 levels; reading stops here");
  }

  @Test
  void aPolicyNamingAnUndefinedAddress() throws IOException {
    assertRejected(
        "undefined-address.conf", ":8: error: policy 1: srcaddr 'connectors' is not defined");
  }

  @Test
  void aGroupThatContainsItself() throws IOException {
    assertRejected("group-cycle.conf", ":7: error: address group 'a' contains itself: a -> b -> a");
  }

  @Test
  void valuesFortiosWouldRefuse() throws IOException {
    assertRejected(
        "bad-values.conf",
        ":3: error: address 'holes': subnet '10.0.0.0 255.0.255.0' is not an address with a prefix"
            + " length or contiguous mask",
        ":8: error: service 'web': tcp-portrange '443:x' is not DST[-DST][:SRC[-SRC]] with ports 0"
            + " to 65535",
        ":8: error: service 'web': tcp-portrange '80-70' is not DST[-DST][:SRC[-SRC]] with ports 0"
            + " to 65535",
        ":12: error: policy 1: service 'nope' is not defined");
  }

  @Test
  void severalVdomsWithoutAChoice() throws IOException {
    Path f = Path.of("src/test/resources/fortios/features/vdoms.conf");
    Run r = run("audit", "--config", f.toString(), "--output", out().toString());
    assertThat(r.err())
        .isEqualTo(
            f
                + ":1: error: the FortiGate has several VDOMs (root, dmz): choose one with"
                + " --vdom\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(out().resolve("report.txt"))).isEqualTo(EARLIER);
  }
}
