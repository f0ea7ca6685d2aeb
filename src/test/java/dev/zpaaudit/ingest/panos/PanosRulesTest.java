package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.panos.PanosReader.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanosRulesTest {
  private static final List<String> ANY = List.of("any");

  private static RuleMatch match(
      List<String> from, List<String> to, List<String> source, List<String> destination) {
    return new RuleMatch(from, to, source, false, destination, false, ANY, ANY, ANY);
  }

  @Test
  void securityRulesInFileOrderWithEverythingTheyMatchOn() throws Exception {
    Result r = read("security-rules.xml");
    Rulebase rb = r.config().vsys().get(0).rulebase();
    assertThat(rb.security())
        .containsExactly(
            new SecurityRule(
                "allow-web",
                new RuleMatch(
                    List.of("trust"),
                    List.of("untrust"),
                    List.of("clients"),
                    false,
                    List.of("web-server", "198.51.100.0/24"),
                    false,
                    List.of("example\\alice"),
                    List.of("service-http", "service-https", "tcp-8443"),
                    List.of("business-and-economy")),
                List.of("web-browsing", "ssl"),
                SecurityAction.ALLOW,
                RuleType.UNIVERSAL,
                false,
                Optional.empty(),
                true,
                30),
            new SecurityRule(
                "block-rest",
                new RuleMatch(
                    List.of("trust"),
                    List.of("untrust"),
                    List.of("clients"),
                    true,
                    ANY,
                    false,
                    ANY,
                    List.of("application-default"),
                    ANY),
                ANY,
                SecurityAction.RESET_BOTH,
                RuleType.INTERZONE,
                true,
                Optional.of("office-hours"),
                false,
                71),
            new SecurityRule(
                "in-zone",
                match(List.of("dmz"), List.of("dmz"), ANY, ANY),
                ANY,
                SecurityAction.DROP,
                RuleType.INTRAZONE,
                false,
                Optional.empty(),
                false,
                98),
            new SecurityRule(
                "typo",
                new RuleMatch(
                    ANY, ANY, List.of("client"), false, ANY, false, ANY, List.of("tcp-8444"), ANY),
                ANY,
                SecurityAction.DENY,
                RuleType.UNIVERSAL,
                false,
                Optional.empty(),
                false,
                123),
            new SecurityRule(
                "sparse",
                match(ANY, ANY, ANY, ANY),
                ANY,
                SecurityAction.RESET_CLIENT,
                RuleType.UNIVERSAL,
                false,
                Optional.empty(),
                false,
                165));
    assertThat(rb.defaults()).isEqualTo(DefaultSecurityRules.IMPLICIT);
    assertThat(diagnostics(r))
        .containsExactly(
            "security-rules.xml:95: warning: 'schedule' is not modelled (security rule"
                + " 'block-rest' is active only during 'office-hours'; read as always active)",
            "security-rules.xml:96: warning: 'icmp-unreachable' is not modelled (the ICMP"
                + " unreachable a drop sends)",
            "security-rules.xml:117: warning: 'hip-profiles' is not modelled (security rule"
                + " 'in-zone' matches only corporate-laptop; read as any)",
            "security-rules.xml:123: error: security rule 'typo': address 'client' is not defined",
            "security-rules.xml:123: error: security rule 'typo': service 'tcp-8444' is not"
                + " defined",
            "security-rules.xml:163: error: security rule 'bad-action': action 'permit' is not"
                + " allow, deny, drop, reset-client, reset-server or reset-both",
            "security-rules.xml:165: warning: security rule 'sparse' has no from members; read as"
                + " any");
  }

  @Test
  void defaultRulesOverriddenOrImplicit() throws Exception {
    Result r = read("default-rules.xml");
    List<Vsys> vsys = r.config().vsys();
    assertThat(vsys.get(0).rulebase().defaults())
        .isEqualTo(
            new DefaultSecurityRules(
                new DefaultSecurityRules.Rule("intrazone-default", SecurityAction.DENY, false, 9),
                new DefaultSecurityRules.Rule(
                    "interzone-default", SecurityAction.ALLOW, true, 13)));
    DefaultSecurityRules onlyLogging = vsys.get(1).rulebase().defaults();
    assertThat(onlyLogging.interzone())
        .isEqualTo(
            new DefaultSecurityRules.Rule("interzone-default", SecurityAction.DENY, false, 34));
    assertThat(onlyLogging.interzone().overridden()).isTrue();
    assertThat(onlyLogging.intrazone().overridden()).isFalse();
    assertThat(vsys.get(2).rulebase()).isEqualTo(Rulebase.NONE);
    assertThat(Rulebase.NONE.defaults().intrazone().action()).isEqualTo(SecurityAction.ALLOW);
    assertThat(Rulebase.NONE.defaults().interzone().action()).isEqualTo(SecurityAction.DENY);
    assertThat(diagnostics(r))
        .containsExactly(
            "default-rules.xml:23: error: default security rule 'catch-all' is not"
                + " intrazone-default or interzone-default");
  }

  @Test
  void natRulesWithEveryTranslation() throws Exception {
    Result r = read("nat-rules.xml");
    List<String> trust = List.of("trust");
    List<String> untrust = List.of("untrust");
    List<String> pool = List.of("public-pool");
    assertThat(r.config().vsys().get(0).rulebase().nat())
        .containsExactly(
            new NatRule(
                "hide-behind-interface",
                NatRule.Type.IPV4,
                trust,
                untrust,
                "ethernet1/1",
                List.of("10.0.0.0/8"),
                ANY,
                "any",
                Optional.of(
                    new SourceTranslation.InterfaceAddress(
                        "ethernet1/1", Optional.of("203.0.113.1/24"))),
                Optional.empty(),
                false,
                17),
            new NatRule(
                "hide-behind-pool",
                NatRule.Type.IPV4,
                trust,
                untrust,
                "any",
                ANY,
                ANY,
                "any",
                Optional.of(new SourceTranslation.DynamicIpAndPort(pool)),
                Optional.empty(),
                false,
                41),
            new NatRule(
                "pool",
                NatRule.Type.IPV4,
                trust,
                untrust,
                "any",
                ANY,
                ANY,
                "any",
                Optional.of(new SourceTranslation.DynamicIp(pool)),
                Optional.empty(),
                true,
                62),
            new NatRule(
                "publish-web",
                NatRule.Type.IPV4,
                untrust,
                untrust,
                "any",
                ANY,
                List.of("203.0.113.80"),
                "service-http",
                Optional.empty(),
                Optional.of(new DestinationTranslation("web-server", Optional.of(8080))),
                false,
                84),
            new NatRule(
                "one-to-one",
                NatRule.Type.IPV4,
                List.of("dmz"),
                untrust,
                "any",
                List.of("web-server"),
                ANY,
                "any",
                Optional.of(new SourceTranslation.StaticIp("203.0.113.80", true)),
                Optional.empty(),
                false,
                103),
            new NatRule(
                "undefined-pool",
                NatRule.Type.IPV4,
                trust,
                untrust,
                "any",
                ANY,
                ANY,
                "any",
                Optional.of(new SourceTranslation.DynamicIpAndPort(List.of("other-pool"))),
                Optional.empty(),
                false,
                124));
    assertThat(diagnostics(r))
        .containsExactly(
            "nat-rules.xml:124: error: NAT rule 'undefined-pool': address 'other-pool' is not"
                + " defined");
  }

  @Test
  void decryptionRulesWithTheirActionsAndTypes() throws Exception {
    Result r = read("decryption-rules.xml");
    assertThat(r.config().platform()).isEqualTo(PanosConfig.Platform.PANORAMA);
    List<String> trust = List.of("trust");
    List<String> untrust = List.of("untrust");
    assertThat(r.config().shared().preRulebase().decryption())
        .containsExactly(
            new DecryptionRule(
                "no-decrypt-finance",
                new RuleMatch(
                    trust,
                    untrust,
                    ANY,
                    false,
                    ANY,
                    false,
                    ANY,
                    ANY,
                    List.of("financial-services")),
                DecryptionRule.Action.NO_DECRYPT,
                DecryptionRule.Type.SSL_FORWARD_PROXY,
                false,
                6),
            new DecryptionRule(
                "decrypt-rest",
                new RuleMatch(
                    trust, untrust, ANY, false, ANY, false, ANY, List.of("service-https"), ANY),
                DecryptionRule.Action.DECRYPT,
                DecryptionRule.Type.SSL_FORWARD_PROXY,
                false,
                27),
            new DecryptionRule(
                "inbound",
                new RuleMatch(
                    untrust,
                    List.of("dmz"),
                    ANY,
                    false,
                    List.of("192.0.2.80"),
                    true,
                    ANY,
                    ANY,
                    ANY),
                DecryptionRule.Action.DECRYPT,
                DecryptionRule.Type.SSL_INBOUND_INSPECTION,
                true,
                49));
    assertThat(diagnostics(r))
        .containsExactly(
            "decryption-rules.xml:85: error: decryption rule 'ssh': action 'inspect' is not"
                + " decrypt, no-decrypt or decrypt-and-forward");
  }

  @Test
  void policyBasedForwardingRules() throws Exception {
    Result r = read("pbf-rules.xml");
    PbfRule.From trust = new PbfRule.From(PbfRule.From.Kind.ZONE, List.of("trust"));
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
    assertThat(diagnostics(r))
        .containsExactly(
            "pbf-rules.xml:32: warning: 'enforce-symmetric-return' is not modelled"
                + " (policy-based forwarding rule 'via-second-isp' sends replies back the way"
                + " they came)",
            "pbf-rules.xml:89: warning: 'forward-to-vsys' is not modelled (forwarding to another"
                + " vsys; the rule is not read)");
  }
}
