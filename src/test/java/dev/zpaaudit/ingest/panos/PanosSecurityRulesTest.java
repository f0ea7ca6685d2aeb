package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanosSecurityRulesTest {
  private static final List<String> ANY = List.of("any");

  private static List<SecurityRule> rules() throws Exception {
    return read("security-rules.xml").config().vsys().get(0).rulebase().security();
  }

  @Test
  void rulesAreKeptInFileOrderAtTheLinesOfTheirEntries() throws Exception {
    assertThat(rules())
        .extracting(SecurityRule::name, SecurityRule::line)
        .containsExactly(
            tuple("allow-web", 30),
            tuple("block-rest", 71),
            tuple("in-zone", 98),
            tuple("typo", 123),
            tuple("sparse", 165));
  }

  @Test
  void zonesAddressesUsersCategoriesApplicationsServicesAndProfiles() throws Exception {
    RuleMatch match =
        new RuleMatch(
            List.of("trust"),
            List.of("untrust"),
            List.of("clients"),
            false,
            List.of("web-server", "198.51.100.0/24"),
            false,
            List.of("example\\alice"),
            List.of("service-http", "service-https", "tcp-8443"),
            List.of("business-and-economy"));
    assertThat(rules().get(0))
        .isEqualTo(
            new SecurityRule(
                "allow-web",
                match,
                List.of("web-browsing", "ssl"),
                SecurityAction.ALLOW,
                RuleType.UNIVERSAL,
                false,
                Optional.empty(),
                List.of(),
                true,
                30));
  }

  @Test
  void negationDisabledScheduleAndRuleType() throws Exception {
    RuleMatch match =
        new RuleMatch(
            List.of("trust"),
            List.of("untrust"),
            List.of("clients"),
            true,
            ANY,
            false,
            ANY,
            List.of("application-default"),
            ANY);
    assertThat(rules().get(1))
        .isEqualTo(
            new SecurityRule(
                "block-rest",
                match,
                ANY,
                SecurityAction.RESET_BOTH,
                RuleType.INTERZONE,
                true,
                Optional.of("office-hours"),
                List.of(),
                false,
                71));
  }

  @Test
  void everyActionAndRuleTypeIsRead() throws Exception {
    assertThat(rules())
        .extracting(SecurityRule::action, SecurityRule::type)
        .containsExactly(
            tuple(SecurityAction.ALLOW, RuleType.UNIVERSAL),
            tuple(SecurityAction.RESET_BOTH, RuleType.INTERZONE),
            tuple(SecurityAction.DROP, RuleType.INTRAZONE),
            tuple(SecurityAction.DENY, RuleType.UNIVERSAL),
            tuple(SecurityAction.RESET_CLIENT, RuleType.UNIVERSAL));
    assertThat(SecurityAction.tryParse("reset-server")).contains(SecurityAction.RESET_SERVER);
    assertThat(SecurityAction.tryParse("permit")).isEmpty();
  }

  @Test
  void aRuleWithUndefinedNamesIsKeptAndAMissingZoneReadsAsAny() throws Exception {
    List<SecurityRule> rules = rules();
    assertThat(rules.get(3).match())
        .isEqualTo(
            new RuleMatch(
                ANY, ANY, List.of("client"), false, ANY, false, ANY, List.of("tcp-8444"), ANY));
    assertThat(rules.get(4).match())
        .isEqualTo(new RuleMatch(ANY, ANY, ANY, false, ANY, false, ANY, ANY, ANY));
  }

  @Test
  void undefinedNamesBadActionsAndWhatIsNotModelledAreReported() throws Exception {
    assertThat(diagnostics(read("security-rules.xml")))
        .containsExactly(
            "security-rules.xml:95: warning: 'schedule' is not modelled (security rule"
                + " 'block-rest' is active only during 'office-hours'; what it decides is indeterminate)",
            "security-rules.xml:96: warning: 'icmp-unreachable' is not modelled (the ICMP"
                + " unreachable a drop sends)",
            "security-rules.xml:117: warning: 'hip-profiles' is not modelled (security rule"
                + " 'in-zone' matches only corporate-laptop; what it decides is indeterminate)",
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
    PanosReader.Result r = read("default-rules.xml");
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
}
