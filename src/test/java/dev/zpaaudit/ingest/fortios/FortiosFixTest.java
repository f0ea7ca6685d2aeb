package dev.zpaaudit.ingest.fortios;

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
 * The FortiOS commands that fix a failed zen-egress: appended to the configuration (FortiOS reads
 * its CLI and its configuration files alike), they make the re-audit pass.
 */
class FortiosFixTest {
  private static final Path SAMPLE = Path.of("sample-configs/fortios/non-compliant.conf");

  @Test
  void theCommandsAppliedMakeTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE.toString(), "10.20.0.0/24", "203.0.113.53");
    assertThat(status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = commands(before);
    assertThat(commands)
        .contains(
            "config firewall address",
            "    edit \"zpa-3.6.8.246_32\"",
            "        set subnet 3.6.8.246/32",
            "        set member \"zpa-3.6.8.246_32\" \"zpa-13.126.9.75_32\"",
            "    edit 8",
            "        set srcintf \"port2\"",
            "        set dstintf \"port1\"",
            "        set srcaddr \"zpa-connectors-10.20.0.0_24\"",
            "        set service \"HTTPS\"",
            "    move 8 before 7");
    Path fixed = applied(SAMPLE, commands, tmp.resolve("fixed.conf"));
    JsonNode after = audit(fixed.toString(), "10.20.0.0/24", "203.0.113.53");
    assertThat(status(after, "zen-egress")).isEqualTo("pass");
    assertThat(commands(after)).isEmpty();
  }
}
