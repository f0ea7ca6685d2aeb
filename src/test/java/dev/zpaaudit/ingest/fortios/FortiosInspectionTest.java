package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SSL/SSH inspection profiles as read, and the decryption rules the policies using them make. */
class FortiosInspectionTest {
  private static final String FILE = "inspection.conf";

  @Test
  void profilesAreReadWithTheirModePortsAndExemptions() throws Exception {
    SslSshProfile p = FortiosFixtures.vdom(FILE).sslSshProfiles().get("zpa-deep");
    assertThat(p.mode()).isEqualTo("deep-inspection");
    assertThat(p.allPorts()).isFalse();
    assertThat(p.ports()).containsExactly(443);
    assertThat(p.exempt())
        .extracting(
            SslSshProfile.Exemption::id,
            SslSshProfile.Exemption::type,
            SslSshProfile.Exemption::value)
        .containsExactly(
            tuple("1", "fortiguard-category", "31"),
            tuple("2", "wildcard-fqdn", "zpath"),
            tuple("3", "address", "zscaler"),
            tuple("4", "address", "bank"),
            tuple("5", "regex", ".*\\.example\\.com"));
    SslSshProfile all = FortiosFixtures.vdom(FILE).sslSshProfiles().get("all-ports");
    assertThat(all.allPorts()).isTrue();
    assertThat(all.mode()).isEqualTo("deep-inspection");
  }

  @Test
  void eachAcceptingPolicyMakesItsExemptionsThenItsProfileOrSaysItInspectsNothing()
      throws Exception {
    List<DecryptionRule> rules = FortiosFixtures.firewall(FILE).decryption();
    assertThat(rules)
        .extracting(
            DecryptionRule::text,
            DecryptionRule::decision,
            DecryptionRule::serverNames,
            DecryptionRule::categories)
        .containsExactly(
            tuple(
                "policy 1 ssl-ssh-profile 'zpa-deep': ssl-exempt 1 (fortiguard-category 31)",
                DecryptionRule.Decision.BYPASS,
                List.of(),
                List.of("Finance and Banking")),
            tuple(
                "policy 1 ssl-ssh-profile 'zpa-deep': ssl-exempt 2 (wildcard-fqdn zpath)",
                DecryptionRule.Decision.BYPASS,
                List.of("*.zpath.net"),
                List.of()),
            tuple(
                "policy 1 ssl-ssh-profile 'zpa-deep': ssl-exempt 3 (address zscaler)",
                DecryptionRule.Decision.BYPASS,
                List.of("private.zscaler.com"),
                List.of()),
            tuple(
                "policy 1 ssl-ssh-profile 'zpa-deep': ssl-exempt 4 (address bank)",
                DecryptionRule.Decision.BYPASS,
                List.of(),
                List.of()),
            tuple(
                "policy 1 ssl-ssh-profile 'zpa-deep': ssl-exempt 5 (regex .*\\.example\\.com)",
                DecryptionRule.Decision.BYPASS,
                List.of(),
                List.of()),
            tuple(
                "policy 1 ssl-ssh-profile 'zpa-deep' (deep-inspection on TCP 443)",
                DecryptionRule.Decision.INSPECT,
                List.of(),
                List.of()),
            tuple(
                "policy 2 ssl-ssh-profile 'certificate-inspection' (certificate-inspection on TCP"
                    + " 443)",
                DecryptionRule.Decision.BYPASS,
                List.of(),
                List.of()),
            tuple(
                "policy 3 (no ssl-ssh-profile in use: not inspected)",
                DecryptionRule.Decision.BYPASS,
                List.of(),
                List.of()),
            tuple(
                "policy 4 ssl-ssh-profile 'all-ports' (deep-inspection on every port)",
                DecryptionRule.Decision.INSPECT,
                List.of(),
                List.of()));
  }

  @Test
  void aRuleMatchesWhatItsPolicyDoesOnTheProfilesPorts() throws Exception {
    List<DecryptionRule> rules = FortiosFixtures.firewall(FILE).decryption();
    List<Condition> policy =
        List.of(
            new Condition.InIface(List.of("port2"), false),
            new Condition.OutIface(List.of("port1"), false),
            new Condition.Src(IpSet.parse("0.0.0.0/0")),
            new Condition.Dst(IpSet.parse("0.0.0.0/0")));
    List<Condition> onHttps =
        List.of(new Condition.Proto(Bits.of(256, 6)), new Condition.DstPort(PortSet.of(443)));
    assertThat(rules.get(5).match())
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(policy.stream(), onHttps.stream()).toList());
    assertThat(rules.get(3).match()).endsWith(new Condition.Dst(IpSet.parse("198.51.100.0/24")));
    assertThat(rules.get(4).match())
        .endsWith(new Condition.Unknown("ssl-exempt 5 (regex .*\\.example\\.com) is not modelled"));
    assertThat(rules.get(8).match()).hasSize(4);
    assertThat(rules.get(0).location().line()).isEqualTo(24);
    assertThat(rules.get(5).location().line()).isEqualTo(52);
  }
}
