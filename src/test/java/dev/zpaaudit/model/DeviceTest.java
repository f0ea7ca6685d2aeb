package dev.zpaaudit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceTest {
  static Firewall export(String file, String format, Integer... families) {
    return new Firewall(
        file,
        format,
        java.util.Arrays.stream(families)
            .map(AddressFamily::of)
            .collect(java.util.stream.Collectors.toSet()),
        Map.of(),
        List.of());
  }

  static final Firewall V4 = export("host.rules", "iptables-save", 4);
  static final Firewall V6 = export("host.rules6", "ip6tables-save", 6);

  @Test
  void eachFamilyIsJudgedByTheExportCoveringIt() {
    Device d = new Device(List.of(V4, V6));
    assertThat(d.name()).isEqualTo("host.rules,host.rules6");
    assertThat(d.exportFor(AddressFamily.IPV4)).containsSame(V4);
    assertThat(d.exportFor(AddressFamily.IPV6)).containsSame(V6);
  }

  @Test
  void aFamilyNoExportCoversIsNotJudgedAndTheFilesAreNamed() {
    assertThat(Device.of(V4).exportFor(AddressFamily.IPV6)).isEmpty();
    assertThat(Device.of(V4).noRulesFor(AddressFamily.IPV6))
        .isEqualTo("iptables-save export host.rules has no rules for IPv6 traffic");
    Device d = new Device(List.of(V4, export("empty.json", "nftables-json")));
    assertThat(d.exportFor(AddressFamily.IPV6)).isEmpty();
    assertThat(d.noRulesFor(AddressFamily.IPV6))
        .isEqualTo(
            "iptables-save export host.rules and nftables-json export empty.json have no rules"
                + " for IPv6 traffic");
  }

  @Test
  void twoExportsOfOneFamilyAreRefused() {
    assertThatThrownBy(() -> new Device(List.of(V4, export("other.rules", "iptables-save", 4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "iptables-save export host.rules and iptables-save export other.rules both have rules"
                + " for IPv4 traffic; the exports of one device must cover different address"
                + " families");
    assertThatThrownBy(() -> new Device(List.of(export("fw.json", "nftables-json", 4, 6), V6)))
        .hasMessageContaining(
            "nftables-json export fw.json and ip6tables-save export host.rules6 both have rules"
                + " for IPv6 traffic");
    assertThatThrownBy(() -> new Device(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
