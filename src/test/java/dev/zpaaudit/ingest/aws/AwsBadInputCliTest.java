package dev.zpaaudit.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unusable EC2 export through the command line: exit code 2, every located error on standard
 * error, nothing on standard output, and the report already in the output folder left as it was.
 */
class AwsBadInputCliTest extends RejectedInputTest {
  static final Path BAD = Path.of("src/test/resources/aws/bad");

  /** Each of {@code errors} is one line of standard error, after the path given. */
  void assertRejected(Path f, String... errors) throws IOException {
    assertRefused(
        List.of("audit", "--config", f.toString(), "--connector", "10.0.1.10"), f, errors);
  }

  @Test
  void aGoodExportIsWrittenSoTheChecksBelowMeanSomething() throws IOException {
    Run r =
        run(
            "audit",
            "--config",
            "sample-configs/aws/compliant",
            "--connector",
            "10.0.1.10",
            "--output",
            out().toString());
    assertThat(r.code()).isIn(0, 1);
    assertThat(Files.readString(out().resolve("report.txt"))).isNotEqualTo(EARLIER);
  }

  @Test
  void jsonThatDoesNotParse() throws IOException {
    assertRejected(
        BAD.resolve("invalid.json"),
        ":5: error: cannot parse: Unexpected character ('\"' (code 34)): was expecting comma to"
            + " separate Object entries");
  }

  @Test
  void portRangesAwsWouldRefuseEachAtItsLine() throws IOException {
    assertRejected(
        BAD.resolve("port-range.json"),
        ":11: error: FromPort 443 and ToPort 80 are not a port range (0 to 65535, FromPort not"
            + " above ToPort)",
        ":21: error: FromPort 53 and ToPort 70000 are not a port range (0 to 65535, FromPort not"
            + " above ToPort)",
        ":48: error: PortRange 1024-65536 is not a port range (0 to 65535, From not above To)");
  }

  @Test
  void anInterfaceInAGroupTheExportLacks() throws IOException {
    assertRejected(
        BAD.resolve("missing-group.json"),
        ":12: error: eni-1 is in security group sg-9, which the export does not list");
  }

  @Test
  void nestingTooDeep() throws IOException {
    assertRejected(
        BAD.resolve("deep.json"),
        ":3: error: cannot parse: Document nesting depth (201) exceeds the maximum allowed (200)");
  }

  @Test
  void anErrorInAFolderIsSaidAtItsFile() throws IOException {
    assertRejected(
        BAD.resolve("folder"),
        "/NetworkAcls.json:16: error: RuleAction 'permit' is not allow or deny");
  }

  @Test
  void aLoneGroupsOutputSaysWhatIsMissing() throws IOException {
    assertRejected(
        Path.of("src/test/resources/formats/aws-security-groups.json"),
        ": error: no network interface in the export: add the output of aws ec2"
            + " describe-instances (Reservations) or describe-network-interfaces"
            + " (NetworkInterfaces)");
  }

  @Test
  void aFolderOfSomethingElse() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(dir.resolve("readme.txt"), "hello\n");
    assertRejected(
        dir,
        ": error: a folder that holds no export read here: an ip -j capture (link.json), Azure"
            + " network security groups, Google Cloud firewalls, a Check Point export, or EC2"
            + " describe-* output (JSON files such as SecurityGroups.json)");
  }

  @Test
  void withoutAConnectorTheHostIsNotKnown() throws IOException {
    Path f = Path.of("sample-configs/aws/compliant");
    Run r = run("audit", "--config", f.toString(), "--output", out().toString());
    assertThat(r.err())
        .isEqualTo(
            f
                + ": error: an EC2 export describes many hosts: name the connector's with"
                + " --connector, the private address of its network interface\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(out().resolve("report.txt"))).isEqualTo(EARLIER);
  }

  @Test
  void theConnectorHostSitsAtOutputOnly() throws IOException {
    String f = "sample-configs/aws/compliant";
    Run chain =
        run(
            "audit",
            "--config",
            f,
            "--connector",
            "10.0.1.10",
            "--chain",
            "FORWARD",
            "--output",
            out().toString());
    assertThat(chain.err())
        .isEqualTo(
            "zpa-audit: --chain FORWARD does not apply to "
                + f
                + ": it is the connector host itself (--chain OUTPUT, the default for it)\n");
    assertThat(chain.code()).isEqualTo(2);
    Run own =
        run(
            "audit",
            "--config",
            f + "@INPUT",
            "--connector",
            "10.0.1.10",
            "--output",
            out().toString());
    assertThat(own.err())
        .isEqualTo(
            "zpa-audit: --config "
                + f
                + "@INPUT: this export is the connector host itself: write @OUTPUT, or nothing\n");
    assertThat(Files.readString(out().resolve("report.txt"))).isEqualTo(EARLIER);
    Run output = run("audit", "--config", f + "@OUTPUT", "--connector", "10.0.1.10", "-q");
    assertThat(output.code()).isZero();
  }
}
