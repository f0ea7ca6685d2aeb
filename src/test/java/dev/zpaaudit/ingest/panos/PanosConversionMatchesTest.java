package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosConversionsTest.rule;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static dev.zpaaudit.ingest.panos.PanosFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a security rule matches on, lowered: addresses exactly where the export says them, negation
 * as a complement per family, services as protocol and ports, applications by the rule pack, and
 * what the export does not settle as an unknown test naming it.
 */
class PanosConversionMatchesTest {
  private static final String PACK = "embedded:rules/panos-applications.yaml";

  static List<Condition> match(String fixture, String rule) throws Exception {
    return rule(security(fixture), rule).match();
  }

  static Condition.Dst dst(String set) {
    return new Condition.Dst(IpSet.parse(set));
  }

  static List<Condition> port(int proto, int port) {
    return List.of(
        new Condition.Proto(Bits.of(256, proto)), new Condition.DstPort(PortSet.of(port)));
  }

  static Condition.AnyOf anyOf(List<?>... alternatives) {
    return new Condition.AnyOf(
        List.of(alternatives).stream()
            .map(a -> a.stream().map(Condition.class::cast).toList())
            .toList());
  }

  @Test
  void theAddressObjectsAsRead() throws Exception {
    PanosObjects o = read("convert-addresses.xml").config().vsys().get(0).objects();
    assertThat(o.addresses().get("range").value())
        .isEqualTo(new AddressValue.IpRange("192.0.2.10-192.0.2.20"));
    assertThat(o.addresses().get("two-hosts").value())
        .isEqualTo(new AddressValue.IpWildcard("10.1.0.5/0.0.2.0"));
    assertThat(o.addresses().get("web").value())
        .isEqualTo(new AddressValue.Fqdn("www.example.com"));
    assertThat(o.regions()).containsKey("branch");
    assertThat(o.externalLists()).containsKey("blocklist");
    assertThat(o.addressGroups().get("tagged").content()).isInstanceOf(AddressGroup.Dynamic.class);
  }

  @Test
  void aRangeIsItsAddresses() throws Exception {
    assertThat(match("convert-addresses.xml", "range"))
        .containsExactly(dst("192.0.2.10-192.0.2.20"));
  }

  @Test
  void wildcardMasksAreExpandedExactly() throws Exception {
    List<Condition> m = match("convert-addresses.xml", "wildcards");
    assertThat(m).hasSize(1);
    IpSet s = ((Condition.Dst) m.get(0)).set();
    // 10.1.0.5/0.0.2.0: bit 9 free, two hosts; 10.0.1.0/0.0.254.255: the odd /24s of 10.0/16.
    assertThat(s.intersect(IpSet.parse("10.1.0.0/16")).toCidrs())
        .containsExactly("10.1.0.5/32", "10.1.2.5/32");
    IpSet odd = s.intersect(IpSet.parse("10.0.0.0/16"));
    assertThat(odd.toCidrs()).hasSize(128).contains("10.0.1.0/24", "10.0.255.0/24");
    assertThat(odd.intersects(IpSet.parse("10.0.2.0/24"))).isFalse();
    assertThat(PanosMatches.wildcard("10.0.0.9/255.255.255.255"))
        .contains(IpSet.parse("0.0.0.0/0"));
    assertThat(PanosMatches.wildcard("10.0.0.9/0.0.0.0")).contains(IpSet.parse("10.0.0.9"));
  }

  @Test
  void aWildcardMaskTooScatteredToExpandIsUnknownNamingIt() throws Exception {
    assertThat(match("convert-addresses.xml", "scattered"))
        .containsExactly(
            new Condition.Unknown(
                "destination 'scattered' (10.0.0.0/0.255.0.254, a wildcard mask too scattered to"
                    + " expand): its addresses are not in the export"));
    // 12 scattered bits (4096 prefixes) are still expanded; 13 are not.
    assertThat(PanosMatches.wildcard("10.0.0.0/0.15.255.0")).isPresent();
    assertThat(PanosMatches.wildcard("10.0.0.0/0.31.255.0")).isEmpty();
  }

  @Test
  void namesWhoseAddressesAreElsewhereAreUnknownNamingEach() throws Exception {
    assertThat(match("convert-addresses.xml", "named-elsewhere"))
        .containsExactly(
            new Condition.Unknown(
                "destination 'web' (the FQDN www.example.com, resolved by the firewall at run"
                    + " time), 'branch' (a region), 'blocklist' (an external dynamic list),"
                    + " 'tagged' (a dynamic address group), 'US' (a predefined region): its"
                    + " addresses are not in the export"));
  }

  @Test
  void knownAddressesOfEachFamilyMatchAndTheRestMayMatch() throws Exception {
    assertThat(match("convert-addresses.xml", "mixed"))
        .containsExactly(
            anyOf(
                List.of(dst("192.0.2.0/24")),
                List.of(dst("2001:db8::/32")),
                List.of(
                    new Condition.Unknown(
                        "destination 'web' (the FQDN www.example.com, resolved by the firewall"
                            + " at run time): its addresses are not in the export"))));
  }

  @Test
  void negationIsTheComplementInEachFamily() throws Exception {
    assertThat(match("convert-addresses.xml", "not-both"))
        .containsExactly(
            anyOf(
                List.of(new Condition.Src(IpSet.parse("192.0.2.0/24").complement())),
                List.of(new Condition.Src(IpSet.parse("2001:db8::/32").complement()))));
    // Negating IPv4 addresses alone matches every IPv6 address.
    assertThat(match("convert-addresses.xml", "not-v4"))
        .containsExactly(
            anyOf(
                List.of(new Condition.Dst(IpSet.parse("192.0.2.0/24").complement())),
                List.of(new Condition.Dst(IpSet.all(6)))));
    // Negating any matches nothing.
    assertThat(match("convert-addresses.xml", "not-any"))
        .containsExactly(new Condition.AnyOf(List.of()));
  }

  @Test
  void negationWithAnUnknownMemberMayMatchOnlyOutsideTheKnownOnes() throws Exception {
    assertThat(match("convert-addresses.xml", "not-unknown"))
        .containsExactly(
            anyOf(
                List.of(new Condition.Dst(IpSet.parse("192.0.2.0/24").complement())),
                List.of(new Condition.Dst(IpSet.all(6)))),
            new Condition.Unknown(
                "destination (negated) 'web' (the FQDN www.example.com, resolved by the firewall"
                    + " at run time): its addresses are not in the export"));
  }

  @Test
  void servicesAndGroupsAreProtocolsAndPorts() throws Exception {
    Service s =
        read("convert-services.xml")
            .config()
            .vsys()
            .get(0)
            .objects()
            .services()
            .get("tcp-8443-9000");
    assertThat(s.protocol()).isEqualTo(Service.Protocol.TCP);
    assertThat(s.ports()).containsExactly(new PortRange(8443, 8443), new PortRange(9000, 9010));
    Condition.Proto tcp = new Condition.Proto(Bits.of(256, 6));
    assertThat(match("convert-services.xml", "objects"))
        .containsExactly(
            anyOf(
                List.of(
                    tcp, new Condition.DstPort(PortSet.of(8443).union(PortSet.range(9000, 9010)))),
                List.of(tcp, new Condition.DstPort(PortSet.of(80).union(PortSet.of(8080)))),
                List.of(
                    new Condition.Proto(Bits.of(256, 17)),
                    new Condition.DstPort(PortSet.of(53)),
                    new Condition.SrcPort(PortSet.of(53)))));
  }

  @Test
  void serviceHttpsIsPredefined() throws Exception {
    assertThat(match("convert-services.xml", "predefined")).containsExactly(anyOf(port(6, 443)));
  }

  @Test
  void applicationDefaultIsTheDefaultPortsThePackGivesEachApplication() throws Exception {
    assertThat(match("convert-services.xml", "app-default-ssl-dns"))
        .containsExactly(
            anyOf(port(6, 443), port(17, 53), port(6, 53)),
            anyOf(
                port(6, 443),
                port(17, 53),
                port(6, 53),
                List.of(
                    new Condition.Unknown(
                        "application ssl, dns: App-ID decides, and "
                            + PACK
                            + " does not say this traffic is one of them"))));
  }

  @Test
  void applicationDefaultForAnApplicationThePackDoesNotListIsUnknown() throws Exception {
    assertThat(match("convert-services.xml", "app-default-unknown").get(0))
        .isEqualTo(
            anyOf(
                port(6, 443),
                List.of(
                    new Condition.Unknown(
                        "application-default for 'salesforce-base': its default ports are not in "
                            + PACK))));
    assertThat(match("convert-services.xml", "app-default-any"))
        .containsExactly(
            new Condition.Unknown(
                "application-default with application any: the ports are App-ID's"));
  }

  @Test
  void applicationsOtherThanAnyMatchWhatThePackSaysTheyCarryAndMayMatchTheRest() throws Exception {
    assertThat(match("convert-services.xml", "apps"))
        .containsExactly(
            anyOf(
                port(6, 443),
                List.of(
                    new Condition.Unknown(
                        "application ssl, web-browsing: App-ID decides, and "
                            + PACK
                            + " does not say this traffic is one of them"))));
  }

  @Test
  void usersCategoriesAndSchedulesAreUnknown() throws Exception {
    assertThat(match("convert-services.xml", "user"))
        .containsExactly(
            new Condition.Unknown("source user example\\alice: users are not modelled"));
    assertThat(match("convert-services.xml", "category"))
        .containsExactly(new Condition.Unknown("URL category news: categories are not modelled"));
    assertThat(match("convert-services.xml", "scheduled"))
        .containsExactly(
            new Condition.Unknown("schedule 'office-hours': the time of day is not modelled"));
  }

  @Test
  void hostInformationProfilesAreUnknownNotAny() throws Exception {
    SecurityRule hosts =
        read("convert-services.xml").config().vsys().get(0).rulebase().security().get(9);
    assertThat(hosts.unmodelled())
        .containsExactly(
            "hip-profiles corporate-laptop: host information is not modelled",
            "source-hip patched: host information is not modelled");
    assertThat(match("convert-services.xml", "hosts"))
        .containsExactly(
            new Condition.Unknown(
                "hip-profiles corporate-laptop: host information is not modelled"),
            new Condition.Unknown("source-hip patched: host information is not modelled"));
  }
}
