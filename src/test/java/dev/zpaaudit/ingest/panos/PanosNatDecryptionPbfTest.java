package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanosNatDecryptionPbfTest {
  private static final List<String> ANY = List.of("any");
  private static final List<String> TRUST = List.of("trust");
  private static final List<String> UNTRUST = List.of("untrust");

  private static List<NatRule> nat() throws Exception {
    return read("nat-rules.xml").config().vsys().get(0).rulebase().nat();
  }

  @Test
  void natRulesInFileOrderWithTheirZonesAddressesAndService() throws Exception {
    assertThat(nat())
        .extracting(NatRule::name, NatRule::from, NatRule::to, NatRule::service, NatRule::line)
        .containsExactly(
            tuple("hide-behind-interface", TRUST, UNTRUST, "any", 17),
            tuple("hide-behind-pool", TRUST, UNTRUST, "any", 41),
            tuple("pool", TRUST, UNTRUST, "any", 62),
            tuple("publish-web", UNTRUST, UNTRUST, "service-http", 84),
            tuple("one-to-one", List.of("dmz"), UNTRUST, "any", 103),
            tuple("undefined-pool", TRUST, UNTRUST, "any", 124));
  }

  @Test
  void theFirstRuleWhole() throws Exception {
    assertThat(nat().get(0))
        .isEqualTo(
            new NatRule(
                "hide-behind-interface",
                NatRule.Type.IPV4,
                TRUST,
                UNTRUST,
                "ethernet1/1",
                List.of("10.0.0.0/8"),
                ANY,
                "any",
                Optional.of(
                    new SourceTranslation.InterfaceAddress(
                        "ethernet1/1", Optional.of("203.0.113.1/24"))),
                Optional.empty(),
                false,
                17));
  }

  @Test
  void everySourceAndDestinationTranslation() throws Exception {
    List<String> pool = List.of("public-pool");
    assertThat(nat())
        .extracting(NatRule::sourceTranslation, NatRule::destinationTranslation, NatRule::disabled)
        .containsExactly(
            tuple(
                Optional.of(
                    new SourceTranslation.InterfaceAddress(
                        "ethernet1/1", Optional.of("203.0.113.1/24"))),
                Optional.empty(),
                false),
            tuple(
                Optional.of(new SourceTranslation.DynamicIpAndPort(pool)), Optional.empty(), false),
            tuple(Optional.of(new SourceTranslation.DynamicIp(pool)), Optional.empty(), true),
            tuple(
                Optional.empty(),
                Optional.of(new DestinationTranslation("web-server", Optional.of(8080))),
                false),
            tuple(
                Optional.of(new SourceTranslation.StaticIp("203.0.113.80", true)),
                Optional.empty(),
                false),
            tuple(
                Optional.of(new SourceTranslation.DynamicIpAndPort(List.of("other-pool"))),
                Optional.empty(),
                false));
    assertThat(diagnostics(read("nat-rules.xml")))
        .containsExactly(
            "nat-rules.xml:124: error: NAT rule 'undefined-pool': address 'other-pool' is not"
                + " defined");
  }

  @Test
  void decryptionRulesWithTheirMatchActionsAndTypes() throws Exception {
    PanosReader.Result r = read("decryption-rules.xml");
    assertThat(r.config().platform()).isEqualTo(PanosConfig.Platform.PANORAMA);
    List<DecryptionRule> rules = r.config().shared().preRulebase().decryption();
    assertThat(rules)
        .extracting(
            DecryptionRule::name,
            DecryptionRule::action,
            DecryptionRule::type,
            DecryptionRule::disabled,
            DecryptionRule::line)
        .containsExactly(
            tuple(
                "no-decrypt-finance",
                DecryptionRule.Action.NO_DECRYPT,
                DecryptionRule.Type.SSL_FORWARD_PROXY,
                false,
                6),
            tuple(
                "decrypt-rest",
                DecryptionRule.Action.DECRYPT,
                DecryptionRule.Type.SSL_FORWARD_PROXY,
                false,
                27),
            tuple(
                "inbound",
                DecryptionRule.Action.DECRYPT,
                DecryptionRule.Type.SSL_INBOUND_INSPECTION,
                true,
                49));
    assertThat(rules)
        .extracting(DecryptionRule::match)
        .containsExactly(
            new RuleMatch(
                TRUST, UNTRUST, ANY, false, ANY, false, ANY, ANY, List.of("financial-services")),
            new RuleMatch(
                TRUST, UNTRUST, ANY, false, ANY, false, ANY, List.of("service-https"), ANY),
            new RuleMatch(
                UNTRUST, List.of("dmz"), ANY, false, List.of("192.0.2.80"), true, ANY, ANY, ANY));
  }

  @Test
  void anUnknownDecryptionActionIsAnError() throws Exception {
    PanosReader.Result r = read("decryption-rules.xml");
    assertThat(diagnostics(r))
        .containsExactly(
            "decryption-rules.xml:85: error: decryption rule 'ssh': action 'inspect' is not"
                + " decrypt, no-decrypt or decrypt-and-forward");
  }

  @Test
  void policyBasedForwardingRules() throws Exception {
    PanosReader.Result r = read("pbf-rules.xml");
    PbfRule.From trust = new PbfRule.From(PbfRule.From.Kind.ZONE, TRUST);
    assertThat(r.config().vsys().get(0).rulebase().pbf())
        .containsExactly(
            new PbfRule(
                "via-second-isp",
                trust,
                List.of("10.2.0.0/16"),
                false,
                ANY,
                false,
                ANY,
                ANY,
                List.of("service-https"),
                new PbfRule.Forward("ethernet1/3", Optional.of("198.51.100.1")),
                false,
                9),
            new PbfRule(
                "blackhole",
                new PbfRule.From(PbfRule.From.Kind.INTERFACE, List.of("ethernet1/2")),
                ANY,
                true,
                ANY,
                false,
                ANY,
                List.of("bittorrent"),
                ANY,
                new PbfRule.Discard(),
                true,
                36),
            new PbfRule(
                "normal-routing",
                trust,
                ANY,
                false,
                List.of("10.0.0.0/8"),
                false,
                ANY,
                ANY,
                ANY,
                new PbfRule.NoPbf(),
                false,
                57));
  }

  @Test
  void symmetricReturnAndForwardingToAVsysAreNotModelled() throws Exception {
    PanosReader.Result r = read("pbf-rules.xml");
    assertThat(diagnostics(r))
        .containsExactly(
            "pbf-rules.xml:32: warning: 'enforce-symmetric-return' is not modelled"
                + " (policy-based forwarding rule 'via-second-isp' sends replies back the way"
                + " they came)",
            "pbf-rules.xml:89: warning: 'forward-to-vsys' is not modelled (forwarding to another"
                + " vsys; the rule is not read)");
  }
}
