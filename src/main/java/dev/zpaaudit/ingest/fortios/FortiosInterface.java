package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code system interface} entry (or the tunnel a {@code vpn ipsec phase1-interface} makes): its
 * name, VDOM, {@code type}, its addresses as {@code ADDRESS/LENGTH} (IPv4 {@code ip} and secondary
 * addresses, IPv6 {@code ip6-address}), its MTU where {@code mtu-override} is on (else null), VLAN
 * id (else null) and parent interface (else null).
 */
record FortiosInterface(
    String name,
    String vdom,
    String type,
    List<String> addresses,
    Integer mtu,
    Integer vlanId,
    String parent,
    int line) {
  FortiosInterface {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vdom, "vdom");
    Objects.requireNonNull(type, "type");
    addresses = List.copyOf(addresses);
  }
}
