package dev.zpaaudit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of the architecture true in the main sources. */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/zpaaudit");

  /**
   * Where the code still goes against the table: the command line reads the published ranges and
   * inventories, and the ipset side input, through the format packages themselves.
   */
  static final Set<String> KNOWN_EXCEPTIONS =
      Set.of(
          "cli/AuditCommand.java -> ingest.inventory",
          "cli/SizeCommand.java -> ingest.inventory",
          "cli/RangesOption.java -> ingest.ranges",
          "cli/NetworkOptions.java -> ingest.iptables");

  @Test
  void packagesOnlyUseWhatTheyMay() throws IOException {
    assertThat(new ImportRules(KNOWN_EXCEPTIONS).violations(SRC)).isEmpty();
  }
}
