package dev.zpaaudit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input text is strict UTF-8: the JDK's lenient decoding first, and a strict one where it must. */
class DecodeTest {
  private static final SourceLocation AT = new SourceLocation("in.rules", 0);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-A INPUT -j ACCEPT\n",
        "# règle café\n-A INPUT -j ACCEPT\n",
        "comment with a real replacement character \uFFFD kept\n",
        "astral \uD83D\uDE00 too\n",
        ""
      })
  void goodTextComesBackAsItWas(String text) throws InputException {
    assertThat(InputFiles.decode(text.getBytes(StandardCharsets.UTF_8), AT)).isEqualTo(text);
  }

  @Test
  void aByteOrderMarkIsDropped() throws InputException {
    byte[] bom = "\uFEFF*filter\n".getBytes(StandardCharsets.UTF_8);
    assertThat(InputFiles.decode(bom, AT)).isEqualTo("*filter\n");
  }

  @Test
  void badBytesAreAnErrorAtTheirLine() {
    byte[] bad = {'a', '\n', 'b', '\n', 'c', (byte) 0xFF, '\n'};
    assertThatThrownBy(() -> InputFiles.decode(bad, AT))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("in.rules:3")
        .hasMessageContaining("not UTF-8 text");
  }

  @Test
  void aBadByteBesideARealReplacementCharacterIsStillAnError() {
    byte[] ok = "\uFFFD\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[ok.length + 1];
    System.arraycopy(ok, 0, bad, 0, ok.length);
    bad[ok.length] = (byte) 0xC3; // a sequence cut short at the end
    assertThatThrownBy(() -> InputFiles.decode(bad, AT))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not UTF-8 text");
  }
}
