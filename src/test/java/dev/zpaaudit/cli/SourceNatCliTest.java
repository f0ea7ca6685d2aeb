package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gateway that masquerades the connectors and drops private destinations on its uplink in raw
 * PREROUTING: the replies reach the uplink addressed to the gateway, so the spoof filter must not
 * be reported as denying them. Before source NAT was modelled, zen-return failed here.
 */
class SourceNatCliTest {
  private static final String GW = "sample-configs/iptables/gateway-masquerade.rules";

  private static CliTest.Run audit(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "--config",
                GW,
                "--chain",
                "FORWARD",
                "--in-interface",
                "eth1",
                "--out-interface",
                "eth0",
                "--connector",
                "10.1.0.0/24",
                "--resolver",
                "10.0.0.53"));
    args.addAll(List.of(extra));
    return CliTest.run(args.toArray(String[]::new));
  }

  @Test
  void repliesToAPublicUplinkAddressPass() {
    CliTest.Run r = audit("--egress-address", "203.0.113.5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("PASS          zen-return")
        .contains("egress address: 203.0.113.5/32");
  }

  @Test
  void withoutTheUplinkAddressTheVerdictSaysWhatItNeeds() {
    CliTest.Run r = audit("--format", "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("\"id\" : \"zen-return\"")
        .contains("MASQUERADE at " + GW + ":15")
        .contains("give it with --egress-address")
        .doesNotContain("\"verdict\" : \"deny\"");
  }

  @Test
  void aPrivateUplinkAddressIsDeniedByTheSpoofFilter() {
    CliTest.Run r = audit("--egress-address", "10.200.0.1", "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\"line\" : 7").contains("\"status\" : \"fail\"");
  }

  @Test
  void anEgressAddressMustBeOneAddress() {
    CliTest.Run r = audit("--egress-address", "203.0.113.0/24");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--egress-address '203.0.113.0/24' is not a single IP address");
  }
}
