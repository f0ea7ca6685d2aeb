package dev.zpaaudit.checks.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.host.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRulesTest {
  @TempDir Path tmp;

  @Test
  void defaultsAreTheSpecValuesWithTheirLines() throws Exception {
    HostRules r = HostRulesLoader.load();
    assertThat(r.memory().minimumGiB().value()).isEqualTo(4.0);
    assertThat(r.memory().minimumGiB().cite())
        .isEqualTo("memory.minimumGiB = 4 (rules/hosts.yaml:8)");
    assertThat(r.disk().minimumGiB().value()).isEqualTo(8.0);
    assertThat(r.cpu().requireAesNi().value()).isFalse();
    assertThat(r.cpu().minimumPassmark()).isEmpty();
    assertThat(r.cpu().awsGcpVcpus().value()).isEqualTo(4);
    assertThat(r.instances().recommended().get(Platform.AWS).value())
        .containsExactly("c4.xlarge", "m4.xlarge");
    assertThat(r.sizing().spares().value()).isEqualTo(1);
  }

  @Test
  void strictProfileUsesTheVendorsCurrentValues() throws Exception {
    HostRules r = HostRulesLoader.load(List.of("strict"), List.of(), List.of());
    assertThat(r.disk().minimumGiB().value()).isEqualTo(64.0);
    assertThat(r.disk().minimumGiB().at().file()).isEqualTo("rules/profiles/strict.yaml");
    assertThat(r.cpu().requireAesNi().value()).isTrue();
    assertThat(r.cpu().minimumPassmark().get().cite())
        .isEqualTo("cpu.minimumPassmark = 2640 (rules/profiles/strict.yaml:6)");
    assertThat(r.instances().recommendedMatch(Platform.AWS, "m5a.xlarge")).isPresent();
    assertThat(r.instances().recommendedMatch(Platform.AZURE, "Standard_D4s_v5"))
        .contains("Standard_D4s_v3 or later");
    assertThat(r.memory().minimumGiB().value()).isEqualTo(4.0);
    HostRules ram = HostRulesLoader.load(List.of("strict", "ram-8gb"), List.of(), List.of());
    assertThat(ram.memory().minimumGiB().value()).isEqualTo(8.0);
  }

  @Test
  void instanceTableHasTheRecommendedTypes() throws Exception {
    HostRules r = HostRulesLoader.load();
    assertThat(r.instances().find(Platform.AWS, "c4.xlarge").get().memoryGiB()).isEqualTo(7.5);
    assertThat(r.instances().find(Platform.GCP, "n1-highcpu-4").get().memoryGiB()).isEqualTo(3.6);
    assertThat(r.instances().find(Platform.AZURE, "standard_f4s_v2").get().vcpus()).isEqualTo(4);
    assertThat(r.instances().find(Platform.AWS, "m6g.xlarge").get().arch()).isEqualTo("arm64");
    for (HostRules rr : List.of(r, HostRulesLoader.load(List.of("strict"), List.of(), List.of()))) {
      rr.instances()
          .recommended()
          .forEach(
              (cloud, list) ->
                  list.value()
                      .forEach(
                          t ->
                              assertThat(rr.instances().find(cloud, t))
                                  .as(cloud + " " + t)
                                  .isPresent()));
    }
  }

  @Test
  void userRuleFileOverridesAndUnknownKeysAreLocatedErrors() throws Exception {
    Path f = tmp.resolve("mine.yaml");
    Files.writeString(f, "memory:\n  minimumGiB: 6\n");
    assertThat(HostRulesLoader.load(List.of(), List.of(f), List.of()).memory().minimumGiB().cite())
        .isEqualTo("memory.minimumGiB = 6 (" + f + ":2)");
    Files.writeString(f, "memory:\n  minimumGB: 6\ndisk:\n  minimumGiB: lots\n");
    assertThatThrownBy(() -> HostRulesLoader.load(List.of(), List.of(f), List.of()))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(d -> d.format())
                    .containsExactly(
                        f + ":2: error: unknown rule key 'memory.minimumGB'",
                        f + ":4: error: 'disk.minimumGiB' must be a number"));
  }

  @Test
  void aRuleFileCanSetOrUnsetThePassmarkMinimum() throws Exception {
    Path f = tmp.resolve("mine.yaml");
    Files.writeString(f, "cpu:\n  minimumPassmark: null\n");
    assertThat(
            HostRulesLoader.load(List.of("strict"), List.of(f), List.of()).cpu().minimumPassmark())
        .isEmpty();
    Files.writeString(f, "cpu:\n  minimumPassmark: 3000\n");
    assertThat(
            HostRulesLoader.load(List.of(), List.of(f), List.of())
                .cpu()
                .minimumPassmark()
                .get()
                .value())
        .isEqualTo(3000L);
    Files.writeString(f, "cpu:\n  minimumPassmark: -1\n");
    assertThatThrownBy(() -> HostRulesLoader.load(List.of(), List.of(f), List.of()))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(d -> d.format())
                    .containsExactly(
                        f + ":2: error: 'cpu.minimumPassmark' must be at least 0.0, not -1.0"));
    Files.writeString(f, "cpu:\n  minimumPassmark: high\n");
    assertThatThrownBy(() -> HostRulesLoader.load(List.of(), List.of(f), List.of()))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(d -> d.format())
                    .containsExactly(f + ":2: error: 'cpu.minimumPassmark' must be a number"));
  }

  @Test
  void unknownProfileIsAUsageError() {
    assertThatThrownBy(() -> HostRulesLoader.load(List.of("lenient"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strict, ram-8gb");
  }
}
