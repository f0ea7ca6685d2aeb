package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;

/** The tests that security group and network ACL rules share, in the model's terms. */
final class Matches {
  private Matches() {}

  /**
   * The protocol test with its ports: a port range for TCP and UDP ({@code from} to {@code to}),
   * the type and code for ICMP (-1 or null: any); nothing for all protocols.
   */
  static List<Condition> protocol(int proto, Integer from, Integer to) {
    List<Condition> out = new ArrayList<>();
    if (proto == Protocols.ALL) {
      return out;
    }
    out.add(new Condition.Proto(Bits.of(256, proto)));
    if (Protocols.hasPorts(proto) && from != null && to != null) {
      PortSet ports = PortSet.range(from, to);
      if (!ports.isAll()) {
        out.add(new Condition.DstPort(ports));
      }
    } else if (Protocols.isIcmp(proto)) {
      if (from != null && from >= 0) {
        out.add(new Condition.SrcPort(PortSet.of(from)));
      }
      if (to != null && to >= 0) {
        out.add(new Condition.DstPort(PortSet.of(to)));
      }
    }
    return out;
  }

  /**
   * How a protocol and its ports read: {@code tcp 443}, {@code udp 1024-65535}, {@code icmp 8/0}.
   */
  static String protocolText(int proto, Integer from, Integer to) {
    String p = Protocols.text(proto);
    if (Protocols.hasPorts(proto) && from != null && to != null) {
      return p + " " + (from.equals(to) ? Integer.toString(from) : from + "-" + to);
    }
    if (Protocols.isIcmp(proto)) {
      return p
          + " type "
          + (from == null || from < 0 ? "any" : from)
          + " code "
          + (to == null || to < 0 ? "any" : to);
    }
    return p;
  }

  /**
   * The test of the other end's address: the destination of outbound traffic, the source of
   * inbound. Blocks of both families become alternatives.
   */
  static Condition peer(boolean outbound, List<IpSet> sets) {
    List<List<Condition>> alts = new ArrayList<>();
    for (AddressFamily fam : AddressFamily.values()) {
      List<IpSet> of = sets.stream().filter(s -> s.family() == fam).toList();
      if (!of.isEmpty()) {
        alts.add(List.of(address(outbound, IpSet.unionAll(fam, of))));
      }
    }
    if (alts.size() == 1) {
      return alts.get(0).get(0);
    }
    return alts.isEmpty()
        ? address(outbound, IpSet.empty(AddressFamily.IPV4))
        : new Condition.AnyOf(alts);
  }

  static Condition address(boolean outbound, IpSet set) {
    return outbound ? new Condition.Dst(set) : new Condition.Src(set);
  }
}
