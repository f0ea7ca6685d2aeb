package dev.zpaaudit.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every iptables file of the corpus loads into the kernel lab once sanitised, with all its rules,
 * and needs exactly the rewrites listed.
 */
class KernelLabCorpusTest {
  private static KernelLab shared;

  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("docker-topos4.rules", Map.of()),
        Arguments.of("home-user.rules", Map.of()),
        Arguments.of("medium-sized-company.rules", Map.of()),
        Arguments.of("shorewall-akachan.rules", Map.of()),
        Arguments.of("tum-2013.rules", Map.of(CorpusSanitizer.MAC, 885)),
        Arguments.of("ufw-server.rules", Map.of()),
        Arguments.of("ugent.rules", Map.of(CorpusSanitizer.NEGATION, 174)));
  }

  /** The shared lab; skips the calling test, saying why, where the lab cannot run. */
  private static KernelLab lab() {
    String reason = KernelLab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "kernel lab unavailable: " + reason);
    if (shared == null) {
      shared = new KernelLab();
    }
    return shared;
  }

  @AfterAll
  static void stopLab() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void loadsAfterTheExpectedRewrites(String file, Map<String, Integer> rewrites)
      throws IOException {
    CorpusSanitizer.Result sanitized = CorpusSanitizer.sanitize(read(file));
    assertThat(sanitized.rewrites()).isEqualTo(rewrites);
    KernelLab lab = lab();
    assertThatCode(() -> lab.loadIptablesSave(sanitized.content())).doesNotThrowAnyException();
    assertThat(ruleCount(lab.iptablesSave())).isEqualTo(ruleCount(sanitized.content()));
  }

  private static long ruleCount(String iptablesSave) {
    return iptablesSave.lines().filter(line -> line.startsWith("-A ")).count();
  }

  private static String read(String file) throws IOException {
    try (InputStream in =
        KernelLabCorpusTest.class.getResourceAsStream("/corpus/iptables/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
