package dev.zpaaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An export of a format that is not read yet is named, not called unknown: exit 2 and one line
 * saying what the file looks like.
 */
class UnreadFormatsCliTest {
  static final Path DIR = Path.of("src/test/resources/formats");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "azure-route-table.json   | looks like an Azure resource export (JSON) other than a"
            + " network security group, which is not read yet",
        "nft-ruleset.nft          | looks like `nft list ruleset` text, which is not read:"
            + " use `nft -j list ruleset`",
        "empty.rules              | file is empty",
        "blank.rules              | file is empty",
      })
  void isNamedAndRefused(String name, String message) {
    Path f = DIR.resolve(name);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"audit", "--config", f.toString()},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(err.toString()).isEqualTo(f + ": error: " + message + "\n");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
  }
}
