package dev.zpaaudit.ingest.asa;

import static dev.zpaaudit.ingest.FixRoundTrip.applied;
import static dev.zpaaudit.ingest.FixRoundTrip.audit;
import static dev.zpaaudit.ingest.FixRoundTrip.commands;
import static dev.zpaaudit.ingest.FixRoundTrip.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ASA commands that fix a failed zen-egress: object-groups and an ACL line inserted at the
 * first denying line; appended to the configuration, they make the re-audit pass.
 */
class AsaFixTest {
  private static final Path SAMPLE = Path.of("sample-configs/asa/non-compliant.cfg");

  @Test
  void theCommandsAppliedMakeTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE.toString(), "10.20.0.0/24", "203.0.113.53");
    assertThat(status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = commands(before);
    assertThat(commands)
        .containsExactly(
            "object-group network zpa-published-ranges",
            " network-object host 3.6.8.246",
            " network-object host 13.126.9.75",
            "object-group network zpa-connectors",
            " network-object 10.20.0.0 255.255.255.0",
            "access-list inside_in line 1 extended permit tcp object-group zpa-connectors"
                + " object-group zpa-published-ranges eq https");
    Path fixed = applied(SAMPLE, commands, tmp.resolve("fixed.cfg"));
    JsonNode after = audit(fixed.toString(), "10.20.0.0/24", "203.0.113.53");
    assertThat(status(after, "zen-egress")).isEqualTo("pass");
    assertThat(commands(after)).isEmpty();
  }
}
