package dev.zpaaudit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.InputException;
import org.junit.jupiter.api.Test;

class SafeParsersTest {
  @Test
  void jsonNestedBeyondTheLimitIsAnErrorAtTheLineReached() {
    String bomb = "{\n\"a\":\n" + "[\n".repeat(300) + "]\n".repeat(300) + "}\n";
    assertThatThrownBy(() -> SafeParsers.json(bomb, "bomb.json"))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(((InputException) e).errors().get(0).format())
                    .startsWith(
                        "bomb.json:202: error: cannot parse: Document nesting depth (201)"));
  }

  @Test
  void jsonOnOneLineIsAnErrorAtLineOne() {
    String bomb = "[".repeat(1000) + "]".repeat(1000);
    assertThatThrownBy(() -> SafeParsers.json(bomb, "bomb.json"))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(((InputException) e).errors().get(0).format())
                    .startsWith("bomb.json:1: error: cannot parse: Document nesting depth"));
  }
}
