package dev.zpaaudit.checks.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.tls.ServerNames.Cover;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerNamesTest {
  private static Cover cover(String required, String... patterns) {
    return ServerNames.cover(List.of(patterns), required);
  }

  @Test
  void aWildcardCoversTheNamesBelowItsSuffix() {
    assertThat(cover("*.prod.zpath.net", "*.prod.zpath.net")).isEqualTo(Cover.ALL);
    assertThat(cover("*.prod.zpath.net", "*.zpath.net")).isEqualTo(Cover.ALL);
    assertThat(cover("*.prod.zpath.net", "*")).isEqualTo(Cover.ALL);
    assertThat(cover("*.prod.zpath.net", "*.ZPATH.net.")).isEqualTo(Cover.ALL);
    assertThat(cover("*.prod.zpath.net", "https://*.zpath.net/")).isEqualTo(Cover.ALL);
  }

  @Test
  void narrowerPatternsCoverSomeAndOthersNone() {
    assertThat(cover("*.prod.zpath.net", "*.eu.prod.zpath.net")).isEqualTo(Cover.SOME);
    assertThat(cover("*.prod.zpath.net", "co1.prod.zpath.net")).isEqualTo(Cover.SOME);
    // "*" is one or more labels: the bare suffix is not one of the names.
    assertThat(cover("*.prod.zpath.net", "prod.zpath.net")).isEqualTo(Cover.NONE);
    assertThat(cover("*.prod.zpath.net", "*.zscaler.com", "example.com")).isEqualTo(Cover.NONE);
    // A wildcard elsewhere is not compared exactly: it may match some.
    assertThat(cover("*.prod.zpath.net", "*zpath*")).isEqualTo(Cover.SOME);
  }

  @Test
  void anExactNameIsCoveredByItselfOrAWildcardAboveIt() {
    assertThat(cover("a.prod.zpath.net", "a.prod.zpath.net")).isEqualTo(Cover.ALL);
    assertThat(cover("a.prod.zpath.net", "*.zpath.net")).isEqualTo(Cover.ALL);
    assertThat(cover("zpath.net", "*.zpath.net")).isEqualTo(Cover.NONE);
    assertThat(cover("a.prod.zpath.net", "b.prod.zpath.net")).isEqualTo(Cover.NONE);
  }
}
