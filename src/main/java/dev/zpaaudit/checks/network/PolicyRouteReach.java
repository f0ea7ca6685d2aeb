package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.PortSet;
import java.util.List;

/**
 * To which published destinations a policy route applies for the connectors' TLS (TCP 443 from
 * ephemeral ports): where its match tests only addresses, protocols, ports and the family, that is
 * exact (a route that applies to some of the connectors applies); any other test (an interface, a
 * user, an unknown) leaves it unsettled.
 */
final class PolicyRouteReach {
  /** The destinations the route surely takes, and whether some part cannot be told. */
  record Reach(IpSet certain, boolean unsettled) {}

  private PolicyRouteReach() {}

  static Reach of(PolicyRoute p, IpSet zen, IpSet connectors) {
    return conjunction(p.match(), zen, connectors);
  }

  private static Reach conjunction(List<Condition> match, IpSet zen, IpSet connectors) {
    IpSet certain = zen;
    boolean unsettled = false;
    for (Condition c : match) {
      if (c instanceof Condition.Dst d) {
        certain =
            d.set().family() == zen.family()
                ? certain.intersect(d.set())
                : IpSet.empty(zen.family());
      } else if (c instanceof Condition.Src s) {
        if (s.set().family() != zen.family() || !s.set().intersects(connectors)) {
          certain = IpSet.empty(zen.family());
        }
      } else if (c instanceof Condition.Proto pr) {
        if (!pr.protocols().contains(6)) {
          certain = IpSet.empty(zen.family());
        }
      } else if (c instanceof Condition.DstPort dp) {
        if (!dp.ports().contains(NetworkChecks.ZEN_PORT)) {
          certain = IpSet.empty(zen.family());
        }
      } else if (c instanceof Condition.SrcPort sp) {
        if (sp.ports().intersect(PortSet.range(1024, 65535)).isEmpty()) {
          certain = IpSet.empty(zen.family());
        }
      } else if (c instanceof Condition.Family f) {
        if (f.family() != zen.family()) {
          certain = IpSet.empty(zen.family());
        }
      } else if (c instanceof Condition.AnyOf any) {
        IpSet union = IpSet.empty(zen.family());
        for (List<Condition> alt : any.alternatives()) {
          Reach r = conjunction(alt, certain, connectors);
          union = union.union(r.certain());
          unsettled |= r.unsettled();
        }
        certain = union;
      } else {
        unsettled = true;
      }
    }
    return new Reach(certain, unsettled);
  }

  /** The connectors of a family, or every address when none is given. */
  static IpSet connectors(java.util.Map<AddressFamily, IpSet> connectors, AddressFamily family) {
    IpSet c = connectors.get(family);
    return c == null || c.isEmpty() ? IpSet.all(family) : c;
  }
}
