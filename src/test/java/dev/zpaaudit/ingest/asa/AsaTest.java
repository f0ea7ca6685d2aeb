package dev.zpaaudit.ingest.asa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cisco ASA configurations: the ASA representation (objects, groups, ACL lines with every operand
 * form) and then the neutral model (ACLs per interface and direction, the global ACL, security
 * levels, implicit deny), bad input and the corpus.
 */
class AsaTest {
  private static final String INTERFACES =
      """
      ASA Version 9.16(4)
      interface GigabitEthernet0/0
       nameif outside
       security-level 0
       ip address 203.0.113.2 255.255.255.0
      interface GigabitEthernet0/1
       nameif inside
       security-level 100
       ip address 10.20.0.1 255.255.255.0
      interface GigabitEthernet0/2
       nameif dmz
       security-level 50
       ip address 10.30.0.1 255.255.255.0
      """;

  static AsaReader.Result read(String body) throws Exception {
    return AsaReader.parse(INTERFACES + body, "test.cfg");
  }

  static Firewall firewall(String body) throws Exception {
    return AsaConversions.convert(read(body)).firewall();
  }

  @Test
  void objectsAndNestedGroupsResolve() throws Exception {
    AsaReader.Result r =
        read(
            """
            object network web
             host 198.51.100.7
            object network lan
             subnet 10.20.0.0 255.255.255.0
            object network pool
             range 10.40.0.10 10.40.0.20
            object network cdn
             fqdn www.example.com
            object-group network inner
             network-object object web
             network-object 192.0.2.0 255.255.255.0
            object-group network outer
             group-object inner
             network-object host 192.0.2.200
             network-object 10.0.0.128 255.0.0.192
            """);
    AsaConfig c = r.config();
    assertThat(c.networkObjects().get("web"))
        .isEqualTo(new AsaAddress.Set(IpSet.parse("198.51.100.7")));
    assertThat(c.networkObjects().get("pool"))
        .isEqualTo(new AsaAddress.Set(IpSet.parse("10.40.0.10-10.40.0.20")));
    assertThat(c.networkObjects().get("cdn")).isInstanceOf(AsaAddress.Unknown.class);
    assertThat(c.groups().get("outer").groups()).containsExactly("inner");
    List<Condition> dst = new AsaMatches(c).address(new AsaAddress.Group("outer"), false);
    assertThat(dst)
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        new Condition.Unknown(
                            "10.0.0.128 255.0.0.192: a mask too scattered to expand (more than"
                                + " 4096 prefixes)")),
                    List.of(
                        new Condition.Dst(
                            IpSet.parse("192.0.2.0/24").union(IpSet.parse("198.51.100.7")))))));
  }

  @Test
  void everyOperandFormOfAnAclLine() throws Exception {
    AsaReader.Result r =
        read(
            """
            object network lan
             subnet 10.20.0.0 255.255.255.0
            object-group service web-ports tcp
             port-object eq www
             port-object range 8000 8080
            object-group service dns
             service-object udp destination eq domain
             service-object tcp destination eq domain
            access-list a remark not counted
            access-list a extended permit tcp host 10.20.0.5 any4 eq https
            access-list a extended permit tcp object lan gt 1023 10.0.0.0 255.0.0.0 neq 22
            access-list a extended deny udp any6 2001:db8::/32 lt 1024
            access-list a extended permit tcp any any object-group web-ports
            access-list a extended permit object-group dns object lan interface outside
            access-list a extended permit ip any any time-range office-hours
            access-list a extended permit ip any any inactive
            access-list a extended permit icmp any any echo-reply log 3 interval 60
            """);
    List<AclEntry> a = r.config().acls().get("a");
    assertThat(a).extracting(AclEntry::index).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(a.get(1).sourcePorts()).isEqualTo(PortSet.range(1024, 65535));
    assertThat(a.get(1).destinationPorts()).isEqualTo(PortSet.of(22).complement());
    assertThat(a.get(2).destinationPorts()).isEqualTo(PortSet.range(0, 1023));
    assertThat(a.get(3).destinationPortGroup()).isEqualTo("web-ports");
    assertThat(a.get(6).inactive()).isTrue();
    AsaMatches m = new AsaMatches(r.config());
    assertThat(m.entry(a.get(0)))
        .containsExactly(
            new Condition.Proto(Bits.of(256, 6)),
            new Condition.DstPort(PortSet.of(443)),
            new Condition.Src(IpSet.parse("10.20.0.5")),
            new Condition.Family(dev.zpaaudit.model.AddressFamily.IPV4));
    assertThat(m.entry(a.get(3)))
        .contains(new Condition.DstPort(PortSet.of(80).union(PortSet.range(8000, 8080))));
    assertThat(m.entry(a.get(4)))
        .contains(new Condition.Dst(IpSet.parse("203.0.113.2")))
        .first()
        .isInstanceOf(Condition.AnyOf.class);
    assertThat(m.entry(a.get(5)).toString()).contains("time-range office-hours");
  }

  @Test
  void interfaceAclsThenTheGlobalAclThenTheImplicitDeny() throws Exception {
    Firewall fw =
        firewall(
            """
            access-list in_in extended deny ip any host 3.6.8.246
            access-list glob extended permit tcp any any eq https
            access-list dmz_out extended deny tcp any any eq 8443
            access-group in_in in interface inside
            access-group glob global
            access-group dmz_out out interface dmz
            """);
    List<String> in = fw.filter(AsaConversions.IN).rules().stream().map(Rule::text).toList();
    assertThat(in)
        .containsExactly(
            "access-list in_in line 1: access-list in_in extended deny ip any host 3.6.8.246",
            "access-list glob line 1: access-list glob extended permit tcp any any eq https");
    assertThat(fw.filter(AsaConversions.IN).rules().get(0).match())
        .startsWith(new Condition.InIface(List.of("inside"), false));
    assertThat(fw.filter(AsaConversions.IN).defaultRule().text()).isEqualTo("implicit deny");
    assertThat(fw.filter(AsaConversions.OUT).rules()).hasSize(2);
  }

  @Test
  void aTwiceNatTranslatingDestinationsLeavesConnectionsToThemUnknown() throws Exception {
    Firewall fw =
        firewall(
            """
            object network lan
             subnet 10.20.0.0 255.255.255.0
            object network zen-mapped
             subnet 3.6.0.0 255.254.0.0
            object network elsewhere
             host 192.0.2.10
            nat (inside,outside) source dynamic lan interface destination static zen-mapped elsewhere
            """);
    Rule nat = fw.filter(AsaConversions.IN).rules().get(0);
    assertThat(nat.match()).containsExactly(new Condition.Dst(IpSet.parse("3.6.0.0/15")));
    assertThat(nat.action()).isInstanceOf(dev.zpaaudit.model.Action.Unknown.class);
  }

  @Test
  void withoutAnAclTheSecurityLevelsDecide() throws Exception {
    Firewall fw = firewall("same-security-traffic permit inter-interface\n");
    assertThat(fw.filter(AsaConversions.IN).rules())
        .extracting(Rule::text)
        .containsExactly(
            "security-level 100 (inside) to 0 (outside): higher to lower, no access-list",
            "security-level 100 (inside) to 50 (dmz): higher to lower, no access-list",
            "security-level 50 (dmz) to 0 (outside): higher to lower, no access-list");
  }

  @Test
  void badLinesAreErrorsAtTheirLinesAndNothingIsWritten() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String f = "src/test/resources/asa/bad/undefined-group.cfg";
    int code =
        Main.run(
            new String[] {"audit", "--config", f, "--connector", "10.20.0.5"},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            f + ":8: error: access-list inside_in line 1: object-group 'connectors' is not defined",
            f
                + ":9: error: access-list inside_in line 2: network object 'missing-host' is not"
                + " defined",
            f + ":10: error: access-list inside_in line 3: unknown port 'httpx'",
            f + ":11: error: access-list inside_in line 4: unknown protocol 'bogus'",
            f + ":12: error: access-list inside_in line 5: ends where an address was expected",
            f + ":13: error: access-list inside_in line 6: port range 500-400 is backwards");
  }

  @Test
  void everyFileOfTheCorpusIsReadWithWhatItLeavesOpenCounted() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(Path.of("src/test/resources/corpus/asa"))) {
      for (Path f : files.sorted().toList()) {
        AsaReader.Result r = AsaReader.parse(Files.readString(f), f.toString());
        Firewall fw = AsaConversions.convert(r).firewall();
        long rules = fw.filters().values().stream().mapToLong(x -> x.rules().size()).sum();
        long open =
            fw.filters().values().stream()
                .flatMap(x -> x.rules().stream())
                .filter(x -> x.match().toString().contains("Unknown["))
                .count();
        sb.append(f.getFileName())
            .append(": ")
            .append(rules)
            .append(" rules, ")
            .append(open)
            .append(" not settled, ")
            .append(r.diagnostics().size())
            .append(" diagnostics\n");
      }
    }
    System.out.print(sb);
    assertThat(sb.toString())
        .isEqualTo(
            """
            asa-aggregate-address.cfg: 0 rules, 0 not settled, 2 diagnostics
            asa-filters.cfg: 10 rules, 0 not settled, 1 diagnostics
            asa-nat-object-refs.cfg: 2 rules, 0 not settled, 0 diagnostics
            asa_dns.cfg: 2 rules, 0 not settled, 0 diagnostics
            asav-mockdevices-sample.cfg: 16 rules, 6 not settled, 0 diagnostics
            """);
  }
}
