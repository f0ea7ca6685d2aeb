package dev.zpaaudit.ingest.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unusable Check Point export through the command line: exit code 2, every located error on
 * standard error, nothing on standard output, and the report already in the output folder left as
 * it was.
 */
class CheckpointBadInputCliTest extends RejectedInputTest {
  static final Path BAD = Path.of("src/test/resources/checkpoint/bad");

  /**
   * Each of {@code errors} is one line of standard error, after {@code shown} (the file's name).
   */
  void assertRejected(Path config, Path shown, String... errors) throws IOException {
    assertRefused(List.of("audit", "--config", config.toString()), shown, errors);
  }

  void assertRejected(String name, String... errors) throws IOException {
    assertRejected(BAD.resolve(name), BAD.resolve(name), errors);
  }

  @Test
  void aGoodExportIsWrittenSoTheChecksBelowMeanSomething() throws IOException {
    Run r =
        run(
            "audit",
            "--config",
            "src/test/resources/checkpoint/features/rules.json",
            "--output",
            out().toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isIn(0, 1);
    assertThat(Files.readString(out().resolve("report.txt"))).isNotEqualTo(EARLIER);
  }

  @Test
  void invalidJson() throws IOException {
    assertRejected(
        "invalid.json",
        ":8: error: cannot parse: Unexpected close marker '}': expected ']' (for Array starting at"
            + " [line: 7, column: 23])");
  }

  @Test
  void aDeeplyNestedDocumentStopsAtTheLimit() throws IOException {
    assertRejected(
        "deep-nesting.json",
        ":203: error: cannot parse: Document nesting depth (201) exceeds the maximum allowed (200)");
  }

  @Test
  void aRuleNamingAUidTheDictionaryLacks() throws IOException {
    assertRejected(
        "undefined-uid.json",
        ":11: error: rule 1 'connectors-https': source '0b4f48f8-f365-5830-ae60-cf0add47d15d' is"
            + " not defined in the export (neither in its objects-dictionary nor in show objects"
            + " output)");
  }

  @Test
  void everyUndefinedReferenceIsSaidInLineOrder() throws IOException {
    String tail =
        "' is not defined in the export (neither in its objects-dictionary nor in show objects"
            + " output)";
    assertRejected(
        "no-dictionary.json",
        ":10: error: rule 1 'connectors to ZPA': source '00000000-0000-0000-0000-000000000003"
            + tail,
        ":11: error: rule 1 'connectors to ZPA': destination '00000000-0000-0000-0000-000000000005"
            + tail,
        ":12: error: rule 1 'connectors to ZPA': service '00000000-0000-0000-0000-000000000006"
            + tail,
        ":13: error: rule 1 'connectors to ZPA': action '00000000-0000-0000-0000-000000000004"
            + tail);
  }

  @Test
  void aServiceWithAnImpossiblePortRange() throws IOException {
    assertRejected(
        "bad-port.json",
        ":51: error: service-tcp 'web-range': port '8080-80' is not a port range of 0 to 65535 (N,"
            + " N-M, <N, >N)");
  }

  @Test
  void addressesCheckPointWouldRefuse() throws IOException {
    assertRejected(
        "bad-address.json",
        ":45: error: host 'typo': ipv4-address '10.0.0.300' is not an address",
        ":51: error: network 'half': subnet4 '10.1.0.0' with mask-length4 '' is not a network of"
            + " IPv4 addresses");
  }

  @Test
  void aGroupThatContainsItself() throws IOException {
    assertRejected("group-cycle.json", ":40: error: group 'a' contains itself: a -> b -> a");
  }

  @Test
  void aRuleWithoutItsSource() throws IOException {
    assertRejected(
        "missing-source.json",
        ":5: error: rule 1 'no-source' has no source (export it with details-level full)");
  }

  @Test
  void objectsWithoutARulebase() throws IOException {
    assertRejected(
        "objects-only.json",
        ": error: holds no show access-rulebase output (a JSON object with a 'rulebase' list),"
            + " only objects");
  }

  @Test
  void aFolderLargerThanTheInputLimit() throws IOException {
    Path folder = Path.of("sample-configs/checkpoint/compliant");
    Run r =
        run(
            "audit",
            "--config",
            folder.toString(),
            "--max-input-size",
            "10K",
            "--output",
            out().toString());
    assertThat(r.err())
        .isEqualTo(
            folder
                + ": error: the folder's JSON files are 11545 bytes together; the limit is 10240"
                + " (raise it with --max-input-size)\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(out().resolve("report.txt"))).isEqualTo(EARLIER);
  }

  @Test
  void aFolderWithAFileThatIsNeitherOutput() throws IOException {
    assertRejected(
        BAD.resolve("stray-file"),
        BAD.resolve("stray-file/notes.json"),
        ":1: error: neither show access-rulebase output (a 'rulebase' list) nor show objects"
            + " output (an 'objects' list)");
  }
}
