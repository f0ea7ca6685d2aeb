package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;

/** The destinations a route table sends to one target: longest prefix first. */
final class RoutedSet {
  /** A destination block of a route, and whether the route sends it to the target. */
  private record Block(IpSet set, int length, boolean toTarget) {}

  private RoutedSet() {}

  /**
   * The addresses, per family, whose longest matching route in {@code table} targets {@code
   * target}.
   */
  static List<IpSet> to(Ec2Export export, RouteTable table, String target) {
    List<Block> blocks = new ArrayList<>();
    for (VpcRoute r : table.routes()) {
      boolean toTarget = !r.blackhole() && r.target().equals(target);
      for (IpSet set : destinations(export, r)) {
        blocks.add(new Block(set, AwsNetwork.prefixLength(set), toTarget));
      }
    }
    List<IpSet> out = new ArrayList<>();
    for (AddressFamily fam : AddressFamily.values()) {
      IpSet routed = IpSet.empty(fam);
      for (Block b : blocks) {
        if (!b.toTarget() || b.set().family() != fam) {
          continue;
        }
        IpSet part = b.set();
        for (Block longer : blocks) {
          if (longer.length() > b.length() && longer.set().family() == fam) {
            part = part.minus(longer.set());
          }
        }
        routed = routed.union(part);
      }
      if (!routed.isEmpty()) {
        out.add(routed);
      }
    }
    return out;
  }

  private static List<IpSet> destinations(Ec2Export export, VpcRoute r) {
    if (r.destination() != null) {
      return List.of(r.destination());
    }
    PrefixList l = export.prefixLists().get(r.destinationText());
    return l != null && l.known() ? l.entries() : List.of();
  }
}
