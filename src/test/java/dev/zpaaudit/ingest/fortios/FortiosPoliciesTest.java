package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Firewall policies as read, then lowered into the policy filter. */
class FortiosPoliciesTest {
  private static final String FILE = "policies.conf";

  private static List<Policy> policies() throws Exception {
    return FortiosFixtures.vdom(FILE).policies();
  }

  private static Rule rule(Filter f, String textStart) {
    return f.rules().stream().filter(r -> r.text().startsWith(textStart)).findFirst().orElseThrow();
  }

  private static Condition.Proto proto(int p) {
    return new Condition.Proto(Bits.of(256, p));
  }

  @Test
  void policiesAreReadInTheOrderTheyStandNotByTheirIds() throws Exception {
    assertThat(policies())
        .extracting(Policy::id, Policy::name, Policy::enabled, Policy::line)
        .containsExactly(
            tuple("20", "block-listed", true, 55),
            tuple("5", "old", false, 65),
            tuple("10", "connectors-out", true, 75),
            tuple("11", "", true, 88),
            tuple("12", "", true, 100),
            tuple("13", "", true, 108));
  }

  @Test
  void aPolicyIsReadAsWritten() throws Exception {
    Policy p = policies().get(2);
    assertThat(p.match())
        .isEqualTo(
            new PolicyMatch(
                List.of("lan"),
                List.of("port1"),
                List.of("connectors-but-one"),
                List.of("blocked"),
                List.of("connectors6"),
                List.of("all"),
                new PolicyMatch.Negation(false, true, false, false, false),
                List.of("HTTPS", "DNS")));
    assertThat(p.action()).isEqualTo(Policy.Action.ACCEPT);
    assertThat(p.schedule()).isEqualTo("always");
    assertThat(p.sslSshProfile()).isEqualTo(Optional.empty());
    Policy q = policies().get(3);
    assertThat(q.schedule()).isEqualTo("workhours");
    assertThat(q.unmodelled()).containsExactly("users alice", "groups admins");
    assertThat(q.match().negation().service()).isTrue();
    assertThat(policies().get(5).action()).isEqualTo(Policy.Action.DENY_WITH_PACKET);
    assertThat(policies().get(4).unmodelled())
        .containsExactly("internet-service enable", "internet-service-name Zscaler-Zscaler.Cloud");
  }

  @Test
  void theFilterHasTheEnabledPoliciesInOrderThenIntrazoneThenTheImplicitDeny() throws Exception {
    Filter f = FortiosFixtures.policy(FILE);
    assertThat(f.rules())
        .extracting(r -> r.location().line(), Rule::text)
        .containsExactly(
            tuple(
                55,
                "policy 20 'block-listed': srcintf any dstintf port1, srcaddr all, dstaddr"
                    + " blocked, service ALL, action deny"),
            tuple(
                75,
                "policy 10 'connectors-out': srcintf lan dstintf port1, srcaddr"
                    + " connectors-but-one, dstaddr not blocked, srcaddr6 connectors6, dstaddr6"
                    + " all, service HTTPS,DNS, action accept"),
            tuple(
                88,
                "policy 11: srcintf port2 dstintf port1, srcaddr all, dstaddr cloud, service not"
                    + " ALL, schedule workhours, users alice, groups admins, action accept"),
            tuple(
                100,
                "policy 12: srcintf port2 dstintf port1, srcaddr all, internet-service enable,"
                    + " internet-service-name Zscaler-Zscaler.Cloud, action accept"),
            tuple(
                108,
                "policy 13: srcintf port2 dstintf port1, srcaddr all, dstaddr all, service ALL,"
                    + " action deny"),
            tuple(16, "zone 'lan': intrazone allow (traffic between its interfaces)"));
    assertThat(f.defaultRule())
        .isEqualTo(
            new Rule(
                new SourceLocation(FILE, 54),
                "implicit deny (policy 0)",
                List.of(),
                new Action.Drop("deny")));
    assertThat(f.rules()).extracting(Rule::action).startsWith(new Action.Drop("deny"));
    assertThat(rule(f, "policy 13").action())
        .isEqualTo(new Action.Reject("(deny, send-deny-packet)"));
  }

  @Test
  void zonesStandForTheirInterfacesAndNegationAndExclusionAreExact() throws Exception {
    Rule r = rule(FortiosFixtures.policy(FILE), "policy 10");
    IpSet connectors = IpSet.parse("10.20.0.0/24").minus(IpSet.parse("10.20.0.9"));
    assertThat(r.match())
        .containsExactly(
            new Condition.InIface(List.of("port2", "port3"), false),
            new Condition.OutIface(List.of("port1"), false),
            new Condition.AnyOf(
                List.of(
                    List.of(
                        new Condition.Src(connectors),
                        new Condition.Dst(IpSet.parse("192.0.2.0/24").complement())),
                    List.of(
                        new Condition.Src(IpSet.parse("2001:db8:20::/64")),
                        new Condition.Dst(IpSet.all(AddressFamily.IPV6))))),
            new Condition.AnyOf(
                List.of(
                    List.of(proto(6), new Condition.DstPort(PortSet.of(443))),
                    List.of(proto(6), new Condition.DstPort(PortSet.of(53))),
                    List.of(proto(17), new Condition.DstPort(PortSet.of(53))))));
    assertThat(r.action()).isEqualTo(new Action.Accept("accept"));
  }

  @Test
  void schedulesUsersGroupsAndFqdnsAreUnknownAndANegatedAllMatchesNothing() throws Exception {
    Rule r = rule(FortiosFixtures.policy(FILE), "policy 11");
    assertThat(r.match())
        .containsExactly(
            new Condition.InIface(List.of("port2"), false),
            new Condition.OutIface(List.of("port1"), false),
            new Condition.Src(IpSet.all(AddressFamily.IPV4)),
            new Condition.Unknown(
                "destination 'cloud' (the FQDN cloud.example.com, resolved by the firewall at run"
                    + " time): its addresses are not in the export"),
            new Condition.AnyOf(List.of()),
            new Condition.Unknown("schedule 'workhours': the time of day is not modelled"),
            new Condition.Unknown("users alice: users are not modelled"),
            new Condition.Unknown("groups admins: user groups are not modelled"));
  }

  @Test
  void anInternetServiceTakesThePlaceOfDestinationsAndServices() throws Exception {
    Rule r = rule(FortiosFixtures.policy(FILE), "policy 12");
    assertThat(r.match())
        .containsExactly(
            new Condition.InIface(List.of("port2"), false),
            new Condition.OutIface(List.of("port1"), false),
            new Condition.Src(IpSet.all(AddressFamily.IPV4)),
            new Condition.Unknown(
                "internet-service enable: FortiGuard's internet service database is not modelled"),
            new Condition.Unknown(
                "internet-service-name Zscaler-Zscaler.Cloud: FortiGuard's internet service"
                    + " database is not modelled"));
  }

  @Test
  void anyInterfaceIsNoTestAndIntrazoneAllowJoinsTheZonesInterfaces() throws Exception {
    Filter f = FortiosFixtures.policy(FILE);
    assertThat(rule(f, "policy 20").match())
        .startsWith(new Condition.OutIface(List.of("port1"), false));
    assertThat(rule(f, "zone 'lan'").match())
        .containsExactly(
            new Condition.InIface(List.of("port2", "port3"), false),
            new Condition.OutIface(List.of("port2", "port3"), false));
    assertThat(rule(f, "zone 'lan'").action()).isEqualTo(new Action.Accept("intrazone allow"));
  }
}
