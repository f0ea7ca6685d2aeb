package dev.zpaaudit.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.model.SourceLocation;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  private static String format(String message) {
    return new Diagnostic(Severity.ERROR, new SourceLocation("f.rules", 3), message).format();
  }

  @Test
  void formatIsFileLineSeverityMessage() {
    assertThat(format("bad thing")).isEqualTo("f.rules:3: error: bad thing");
    assertThat(new Diagnostic(Severity.WARNING, new SourceLocation("f", 0), "m").format())
        .isEqualTo("f: warning: m");
  }

  @Test
  void quotedInputCannotBreakOrHideTheLine() {
    assertThat(format("'a\rb'")).isEqualTo("f.rules:3: error: 'a\\rb'");
    assertThat(format("'a\nb'")).isEqualTo("f.rules:3: error: 'a\\nb'");
    assertThat(format("'\u001b[2J'")).isEqualTo("f.rules:3: error: '\\u001b[2J'");
    assertThat(format("'\u0085 \u2028 \u2029 \u202e \ufeff \u0000 \u007f'"))
        .isEqualTo("f.rules:3: error: '\\u0085 \\u2028 \\u2029 \\u202e \\ufeff \\u0000 \\u007f'");
  }

  @Test
  void printableTextIsKept() {
    assertThat(format("'a\tb' caf\u00e9 \ud83d\ude00 \\r"))
        .isEqualTo("f.rules:3: error: 'a\tb' caf\u00e9 \ud83d\ude00 \\r");
  }
}
