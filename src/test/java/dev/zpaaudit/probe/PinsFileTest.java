package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Damaged certificates in a pins file are located errors that name the damage. */
class PinsFileTest {
  static final Path DIR = Path.of("src/test/resources/pins");

  private static String error(String name) {
    InputException e =
        catchThrowableOfType(() -> PinsFile.read(DIR.resolve(name)), InputException.class);
    assertThat(e).as(name).isNotNull();
    return String.join("\n", e.errors().stream().map(Diagnostic::format).toList());
  }

  @Test
  void base64ThatDoesNotDecode() {
    assertThat(error("bad-base64.yaml"))
        .isEqualTo(
            DIR.resolve("bad-base64.yaml")
                + ":6: error: not a PEM certificate: bad PEM: the base64 text does not decode");
  }

  @Test
  void aBrokenDerStructure() {
    assertThat(error("broken-der.yaml"))
        .isEqualTo(
            DIR.resolve("broken-der.yaml")
                + ":6: error: not a PEM certificate: bad PEM: long form definite-length more than"
                + " 31 bits");
  }
}
