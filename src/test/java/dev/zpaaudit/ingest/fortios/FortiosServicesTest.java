package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Services and service groups lowered into protocol and port conditions. */
class FortiosServicesTest {
  private static List<Condition> lower(boolean negate, String... names) throws Exception {
    return new ServiceMatches(FortiosFixtures.vdom("services.conf").objects())
        .services(List.of(names), negate);
  }

  private static Condition proto(int p) {
    return new Condition.Proto(Bits.of(256, p));
  }

  private static Condition dport(int from, int to) {
    return new Condition.DstPort(PortSet.range(from, to));
  }

  @Test
  void portRangesOfAProtocolWithoutSourcePortsAreOneTest() throws Exception {
    assertThat(lower(false, "web"))
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        proto(6),
                        new Condition.DstPort(
                            PortSet.of(80)
                                .union(PortSet.of(443))
                                .union(PortSet.range(8080, 8081)))))));
  }

  @Test
  void destinationAndSourcePortsEachProtocolApart() throws Exception {
    assertThat(lower(false, "with-source"))
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(proto(6), dport(12, 12), new Condition.SrcPort(PortSet.of(11))),
                    List.of(
                        proto(6), dport(20, 21), new Condition.SrcPort(PortSet.range(1024, 65535))),
                    List.of(proto(17), dport(53, 53)),
                    List.of(proto(132), dport(2905, 2905)))));
  }

  @Test
  void icmpTypeAndCodeAndIpProtocols() throws Exception {
    assertThat(lower(false, "unreachable"))
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        proto(1),
                        new Condition.SrcPort(PortSet.of(3)),
                        new Condition.DstPort(PortSet.of(4))))));
    assertThat(lower(false, "all-icmp6")).containsExactly(proto(58));
    assertThat(lower(false, "gre")).containsExactly(proto(47));
  }

  @Test
  void allIsNoTestAndNegatedAllMatchesNothing() throws Exception {
    assertThat(lower(false, "HTTPS", "ALL")).isEmpty();
    assertThat(lower(true, "ALL")).containsExactly(new Condition.AnyOf(List.of()));
    assertThat(lower(true, "gre")).containsExactly(new Condition.Not(List.of(proto(47))));
  }

  @Test
  void groupsFlattenEachAlternativeOnce() throws Exception {
    assertThat(lower(false, "outer", "inner"))
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        proto(6),
                        new Condition.DstPort(
                            PortSet.of(80)
                                .union(PortSet.of(443))
                                .union(PortSet.range(8080, 8081)))),
                    List.of(proto(1), new Condition.SrcPort(PortSet.of(8))),
                    List.of(proto(47)),
                    List.of(proto(6), dport(53, 53)),
                    List.of(proto(17), dport(53, 53)))));
  }

  @Test
  void aDestinationRangeNarrowsAndAnFqdnOrAProxyServiceIsUnknown() throws Exception {
    assertThat(lower(false, "to-range"))
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        proto(6),
                        dport(443, 443),
                        new Condition.Dst(IpSet.parse("192.0.2.1-192.0.2.9"))))));
    assertThat(lower(false, "to-fqdn"))
        .containsExactly(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        proto(6),
                        dport(443, 443),
                        new Condition.Unknown(
                            "service 'to-fqdn' narrows the destination to the FQDN"
                                + " api.example.com, resolved by the firewall at run time")))));
    assertThat(lower(false, "webproxy"))
        .containsExactly(
            new Condition.Unknown(
                "service 'webproxy' is an explicit proxy service, which is not modelled"));
  }
}
