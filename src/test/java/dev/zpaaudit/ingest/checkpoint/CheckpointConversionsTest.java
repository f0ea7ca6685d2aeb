package dev.zpaaudit.ingest.checkpoint;

import static dev.zpaaudit.ingest.checkpoint.CheckpointFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import org.junit.jupiter.api.Test;

/**
 * Each feature fixture lowered into the model: every enabled rule in order with its line, its text,
 * its conditions and its action, then the layer's cleanup rule.
 */
class CheckpointConversionsTest {
  @Test
  void rulesInOrderSectionsFlattenedDisabledSkippedNegationsAndTheImplicitCleanup()
      throws Exception {
    Firewall fw = CheckpointFixtures.firewall("rules.json");
    assertThat(fw.format()).isEqualTo("Check Point layer 'Network'");
    assertThat(fw.zoned()).isFalse();
    assertThat(fw.interfaces()).isEmpty();
    Attachment at = fw.attachments().get(0);
    assertThat(at.point()).isEqualTo(Point.FORWARDED);
    assertThat(at.kind()).isEqualTo(Attachment.Kind.SESSION);
    assertThat(at.label()).isEqualTo("access layer 'Network'");
    assertThat(describe(fw.filter("Network")))
        .containsExactly(
            "10: rule 1 'block-india': source Any; destination aws-india; service Any; action Drop => [Dst[set=3.6.0.0/15,13.126.0.0/15]] -> Drop",
            "76: rule 3 'connectors-https': source connectors; destination Any; service https; action Accept => [Src[set=10.20.0.0/24], Proto[protocols=[6]], DstPort[ports=443]] -> Accept",
            "111: rule 4 'reject-telnet': source not connectors; destination Any; service telnet; action Reject => [Not[of=[Src[set=10.20.0.0/24]]], Proto[protocols=[6]], DstPort[ports=23]] -> REJECT",
            "144: rule 5: source connectors; destination Any; service not https; action Drop => [Src[set=10.20.0.0/24], Not[of=[Proto[protocols=[6]], DstPort[ports=443]]]] -> Drop",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
  }

  @Test
  void addressesOfEveryKindPerFamily() throws Exception {
    assertThat(describe(CheckpointFixtures.layer("objects.json")))
        .containsExactly(
            "5: rule 1 'hosts': source Any; destination h4, h6, dual; service Any; action Accept => [AnyOf[alternatives=[[Dst[set=10.0.0.1/32,10.0.0.2/32]], [Dst[set=2001:db8::1/128,2001:db8::2/128]]]]] -> Accept",
            "40: rule 2 'networks': source Any; destination n4, n6; service Any; action Accept => [AnyOf[alternatives=[[Dst[set=10.1.0.0/16]], [Dst[set=2001:db8:1::/48]]]]] -> Accept",
            "74: rule 3 'range': source Any; destination r4; service Any; action Accept => [Dst[set=10.2.0.1/32,10.2.0.2/31,10.2.0.4/30,10.2.0.8/31]] -> Accept",
            "107: rule 4 'nested': source Any; destination outer; service Any; action Accept => [Dst[set=10.0.0.1/32,10.1.0.0/16]] -> Accept",
            "140: rule 5 'exclusion': source Any; destination ten-but-n4; service Any; action Accept => [Dst[set=10.0.0.0/16,10.2.0.0/15,10.4.0.0/14,10.8.0.0/13,10.16.0.0/12,10.32.0.0/11,10.64.0.0/10,10.128.0.0/9]] -> Accept",
            "173: rule 6 'gateway': source Any; destination gw; service Any; action Accept => [AnyOf[alternatives=[[Dst[set=10.20.0.1/32,192.0.2.1/32]], [Dst[set=2001:db8:20::1/128]]]]] -> Accept",
            "206: rule 7 'multicast': source Any; destination ospf; service Any; action Accept => [Dst[set=224.0.0.5/32,224.0.0.6/32]] -> Accept",
            "239: rule 8 'negated': source Any; destination not n4; service Any; action Accept => [Not[of=[Dst[set=10.1.0.0/16]]]] -> Accept",
            "272: rule 9 'member-missing': source Any; destination partial; service Any; action Accept => [AnyOf[alternatives=[[Dst[set=10.0.0.1/32]], [Unknown[what=destination '0b5e2c1d-0000-4000-8000-00000000beef', a member of group 'partial', is not defined in the export (add show objects output)]]]]] -> Accept",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
  }

  @Test
  void servicesAndPortForms() throws Exception {
    assertThat(describe(CheckpointFixtures.layer("services.json")))
        .containsExactly(
            "5: rule 1 'one-port': source Any; destination Any; service https; action Accept => [Proto[protocols=[6]], DstPort[ports=443]] -> Accept",
            "38: rule 2 'range': source Any; destination Any; service low; action Accept => [Proto[protocols=[6]], DstPort[ports=1-1024]] -> Accept",
            "71: rule 3 'above': source Any; destination Any; service high-udp; action Accept => [Proto[protocols=[17]], DstPort[ports=1024-65535]] -> Accept",
            "104: rule 4 'below': source Any; destination Any; service low-udp; action Accept => [Proto[protocols=[17]], DstPort[ports=0-1023]] -> Accept",
            "137: rule 5 'at-least': source Any; destination Any; service from-8000; action Accept => [Proto[protocols=[6]], DstPort[ports=8000-65535]] -> Accept",
            "170: rule 6 'icmp': source Any; destination Any; service echo-request, echo-request6; action Accept => [AnyOf[alternatives=[[Proto[protocols=[1]], SrcPort[ports=8]], [Proto[protocols=[58]], SrcPort[ports=128], DstPort[ports=0]]]]] -> Accept",
            "204: rule 7 'groups': source Any; destination Any; service web; action Accept => [AnyOf[alternatives=[[Proto[protocols=[6]], DstPort[ports=443]], [Proto[protocols=[6]], DstPort[ports=80]], [Proto[protocols=[17]], DstPort[ports=53]]]]] -> Accept",
            "237: rule 8 'other': source Any; destination Any; service gre, inspect; action Accept => [AnyOf[alternatives=[[Proto[protocols=[47]]], [Unknown[what=service 'inspect' (service-other): its match expression 'dport = 5000, udp_check' is not modelled]]]]] -> Accept",
            "271: rule 9 'source-port': source Any; destination Any; service from-high; action Accept => [Proto[protocols=[6]], DstPort[ports=443], SrcPort[ports=1024-65535]] -> Accept",
            "304: rule 10 'signature': source Any; destination Any; service https-signature; action Accept => [Proto[protocols=[6]], DstPort[ports=443], Unknown[what=service 'https-signature' (service-tcp): it matches only traffic with the protocol's signature, which is not modelled]] -> Accept",
            "337: rule 11 'sctp': source Any; destination Any; service sctp-5000; action Accept => [Proto[protocols=[132]], DstPort[ports=5000]] -> Accept",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
  }

  @Test
  void whatTheExportDoesNotSettleIsUnknownWithItsReason() throws Exception {
    assertThat(describe(CheckpointFixtures.layer("unmodelled.json")))
        .containsExactly(
            "5: rule 1 'domain': source Any; destination .prod.zpath.net; service Any; action Accept => [Unknown[what=destination '.prod.zpath.net' (dns-domain): a domain, resolved by the gateway at run time]] -> Accept",
            "38: rule 2 'role': source admins; destination Any; service Any; action Accept => [Unknown[what=source 'admins' (access-role): an access role: users and machines are not modelled]] -> Accept",
            "71: rule 3 'zone': source InternalZone; destination Any; service Any; action Accept => [Unknown[what=source 'InternalZone' (security-zone): a security zone: which interfaces it stands for is not in the export]] -> Accept",
            "104: rule 4 'application': source Any; destination Any; service Facebook; action Accept => [Unknown[what=service 'Facebook' (application-site): applications and categories are identified by content, which is not modelled]] -> Accept",
            "137: rule 5 'updatable': source Any; destination Office365; service Any; action Accept => [Unknown[what=destination 'Office365' (updatable-object): an updatable object: its addresses are fetched by the gateway]] -> Accept",
            "170: rule 6 'vpn': source Any; destination Any; service Any; vpn to-branches; action Accept => [Unknown[what=VPN 'to-branches': whether the traffic passes through a VPN community is not modelled]] -> Accept",
            "203: rule 7 'content': source Any; destination Any; service Any; content PCI; action Drop => [Unknown[what=content 'PCI': the data the traffic carries is not modelled]] -> Drop",
            "236: rule 8 'time': source Any; destination Any; service Any; time night; action Accept => [Unknown[what=time 'night': the time of day is not modelled]] -> Accept",
            "269: rule 9 'install-on': source Any; destination Any; service Any; install-on gw-paris; action Drop => [Unknown[what=install-on 'gw-paris': the rule is installed on those gateways only, and the export does not say which gateway is audited]] -> Drop",
            "302: rule 10 'ask': source Any; destination Any; service Any; action Ask => [] -> unmodelled target (action Ask: what it does depends on the user's answer (UserCheck))",
            "335: rule 11 'inline-missing': source Any; destination Any; service Any; action Inner Layer 'Sub' => [] -> unmodelled target (inline layer 'Sub': its rules are not in the export (add show access-rulebase name \"Sub\" output to the folder))",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
  }

  @Test
  void anInlineLayerInTheFolderIsAFilterItsRuleJumpsTo() throws Exception {
    Firewall fw = CheckpointFixtures.firewall("inline");
    assertThat(fw.attachments()).extracting(Attachment::filter).containsExactly("Network");
    assertThat(describe(fw.filter("Network")))
        .containsExactly(
            "5: rule 1 'to-outbound': source connectors; destination Any; service Any; action Inner Layer 'Outbound' => [Src[set=10.20.0.0/24]] -> jump Outbound",
            "39: rule 2 'cleanup': source Any; destination Any; service Any; action Accept => [] -> Accept",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
    assertThat(describe(fw.filter("Outbound")))
        .containsExactly(
            "5: rule 1.1 'https': source Any; destination Any; service https; action Accept => [Proto[protocols=[6]], DstPort[ports=443]] -> Accept",
            "1: layer 'Outbound': implicit cleanup rule (Drop) => [] -> Drop");
  }

  @Test
  void pagesArePutTogetherAndAMissingPageIsUnknownWhereItStands() throws Exception {
    assertThat(describe(CheckpointFixtures.layer("pages")))
        .containsExactly(
            "5: rule 1 'r1': source Any; destination with-member; service https; action Accept => [Dst[set=10.9.9.9/32], Proto[protocols=[6]], DstPort[ports=443]] -> Accept",
            "38: rule 2 'r2': source Any; destination Any; service https; action Drop => [Proto[protocols=[6]], DstPort[ports=443]] -> Drop",
            "1: rules 3-4 of layer 'Network' (not in the export) => [Unknown[what=the layer has 6 rules and the export does not hold rules 3-4: export every page (show access-rulebase ... offset N limit M) into the folder]] -> unmodelled target (the layer has 6 rules and the export does not hold rules 3-4: export every page (show access-rulebase ... offset N limit M) into the folder)",
            "5: rule 5 'r5': source Any; destination Any; service https; action Accept => [Proto[protocols=[6]], DstPort[ports=443]] -> Accept",
            "38: rule 6 'r6': source Any; destination Any; service https; action Drop => [Proto[protocols=[6]], DstPort[ports=443]] -> Drop",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
    assertThat(CheckpointFixtures.layer("pages").rules().get(2).location().file())
        .endsWith("page-3.json");
  }

  @Test
  void layersNoRuleAppliesInlineAreOrderedLayersEveryOneMustAccept() throws Exception {
    Firewall fw = CheckpointFixtures.firewall("ordered");
    assertThat(fw.format()).isEqualTo("Check Point layers 'Network', 'Apps'");
    assertThat(fw.attachments())
        .extracting(a -> a.point() + " " + a.kind() + " " + a.priority() + " " + a.filter())
        .containsExactly("FORWARDED SESSION 0 Network", "FORWARDED SESSION 1 Apps");
    assertThat(describe(fw.filter("Apps")))
        .containsExactly(
            "5: rule 1 'no-https': source Any; destination Any; service https; action Drop => [Proto[protocols=[6]], DstPort[ports=443]] -> Drop",
            "default 1: layer 'Apps': implicit cleanup rule (Drop) => [] -> Drop");
  }

  @Test
  void objectsWrittenInPlaceOfTheirUids() throws Exception {
    assertThat(describe(CheckpointFixtures.layer("in-place.json")))
        .containsExactly(
            "5: rule 1 'objects-in-place': source connectors; destination Any; service https; action Accept => [Src[set=10.20.0.0/24], Proto[protocols=[6]], DstPort[ports=443]] -> Accept",
            "default 1: layer 'Network': implicit cleanup rule (Drop) => [] -> Drop");
  }
}
