package dev.zpaaudit.ingest.panos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The synthetic config of the benchmark reads completely and without a diagnostic. */
class PanosGeneratedConfigTest {
  @Test
  void aLargeGeneratedConfigReadsWhole() throws Exception {
    String text = new PanosConfigGenerator(20_000, 50_000, 42).generate();
    PanosReader.Result r = PanosReader.parse(text, "generated.xml");
    PanosConfig c = r.config();
    assertThat(r.diagnostics()).isEmpty();
    Vsys vsys = c.vsys().get(0);
    assertThat(vsys.rulebase().security()).hasSize(20_000);
    assertThat(c.shared().objects().addresses()).hasSize(5_000);
    assertThat(vsys.objects().addresses()).hasSize(45_000);
    assertThat(vsys.objects().addressGroups()).hasSize(2_000);
    assertThat(vsys.objects().services()).hasSize(200);
    assertThat(vsys.zones()).hasSize(4);
    assertThat(c.network().interfaces()).hasSize(4);
    assertThat(c.network().routeCount()).isEqualTo(100);
    assertThat(vsys.rulebase().security().get(19_999).name()).isEqualTo("rule-19999");
  }
}
