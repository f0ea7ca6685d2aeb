package dev.zpaaudit.ingest.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Check Point representation read from the fixtures, before any lowering. */
class CheckpointReaderTest {
  @Test
  void aRulebaseIsReadWithItsSectionsRulesAndDictionary() throws Exception {
    CheckpointReader.Result r = CheckpointFixtures.read("rules.json");
    assertThat(r.diagnostics()).isEmpty();
    CheckpointExport e = r.export();
    assertThat(e.layers()).hasSize(1);
    Layer l = e.layers().get(0);
    assertThat(l.name()).isEqualTo("Network");
    assertThat(l.at().line()).isEqualTo(1);
    assertThat(l.entries())
        .extracting(x -> ((AccessRule) x).label() + " " + ((AccessRule) x).enabled())
        .containsExactly(
            "rule 1 'block-india' true",
            "rule 2 'allow-all-disabled' false",
            "rule 3 'connectors-https' true",
            "rule 4 'reject-telnet' true",
            "rule 5 true");
    AccessRule third = (AccessRule) l.entries().get(2);
    assertThat(third.at().line()).isEqualTo(76);
    assertThat(third.source().refs()).hasSize(1);
    assertThat(third.source().refs().get(0).line()).isEqualTo(82);
    CpObject connectors = e.objects().get(third.source().refs().get(0).uid());
    assertThat(connectors.name()).isEqualTo("connectors");
    assertThat(connectors.body())
        .isEqualTo(new CpObject.Addresses(java.util.List.of(IpSet.parse("10.20.0.0/24"))));
    CpObject https = e.objects().get(third.service().refs().get(0).uid());
    assertThat(https.body()).isEqualTo(new CpObject.Ports(6, PortSet.of(443), null, false));
    AccessRule fourth = (AccessRule) l.entries().get(3);
    assertThat(fourth.source().negate()).isTrue();
    assertThat(e.objects().get(fourth.action().uid()).name()).isEqualTo("Reject");
  }

  @Test
  void pagesOfALayerAreOneLayerWithTheMissingRulesInPlace() throws Exception {
    CheckpointExport e = CheckpointFixtures.export("pages");
    assertThat(e.layers()).hasSize(1);
    assertThat(e.layers().get(0).entries())
        .extracting(x -> x instanceof AccessRule a ? a.label() : ((Entry.Missing) x).what())
        .containsExactly(
            "rule 1 'r1'",
            "rule 2 'r2'",
            "rules 3-4 of layer 'Network' (not in the export)",
            "rule 5 'r5'",
            "rule 6 'r6'");
    assertThat(e.objects().values()).extracting(CpObject::name).contains("member");
  }

  @Test
  void theFormatIsToldFromTheContent() {
    assertThat(CheckpointReader.looksLike("{\n  \"uid\": \"x\",\n  \"rulebase\": []\n}")).isTrue();
    assertThat(
            CheckpointReader.looksLike(
                "{\"objects\": [{\"domain\": {\"domain-type\": \"domain\"}}]}"))
        .isTrue();
    assertThat(CheckpointReader.looksLike("{\"nftables\": [{\"metainfo\": {}}]}")).isFalse();
    assertThat(CheckpointReader.looksLike("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n")).isFalse();
    assertThat(CheckpointReader.isExport(CheckpointFixtures.FEATURES.resolve("pages"))).isTrue();
    assertThat(CheckpointReader.isExport(CheckpointFixtures.FEATURES.resolve("rules.json")))
        .isFalse();
    assertThat(CheckpointReader.isExport(Path.of("sample-configs/linux/vxlan-host"))).isFalse();
  }

  @Test
  void portForms() {
    assertThat(Ports.parse("443")).contains(PortSet.of(443));
    assertThat(Ports.parse("1-1024")).contains(PortSet.range(1, 1024));
    assertThat(Ports.parse(">1023")).contains(PortSet.range(1024, 65535));
    assertThat(Ports.parse("<1024")).contains(PortSet.range(0, 1023));
    assertThat(Ports.parse(">=8000")).contains(PortSet.range(8000, 65535));
    assertThat(Ports.parse("<=21")).contains(PortSet.range(0, 21));
    assertThat(Ports.parse("20-21, 80")).contains(PortSet.range(20, 21).union(PortSet.of(80)));
    for (String bad : new String[] {"80-70", "65536", ">65535", "<0", "x", "", "1-2-3", ">1-2"}) {
      assertThat(Ports.parse(bad)).as(bad).isEqualTo(Optional.empty());
    }
  }
}
