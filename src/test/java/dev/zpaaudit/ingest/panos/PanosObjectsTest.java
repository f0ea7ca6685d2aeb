package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.netmask;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.ingest.panos.PanosReader.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanosObjectsTest {
  @Test
  void addressesOfEveryKindWithTheirTagsAndLines() throws Exception {
    Result r = read("addresses.xml");
    PanosObjects shared = r.config().shared().objects();
    assertThat(shared.addresses().values())
        .containsExactly(
            new Address("net", new AddressValue.IpNetmask("10.0.0.0/8"), List.of("red"), 5),
            netmask("host", "192.0.2.10", 12),
            netmask("v6", "2001:db8::/32", 15),
            new Address("range", new AddressValue.IpRange("192.0.2.1-192.0.2.9"), List.of(), 18),
            new Address("wild", new AddressValue.IpWildcard("10.0.1.0/0.0.254.255"), List.of(), 21),
            new Address("name", new AddressValue.Fqdn("update.example.com"), List.of(), 24));
    assertThat(shared.tags().values()).containsExactly(new Tag("red", 36));
    assertThat(shared.unreadable()).containsExactlyInAnyOrder("bad", "empty");
    assertThat(diagnostics(r))
        .containsExactly(
            "addresses.xml:28: error: address 'bad': ip-netmask '10.0.0.300/8' is not an IP"
                + " address or prefix",
            "addresses.xml:30: error: address 'empty' has no ip-netmask, ip-range, ip-wildcard or"
                + " fqdn",
            "addresses.xml:31: error: <address> entry has no name");
  }

  @Test
  void addressValuesAreValidated() {
    assertThatThrownBy(() -> new AddressValue.IpRange("10.0.0.9-10.0.0.1"))
        .hasMessage("not an IP address range: '10.0.0.9-10.0.0.1'");
    assertThatThrownBy(() -> new AddressValue.IpWildcard("10.0.0.0/24"))
        .hasMessage("not an IPv4 address and wildcard mask: '10.0.0.0/24'");
    assertThatThrownBy(() -> new AddressValue.Fqdn("bad name.example"))
        .hasMessage("not a domain name: 'bad name.example'");
    assertThatThrownBy(() -> new AddressValue.IpNetmask("10.0.0.1-10.0.0.2"))
        .hasMessage("not an IP address or prefix: '10.0.0.1-10.0.0.2'");
  }

  @Test
  void staticDynamicAndLegacyGroupsWithLoopsAndUndefinedMembers() throws Exception {
    Result r = read("address-groups.xml");
    assertThat(r.config().shared().objects().addressGroups().values())
        .containsExactly(
            new AddressGroup(
                "static",
                new AddressGroup.Static(List.of("a", "inner", "192.0.2.0/24")),
                List.of(),
                12),
            new AddressGroup("inner", new AddressGroup.Static(List.of("b")), List.of(), 19),
            new AddressGroup(
                "dynamic", new AddressGroup.Dynamic("'web' and 'prod'"), List.of(), 24),
            new AddressGroup("legacy", new AddressGroup.Static(List.of("a")), List.of(), 29),
            new AddressGroup("loop-1", new AddressGroup.Static(List.of("loop-2")), List.of(), 32),
            new AddressGroup("loop-2", new AddressGroup.Static(List.of("loop-1")), List.of(), 37),
            new AddressGroup("broken", new AddressGroup.Static(List.of("nowhere")), List.of(), 42));
    assertThat(diagnostics(r))
        .containsExactly(
            "address-groups.xml:32: error: address group 'loop-1' contains itself: loop-1 ->"
                + " loop-2 -> loop-1",
            "address-groups.xml:42: error: address group 'broken': address 'nowhere' is not"
                + " defined");
  }

  @Test
  void groupsFlattenRecursivelyAndLoopsEndInAnUnresolvedLeaf() throws Exception {
    PanosResolver shared = PanosResolver.forShared(read("address-groups.xml").config());
    assertThat(shared.addresses(List.of("static", "dynamic", "loop-1", "any")))
        .containsExactly(
            new AddressLeaf.Value("a", new AddressValue.IpNetmask("10.0.0.1")),
            new AddressLeaf.Value("b", new AddressValue.IpNetmask("10.0.0.2")),
            new AddressLeaf.Value("192.0.2.0/24", new AddressValue.IpNetmask("192.0.2.0/24")),
            new AddressLeaf.Unresolved("dynamic", "a dynamic address group"),
            new AddressLeaf.Unresolved("loop-1", "the group contains itself"),
            new AddressLeaf.Any());
  }

  @Test
  void servicesWithPortListsSourcePortsAndGroups() throws Exception {
    Result r = read("services.xml");
    PanosObjects shared = r.config().shared().objects();
    assertThat(shared.services().values())
        .containsExactly(
            new Service(
                "web",
                Service.Protocol.TCP,
                List.of(new PortRange(80, 80), new PortRange(443, 443), new PortRange(8000, 8080)),
                List.of(),
                4),
            new Service(
                "dns-from-53",
                Service.Protocol.UDP,
                List.of(new PortRange(53, 53)),
                List.of(new PortRange(53, 53)),
                14));
    assertThat(shared.serviceGroups().values())
        .containsExactly(
            new ServiceGroup("group", List.of("web", "service-https", "legacy"), List.of(), 38),
            new ServiceGroup("legacy", List.of("dns-from-53", "signalling"), List.of(), 45),
            new ServiceGroup("missing", List.of("ftp"), List.of(), 49));
    assertThat(shared.unreadable()).containsExactlyInAnyOrder("signalling", "bad-port");
    assertThat(diagnostics(r))
        .containsExactly(
            "services.xml:24: warning: 'sctp' is not modelled (SCTP services; the service is not"
                + " read)",
            "services.xml:32: error: service 'bad-port': port '70000' is not a port list",
            "services.xml:49: error: service group 'missing': service 'ftp' is not defined");
  }

  @Test
  void predefinedServicesAreHttpOn80And8080AndHttpsOn443() throws Exception {
    PanosResolver shared = PanosResolver.forShared(read("services.xml").config());
    assertThat(shared.services(List.of("group", "service-http", "application-default")))
        .containsExactly(
            new ServiceLeaf.Defined(
                read("services.xml").config().shared().objects().services().get("web")),
            new ServiceLeaf.Defined(Service.HTTPS),
            new ServiceLeaf.Defined(
                read("services.xml").config().shared().objects().services().get("dns-from-53")),
            new ServiceLeaf.Unresolved("signalling", "its definition is unreadable"),
            new ServiceLeaf.Defined(Service.HTTP),
            new ServiceLeaf.ApplicationDefault());
    assertThat(Service.HTTP.ports())
        .containsExactly(new PortRange(80, 80), new PortRange(8080, 8080));
    assertThat(Service.HTTPS.ports()).containsExactly(new PortRange(443, 443));
    assertThat(Service.HTTP.predefined()).isTrue();
  }

  @Test
  void portListsParseAndRefuse() {
    assertThat(PortRange.parseList("22, 1000-2000"))
        .containsExactly(new PortRange(22, 22), new PortRange(1000, 2000));
    assertThat(PortRange.tryParseList("2000-1000")).isEmpty();
    assertThat(PortRange.tryParseList("")).isEmpty();
    assertThat(PortRange.tryParseList("80,")).isEmpty();
    assertThatThrownBy(() -> PortRange.parseList("http")).hasMessage("not a port list: 'http'");
  }

  @Test
  void namedObjectsOfAVsys() throws Exception {
    Result r = read("named-objects.xml");
    PanosObjects o = r.config().vsys().get(0).objects();
    assertThat(o.applicationGroups().values())
        .containsExactly(
            new ApplicationGroup("web-apps", List.of("web-browsing", "ssl"), 7),
            new ApplicationGroup("old-apps", List.of("dns"), 13));
    assertThat(o.applicationFilters().values()).containsExactly(new ApplicationFilter("risky", 18));
    assertThat(o.tags().values()).containsExactly(new Tag("prod", 25));
    assertThat(o.regions().values())
        .containsExactly(new Region("branch", List.of("10.10.0.0/16"), 28));
    assertThat(o.externalLists().values()).containsExactly(new ExternalList("blocklist", "ip", 35));
    assertThat(o.urlCategories().values())
        .containsExactly(
            new UrlCategory(
                "allowed-sites",
                UrlCategory.Type.URL_LIST,
                List.of("*.example.com", "example.org/path"),
                45),
            new UrlCategory("match", UrlCategory.Type.CATEGORY_MATCH, List.of("news"), 52));
    assertThat(o.size()).isEqualTo(8);
    assertThat(diagnostics(r)).isEmpty();
  }
}
