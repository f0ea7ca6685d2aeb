package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses, groups and services as read, then the addresses they stand for. */
class FortiosObjectsTest {
  private static FortiosObjects objects(String name) throws Exception {
    return FortiosFixtures.vdom(name).objects();
  }

  private static AddressValue value(FortiosObjects o, String name) {
    return o.addresses().get(name).value();
  }

  @Test
  void eachAddressTypeIsReadAsWritten() throws Exception {
    FortiosObjects o = objects("addresses.conf");
    assertThat(value(o, "all")).isEqualTo(new AddressValue.Prefix("0.0.0.0/0"));
    assertThat(value(o, "mask")).isEqualTo(new AddressValue.Prefix("10.1.0.0/16"));
    assertThat(value(o, "prefix")).isEqualTo(new AddressValue.Prefix("10.2.0.0/16"));
    assertThat(value(o, "range")).isEqualTo(new AddressValue.Range("10.3.0.10", "10.3.0.20"));
    assertThat(value(o, "fqdn")).isEqualTo(new AddressValue.Fqdn("zpa.example.com"));
    assertThat(value(o, "country")).isEqualTo(new AddressValue.Geography("IN"));
    assertThat(value(o, "wildcard"))
        .isEqualTo(new AddressValue.Wildcard("10.4.0.1", "255.255.0.255"));
    assertThat(value(o, "wildcard-fqdn")).isEqualTo(new AddressValue.WildcardFqdn("*.zpath.net"));
    assertThat(value(o, "port1 address")).isEqualTo(new AddressValue.Prefix("10.6.0.1/24"));
    assertThat(value(o, "sdn")).isEqualTo(new AddressValue.Other("dynamic"));
    assertThat(o.addresses6().get("all").value()).isEqualTo(new AddressValue.Prefix("::/0"));
    assertThat(o.addresses6().get("v6-net").value())
        .isEqualTo(new AddressValue.Prefix("2001:db8:1::/48"));
    assertThat(o.addresses().get("mask").line()).isEqualTo(4);
  }

  @Test
  void groupsKeepTheirMembersAndExclusions() throws Exception {
    FortiosObjects o = objects("addresses.conf");
    assertThat(o.groups().get("outer"))
        .isEqualTo(new AddressGroup("outer", List.of("inner", "prefix"), List.of(), 61));
    assertThat(o.groups().get("all-but-range").excluded()).containsExactly("range");
    assertThat(o.groups6().get("v6-group").members()).containsExactly("v6-net", "v6-range");
    assertThat(o.unmodelledAddresses())
        .containsEntry("web-vip", "a virtual IP: destination NAT is not modelled");
  }

  private static AddressResolver.Resolved resolve(String name, AddressFamily f) throws Exception {
    return new AddressResolver(objects("addresses.conf")).resolve(List.of(name), f);
  }

  private static IpSet set(String... cidrs) {
    IpSet s = IpSet.parse(cidrs[0]);
    for (String c : cidrs) {
      s = s.union(IpSet.parse(c));
    }
    return s;
  }

  @Test
  void groupsFlattenAndExclusionsAreTakenOut() throws Exception {
    assertThat(resolve("outer", AddressFamily.IPV4))
        .isEqualTo(
            new AddressResolver.Resolved(
                set("10.1.0.0/16", "10.2.0.0/16", "10.3.0.10-10.3.0.20"), List.of()));
    assertThat(resolve("all-but-range", AddressFamily.IPV4).known()).isEqualTo(set("10.1.0.0/16"));
    assertThat(resolve("v6-group", AddressFamily.IPV6).known())
        .isEqualTo(set("2001:db8:1::/48", "2001:db8:2::1-2001:db8:2::ff"));
  }

  @Test
  void aWildcardIsExpandedIntoTheAddressesItMatches() throws Exception {
    IpSet expected = IpSet.empty(4);
    for (int i = 0; i < 256; i++) {
      expected = expected.union(IpSet.parse("10.4." + i + ".1"));
    }
    assertThat(resolve("wildcard", AddressFamily.IPV4).known()).isEqualTo(expected);
    assertThat(resolve("scattered", AddressFamily.IPV4).known())
        .isEqualTo(IpSet.parse("10.0.0.0/8"));
  }

  @Test
  void whatTheFirewallResolvesAtRunTimeIsSaidNotGuessed() throws Exception {
    assertThat(resolve("fqdn", AddressFamily.IPV4).unknown())
        .containsExactly("'fqdn' (the FQDN zpa.example.com, resolved by the firewall at run time)");
    assertThat(resolve("country", AddressFamily.IPV4).unknown())
        .containsExactly("'country' (the country IN, by FortiGuard's geography database)");
    assertThat(resolve("sdn", AddressFamily.IPV4).unknown())
        .containsExactly("'sdn' (an address of type dynamic, which is not modelled)");
    assertThat(resolve("web-vip", AddressFamily.IPV4).unknown())
        .containsExactly("'web-vip' (a virtual IP: destination NAT is not modelled)");
    AddressResolver.Resolved mixed = resolve("mixed", AddressFamily.IPV4);
    assertThat(mixed.known()).isEqualTo(IpSet.parse("10.2.0.0/16"));
    assertThat(mixed.unknown()).hasSize(1);
    assertThat(resolve("excludes-fqdn", AddressFamily.IPV4))
        .isEqualTo(
            new AddressResolver.Resolved(
                IpSet.empty(4),
                List.of(
                    "'excludes-fqdn' (it excludes 'fqdn' (the FQDN zpa.example.com, resolved by"
                        + " the firewall at run time), so what it holds is not known)")));
  }

  private static Service service(String name) throws Exception {
    return objects("services.conf").services().get(name);
  }

  @Test
  void servicesAreReadByProtocol() throws Exception {
    assertThat(service("with-source").tcp())
        .containsExactly(new PortRange(12, 12, 11, 11), new PortRange(20, 21, 1024, 65535));
    assertThat(service("with-source").udp()).containsExactly(new PortRange(53, 53, null, null));
    assertThat(service("with-source").sctp())
        .containsExactly(new PortRange(2905, 2905, null, null));
    assertThat(service("ping").icmpType()).isEqualTo(8);
    assertThat(service("ping").icmpCode()).isNull();
    assertThat(service("unreachable").icmpCode()).isEqualTo(4);
    assertThat(service("all-icmp6").protocol()).isEqualTo(Service.Protocol.ICMP6);
    assertThat(service("gre").protocolNumber()).isEqualTo(47);
    assertThat(service("ALL").protocolNumber()).isZero();
    assertThat(service("to-range").iprange()).isEqualTo("192.0.2.1-192.0.2.9");
    assertThat(service("webproxy").protocol()).isEqualTo(Service.Protocol.PROXY);
  }

  @Test
  void settingTheProtocolAgainClearsWhatWasSetBefore() throws Exception {
    Service changed = service("changed");
    assertThat(changed.protocol()).isEqualTo(Service.Protocol.IP);
    assertThat(changed.protocolNumber()).isZero();
    assertThat(changed.tcp()).isEmpty();
  }

  @Test
  void predefinedObjectsStandInWhereTheConfigurationDoesNotDefineThem() {
    assertThat(Predefined.service("DNS").orElseThrow().udp())
        .containsExactly(new PortRange(53, 53, null, null));
    assertThat(Predefined.address("all", true).orElseThrow().value())
        .isEqualTo(new AddressValue.Prefix("::/0"));
    assertThat(Predefined.serviceNames()).contains("ALL", "HTTPS", "HTTP", "DNS", "NTP", "PING");
  }
}
