package dev.zpaaudit.ingest.panos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import org.junit.jupiter.api.Test;

/** Decryption and policy-based forwarding rules lowered into the neutral model. */
class PanosPoliciesTest {
  private static final String CONFIG =
      """
      <config version="10.2.0">
        <devices><entry name="localhost.localdomain"><vsys><entry name="vsys1">
          <profiles><custom-url-category>
            <entry name="zpa-cloud"><list><member>*.prod.zpath.net</member></list>
              <type>URL List</type></entry>
          </custom-url-category></profiles>
          <rulebase>
            <decryption><rules>
              <entry name="bypass-zpa">
                <from><member>trust</member></from><to><member>untrust</member></to>
                <source><member>any</member></source><destination><member>any</member></destination>
                <category><member>zpa-cloud</member><member>financial-services</member></category>
                <type><ssl-forward-proxy/></type><action>no-decrypt</action>
              </entry>
              <entry name="old" ><disabled>yes</disabled>
                <from><member>any</member></from><to><member>any</member></to>
                <source><member>any</member></source><destination><member>any</member></destination>
                <type><ssl-forward-proxy/></type><action>decrypt</action>
              </entry>
              <entry name="decrypt-rest">
                <from><member>trust</member></from><to><member>untrust</member></to>
                <source><member>any</member></source><destination><member>any</member></destination>
                <type><ssl-forward-proxy/></type><action>decrypt</action>
              </entry>
            </rules></decryption>
            <pbf><rules>
              <entry name="via-second-isp">
                <from><zone><member>trust</member></zone></from>
                <source><member>10.1.0.0/16</member></source><destination><member>any</member></destination>
                <action><forward><egress-interface>ethernet1/3</egress-interface>
                  <nexthop><ip-address>198.51.100.1</ip-address></nexthop></forward></action>
              </entry>
              <entry name="blackhole">
                <from><zone><member>trust</member></zone></from>
                <source><member>any</member></source><destination><member>192.0.2.0/24</member></destination>
                <action><discard/></action>
              </entry>
            </rules></pbf>
          </rulebase>
        </entry></vsys></entry></devices>
      </config>
      """;

  private static Firewall convert() throws Exception {
    return PanosConversions.convert(
            PanosReader.parse(CONFIG, "policies.xml"), ExportScope.ALL, Applications.embedded())
        .firewall();
  }

  @Test
  void decryptionRulesKeepOrderNamesCategoriesAndDecision() throws Exception {
    Firewall fw = convert();
    assertThat(fw.decryption())
        .extracting(DecryptionRule::text)
        .containsExactly(
            "decryption rule 'bypass-zpa' (ssl-forward-proxy, no-decrypt)",
            "decryption rule 'decrypt-rest' (ssl-forward-proxy, decrypt)");
    DecryptionRule bypass = fw.decryption().get(0);
    assertThat(bypass.decision()).isEqualTo(DecryptionRule.Decision.BYPASS);
    assertThat(bypass.serverNames()).containsExactly("*.prod.zpath.net");
    assertThat(bypass.categories()).containsExactly("financial-services");
    assertThat(bypass.location().line()).isPositive();
    assertThat(fw.decryption().get(1).decision()).isEqualTo(DecryptionRule.Decision.INSPECT);
  }

  @Test
  void policyRoutesForwardOrDiscard() throws Exception {
    Firewall fw = convert();
    assertThat(fw.network().policyRoutes())
        .extracting(PolicyRoute::kind)
        .containsExactly(PolicyRoute.Kind.FORWARD, PolicyRoute.Kind.DISCARD);
    PolicyRoute isp = fw.network().policyRoutes().get(0);
    assertThat(isp.egressInterface()).isEqualTo("ethernet1/3");
    assertThat(isp.nextHop()).isEqualTo(IpSet.parse("198.51.100.1"));
  }
}
