package dev.zpaaudit.ingest.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where iptables-save's source NAT targets send the packet's source. */
class NatTargetsTest {
  private static Action.SrcNat nat(String target, String... opts) {
    return NatTargets.sourceNat(target, List.of(opts));
  }

  @Test
  void snatToAnAddressARangeAndPorts() {
    assertThat(nat("SNAT", "--to-source", "203.0.113.7").addresses(AddressFamily.IPV4))
        .contains(IpSet.parse("203.0.113.7"));
    Action.SrcNat ranged = nat("SNAT", "--to-source", "203.0.113.7-203.0.113.9:1024-2047");
    assertThat(ranged.addresses(AddressFamily.IPV4))
        .contains(IpSet.parse("203.0.113.7-203.0.113.9"));
    assertThat(ranged.ports()).isEqualTo(PortSet.range(1024, 2047));
    assertThat(ranged.masquerade()).isFalse();
  }

  @Test
  void ipv6AddressesWithAndWithoutPorts() {
    Action.SrcNat bare = nat("SNAT", "--to-source", "2001:db8::1");
    assertThat(bare.addresses(AddressFamily.IPV6)).contains(IpSet.parse("2001:db8::1"));
    assertThat(bare.ports()).isNull();
    Action.SrcNat ported = nat("SNAT", "--to-source", "[2001:db8::1]:4000-4100", "--random");
    assertThat(ported.addresses(AddressFamily.IPV6)).contains(IpSet.parse("2001:db8::1"));
    assertThat(ported.ports()).isEqualTo(PortSet.range(4000, 4100));
  }

  @Test
  void masqueradeTakesTheInterfaceAddress() {
    Action.SrcNat m = nat("MASQUERADE", "--to-ports", "30000-30100");
    assertThat(m.masquerade()).isTrue();
    assertThat(m.addresses(AddressFamily.IPV4)).isEmpty();
    assertThat(m.ports()).isEqualTo(PortSet.range(30000, 30100));
  }

  @Test
  void netmapTranslatesIntoItsPrefix() {
    assertThat(nat("NETMAP", "--to", "198.51.100.0/24").addresses(AddressFamily.IPV4))
        .contains(IpSet.parse("198.51.100.0/24"));
  }

  @Test
  void anUnreadableAddressIsUnknown() {
    Action.SrcNat odd = nat("SNAT", "--to-source", "not-an-address");
    assertThat(odd.masquerade()).isFalse();
    assertThat(odd.to()).isEmpty();
  }
}
