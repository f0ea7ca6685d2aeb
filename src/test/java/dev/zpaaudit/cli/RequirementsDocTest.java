package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reports point at docs/requirements.md, which describes every requirement a check cites. */
class RequirementsDocTest {
  static final Path DOC = Path.of(Report.REQUIREMENTS_DOC);

  @Test
  void theTextReportEndsWithTheRequirementsItsChecksCite() {
    Run hosts = CliTest.run("audit", "--hosts", "sample-configs/hosts/inventory.yaml");
    assertThat(hosts.out())
        .endsWith(
            "\n\nrequirements: R1, R2, R3, R4, R5, R6, R7, R9, R10, R11; see docs/requirements.md\n");
    Run network = CliTest.run("audit", "--config", CliTest.HOST, "--connector", "10.0.0.10");
    assertThat(network.out()).endsWith("\nrequirements: R8, R12, R16; see docs/requirements.md\n");
  }

  @Test
  void theJsonReportNamesTheDocumentOnce() throws Exception {
    Run r = CliTest.run("audit", "--config", CliTest.HOST, "--format", "json");
    assertThat(new ObjectMapper().readTree(r.out()).path("requirementsDoc").asText())
        .isEqualTo("docs/requirements.md");
  }

  @Test
  void theDocumentDescribesEachRequirementOnce() throws Exception {
    List<String> lines = Files.readAllLines(DOC);
    IntStream.rangeClosed(1, 16)
        .forEach(
            n -> {
              assertThat(lines.stream().filter(l -> l.startsWith("### R" + n + ": ")))
                  .as("R" + n)
                  .hasSize(1);
              assertThat(lines.stream().filter(l -> l.startsWith("| R" + n + " | ")))
                  .as("R" + n + " in the summary")
                  .hasSize(1);
            });
  }
}
