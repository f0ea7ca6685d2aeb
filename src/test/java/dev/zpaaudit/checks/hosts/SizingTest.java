package dev.zpaaudit.checks.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.model.host.Throughput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizingTest {
  static HostRules rules;

  @BeforeAll
  static void load() throws Exception {
    rules = HostRulesLoader.load();
  }

  @ParameterizedTest(name = "{0}% double encryption -> {1} Mbps per connector")
  @CsvSource({"0, 500", "25, 437.5", "50, 375", "75, 312.5", "100, 250"})
  void perConnectorThroughputFollowsTheSpecTable(double percent, double mbps) {
    assertThat(rules.sizing().table().mbpsAt(percent)).isEqualTo(mbps);
  }

  @Test
  void specExampleOneGbpsWithoutDoubleEncryptionNeedsTwoPlusSpare() {
    Sizing s = Sizing.of(Throughput.parse("1Gbps"), null, 0, 1, rules.sizing().table());
    assertThat(s.forPeak()).isEqualTo(2);
    assertThat(s.total()).isEqualTo(3).isBetween(2L, 3L);
  }

  @Test
  void specExampleOneGbpsWithFullDoubleEncryptionNeedsFourPlusSpare() {
    Sizing s = Sizing.of(Throughput.parse("1 Gbps"), null, 100, 1, rules.sizing().table());
    assertThat(s.forPeak()).isEqualTo(4);
    assertThat(s.total()).isEqualTo(5).isBetween(4L, 6L);
    Sizing two = Sizing.of(Throughput.parse("1 Gbps"), null, 100, 2, rules.sizing().table());
    assertThat(two.total()).isEqualTo(6);
  }

  @Test
  void workingShowsFormulaCeilAndSpare() {
    Sizing s =
        Sizing.of(
            Throughput.parse("1Gbps"), Throughput.parse("400Mbps"), 25, 1, rules.sizing().table());
    assertThat(s.perConnectorMbps()).isEqualTo(437.5);
    assertThat(s.forPeak()).isEqualTo(3);
    assertThat(s.forAverage()).isEqualTo(1);
    assertThat(s.working())
        .containsExactly(
            "per connector: 500 - (500 - 250) x (25% - 0%) / (100% - 0%) = 437.5 Mbps (R6 table, rules/hosts.yaml:47)",
            "for the peak: ceil(1000 Mbps / 437.5 Mbps) = ceil(2.286) = 3",
            "for the average: ceil(400 Mbps / 437.5 Mbps) = 1 (for information; the peak decides)",
            "spares (N+1): 3 + 1 = 4");
    assertThat(s.r7Warning()).startsWith("R7: prefer more, smaller connectors");
  }

  @Test
  void exactMultiplesDoNotRoundUp() {
    assertThat(
            Sizing.of(Throughput.parse("1.5Gbps"), null, 50, 0, rules.sizing().table()).forPeak())
        .isEqualTo(4);
    assertThat(
            Sizing.of(Throughput.parse("1500001kbps"), null, 50, 0, rules.sizing().table())
                .forPeak())
        .isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource({
    "1Gbps, 1000",
    "500Mbps, 500",
    "1.5 Gbps, 1500",
    "750M, 750",
    "2g, 2000",
    "100 kbps, 0.1",
    "1Gbit/s, 1000"
  })
  void throughputUnits(String text, double mbps) {
    assertThat(Throughput.parse(text).mbps()).isEqualTo(mbps);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-1Gbps|negative",
        "1GB/s|in bytes",
        "100MB|in bytes",
        "fast|cannot read throughput 'fast'",
        "500|cannot read throughput '500'",
        "1.2.3Gbps|cannot read",
        "''|cannot read"
      })
  void throughputNonsenseIsRejectedClearly(String text, String message) {
    assertThatThrownBy(() -> Throughput.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
