package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An interface of {@code <network><interface>}: an ethernet or aggregate-ethernet port, one of
 * their layer 3 units (subinterfaces, with a VLAN tag), a tunnel.N or a loopback.N. Addresses are
 * as written: a prefix ("10.0.0.1/24") or the name of an address object.
 */
public record PanosInterface(
    String name,
    Kind kind,
    Mode mode,
    Optional<String> parent,
    Optional<Integer> tag,
    List<String> addresses,
    List<String> ipv6Addresses,
    Optional<Integer> mtu,
    Optional<AdjustTcpMss> adjustTcpMss,
    Optional<String> aggregateGroup,
    int line) {
  public enum Kind {
    ETHERNET,
    AGGREGATE_ETHERNET,
    TUNNEL,
    LOOPBACK
  }

  /** The element naming what the port does; NONE when none is written. */
  public enum Mode {
    LAYER3,
    LAYER2,
    VIRTUAL_WIRE,
    TAP,
    HA,
    DECRYPT_MIRROR,
    AGGREGATE_GROUP,
    NONE
  }

  public PanosInterface {
    Checks.name(name, "interface name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mode, "mode");
    Checks.optional(parent, "parent");
    Checks.optional(tag, "tag");
    tag.ifPresent(
        t -> {
          if (t < 1 || t > 4094) {
            throw new IllegalArgumentException("not a VLAN tag: " + t);
          }
        });
    addresses = Checks.names(addresses, "address");
    ipv6Addresses = Checks.names(ipv6Addresses, "IPv6 address");
    Checks.optional(mtu, "mtu");
    mtu.ifPresent(
        m -> {
          if (m < 576 || m > 9216) {
            throw new IllegalArgumentException("not an MTU: " + m);
          }
        });
    Checks.optional(adjustTcpMss, "adjust-tcp-mss");
    Checks.optional(aggregateGroup, "aggregate group");
    Checks.writtenLine(line);
  }
}
