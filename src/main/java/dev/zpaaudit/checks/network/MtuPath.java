package dev.zpaaudit.checks.network;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R13 on the devices whose exports describe their network: traffic to the published ranges must
 * leave by a plain interface with a 1500-byte MTU, not through a tunnel (its encapsulation shrinks
 * the path MTU) or a smaller MTU. The egress is the route lookup of each range; where a policy
 * route may send the traffic elsewhere, the verdict is indeterminate, naming it.
 */
public final class MtuPath {
  /** The MTU the connector's traffic needs end to end. */
  public static final int STANDARD_MTU = 1500;

  private MtuPath() {}

  /** The check for connectors at any address. */
  public static CheckResult check(List<Device> devices, PublishedRanges ranges) {
    return check(devices, ranges, Map.of());
  }

  /**
   * The check, or null when no device's export describes its interfaces and routes; policy routes
   * are judged for the connectors' traffic ({@code connectors} per family; none given: any
   * address).
   */
  public static CheckResult check(
      List<Device> devices, PublishedRanges ranges, Map<AddressFamily, IpSet> connectors) {
    List<Evidence> ev = new ArrayList<>();
    boolean any = false;
    int bad = 0;
    int unknown = 0;
    for (Device d : devices) {
      for (Firewall fw : d.exports()) {
        if (fw.interfaces().isEmpty() || fw.routes().isEmpty() && !fw.zoned()) {
          continue;
        }
        any = true;
        List<PolicyRoute> pbf =
            fw.network().policyRoutes().stream()
                .filter(p -> p.kind() != PolicyRoute.Kind.ROUTE)
                .toList();
        Map<AddressFamily, IpSet> taken = new java.util.EnumMap<>(AddressFamily.class);
        for (PolicyRoute p : pbf) {
          int[] counts = policyRoute(fw, p, ranges, connectors, taken, ev);
          bad += counts[0];
          unknown += counts[1];
        }
        for (AddressFamily fam : AddressFamily.values()) {
          IpSet zen = ranges.union(fam);
          if (zen.isEmpty()) {
            continue;
          }
          IpSet rest = zen.minus(taken.getOrDefault(fam, IpSet.empty(fam)));
          if (rest.isEmpty()) {
            continue;
          }
          for (Routing.Egress e : Routing.lookup(fw, rest)) {
            Interface out = e.iface() == null ? null : Routing.iface(fw, e.iface());
            String verdict = verdict(e, out);
            bad += verdict.equals("deny") ? 1 : 0;
            unknown += verdict.equals("indeterminate") ? 1 : 0;
            ev.add(
                new Evidence(
                    verdict,
                    e.at() == null ? fw.source() : e.at().file(),
                    e.at() == null ? 0 : e.at().line(),
                    null,
                    message(e, out),
                    e.part().toCidrs(),
                    List.of(),
                    Map.of()));
          }
        }
      }
    }
    if (!any) {
      return null;
    }
    Status st = bad > 0 ? Status.FAIL : unknown > 0 ? Status.INDETERMINATE : Status.PASS;
    String summary =
        st == Status.PASS
            ? "traffic to every published range leaves by a plain interface with a "
                + STANDARD_MTU
                + "-byte MTU"
            : bad
                + (bad == 1 ? " route sends" : " routes send")
                + " published ranges through a tunnel, a smaller MTU or nowhere; "
                + unknown
                + " not settled";
    return new CheckResult(
        "mtu-path",
        List.of("R13"),
        Severity.HIGH,
        st,
        summary,
        null,
        ev,
        st == Status.PASS
            ? null
            : "Route the published ranges out of a plain interface with a 1500-byte MTU, not into"
                + " a tunnel (GRE, IPsec and the like shrink the MTU the connector sees).");
  }

  /**
   * A policy route's part: where it surely sends published ranges (into what, with a verdict as for
   * routes; those ranges are then not looked up in the routes), or that it may, unsettled. The
   * counts of failures and of unsettled items it adds.
   */
  private static int[] policyRoute(
      Firewall fw,
      PolicyRoute p,
      PublishedRanges ranges,
      Map<AddressFamily, IpSet> connectors,
      Map<AddressFamily, IpSet> taken,
      List<Evidence> ev) {
    int[] counts = new int[2];
    for (AddressFamily fam : AddressFamily.values()) {
      IpSet zen = ranges.union(fam).minus(taken.getOrDefault(fam, IpSet.empty(fam)));
      if (zen.isEmpty()) {
        continue;
      }
      PolicyRouteReach.Reach r =
          PolicyRouteReach.of(p, zen, PolicyRouteReach.connectors(connectors, fam));
      if (r.unsettled()) {
        counts[1]++;
        ev.add(
            evidence(
                "indeterminate",
                fw,
                p.location().line(),
                p.text(),
                p.text() + " may send the connectors' traffic elsewhere than the routes say",
                List.of()));
        return counts;
      }
      Interface out =
          p.kind() == PolicyRoute.Kind.FORWARD ? Routing.iface(fw, p.egressInterface()) : null;
      Interface carried = Routing.carriedTunnel(fw, p);
      IpSet certain = carried != null ? leaving(fw, carried, r.certain()) : r.certain();
      if (certain.isEmpty()) {
        continue;
      }
      taken.merge(fam, certain, IpSet::union);
      boolean discard = p.kind() == PolicyRoute.Kind.DISCARD;
      String verdict = discard ? "deny" : out == null ? "indeterminate" : verdict(out);
      if (verdict.equals("deny")) {
        counts[0]++;
      } else if (verdict.equals("indeterminate")) {
        counts[1]++;
      }
      String how = "sent by " + p.text();
      String message =
          discard
              ? "discarded by " + p.text()
              : out == null
                  ? how + " to an interface the export does not describe"
                  : leaves(out) + ", " + how;
      ev.add(evidence(verdict, fw, p.location().line(), p.text(), message, certain.toCidrs()));
    }
    return counts;
  }

  /**
   * Of some destinations, those a tunnel carried over another interface takes: the ones the routes
   * send out of that interface (a policy-based VPN encrypts only what leaves it).
   */
  private static IpSet leaving(Firewall fw, Interface tunnel, IpSet dst) {
    IpSet out = IpSet.empty(dst.family());
    for (Routing.Egress e : Routing.lookup(fw, dst)) {
      if (tunnel.over().equals(e.iface())) {
        out = out.union(e.part());
      }
    }
    return out;
  }

  private static String verdict(Interface out) {
    boolean tunnel = out.kind() == Interface.Kind.TUNNEL;
    boolean small = out.mtu() != null && out.mtu() < STANDARD_MTU;
    return tunnel || small ? "deny" : "allow";
  }

  private static String verdict(Routing.Egress e, Interface out) {
    if (e.discard()) {
      return "deny";
    }
    return out == null ? "indeterminate" : verdict(out);
  }

  /**
   * The largest packet a tunnel carries on a standard path: what its encapsulation leaves of it, or
   * the tunnel's own MTU where that is smaller.
   */
  private static int effective(Integer mtu, int overhead) {
    int left = STANDARD_MTU - overhead;
    return mtu == null ? left : Math.min(mtu, left);
  }

  private static String message(Routing.Egress e, Interface out) {
    if (e.discard()) {
      return "discarded by " + e.how();
    }
    if (out == null && e.iface() != null) {
      return "leaves by "
          + e.iface()
          + ", which the export does not describe, routed by "
          + e.how();
    }
    if (out == null) {
      return e.routed()
          ? "routed by " + e.how() + " to a next hop no interface of the export reaches"
          : "no route: the export does not say where this traffic leaves";
    }
    return leaves(out) + ", routed by " + e.how();
  }

  /** How traffic leaves by an interface: a tunnel with what it leaves of 1500 bytes, or its MTU. */
  private static String leaves(Interface out) {
    String mtu = out.mtu() == null ? "MTU not stated" : "MTU " + out.mtu();
    if (out.kind() == Interface.Kind.TUNNEL) {
      Integer extra = Encapsulations.overhead(out.encapsulation());
      String what =
          out.encapsulation() == null
              ? mtu + ", less what its encapsulation adds"
              : extra == null
                  ? out.encapsulation() + ", " + mtu
                  : out.encapsulation()
                      + ": "
                      + extra
                      + " bytes of encapsulation, effective MTU "
                      + effective(out.mtu(), extra);
      return "leaves through tunnel " + out.name() + " (" + what + ")";
    }
    return "leaves by " + out.name() + " (" + mtu + ")";
  }

  private static Evidence evidence(
      String verdict, Firewall fw, int line, String rule, String message, List<String> dst) {
    return new Evidence(verdict, fw.source(), line, rule, message, dst, List.of(), Map.of());
  }
}
