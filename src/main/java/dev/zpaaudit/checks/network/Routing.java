package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a device's routes send destinations: longest prefix first over its interfaces' own networks
 * and its routes (the lower metric among equal prefixes; a connected network before a route), each
 * route leaving by its interface or by the interface whose network holds its next hop. Policy
 * routes are not followed here: callers say when they may apply.
 */
public final class Routing {
  /**
   * Destinations and where they go: {@code iface} (null when discarded, unroutable, or by a next
   * hop no interface reaches), how that was found, and where it is written.
   */
  public record Egress(
      IpSet part, String iface, String how, boolean discard, boolean routed, SourceLocation at) {}

  private record Candidate(
      IpSet dst,
      int len,
      int metric,
      String iface,
      String how,
      boolean discard,
      SourceLocation at) {}

  private Routing() {}

  /** How {@code dst} is routed, split where the routes split it. */
  public static List<Egress> lookup(Firewall fw, IpSet dst) {
    List<Candidate> cands = new ArrayList<>();
    for (Interface i : fw.interfaces()) {
      for (IpSet n : i.networks()) {
        if (n.family() == dst.family()) {
          cands.add(
              new Candidate(
                  n,
                  prefixLength(n),
                  -1,
                  i.name(),
                  "the network of " + i.name() + " (" + i.location() + ")",
                  false,
                  i.location()));
        }
      }
    }
    for (Route r : fw.routes()) {
      if (r.destination().family() == dst.family()) {
        String iface = r.outInterface() != null ? r.outInterface() : viaNextHop(fw, r.nextHop());
        cands.add(
            new Candidate(
                r.destination(),
                r.prefixLength(),
                r.metric(),
                iface,
                r.name() + " (" + r.location() + ")",
                r.discard(),
                r.location()));
      }
    }
    cands.sort(
        Comparator.comparingInt(Candidate::len).reversed().thenComparingInt(Candidate::metric));
    List<Egress> out = new ArrayList<>();
    IpSet rest = dst;
    for (Candidate c : cands) {
      IpSet part = rest.intersect(c.dst());
      if (part.isEmpty()) {
        continue;
      }
      rest = rest.minus(part);
      out.add(
          new Egress(
              part,
              c.discard() ? null : c.iface(),
              c.discard() ? c.how() + ", which discards" : c.how(),
              c.discard(),
              true,
              c.at()));
      if (rest.isEmpty()) {
        break;
      }
    }
    if (!rest.isEmpty() && !cands.isEmpty()) {
      out.add(new Egress(rest, null, "no route", false, false, null));
    }
    return out;
  }

  /** The interface of a firewall by name, if it has it. */
  public static Interface iface(Firewall fw, String name) {
    return fw.interfaces().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * The tunnel a policy route forwards into when that tunnel is carried over another interface (a
   * policy-based VPN, taking only what the routes send out of that interface), else null.
   */
  static Interface carriedTunnel(Firewall fw, PolicyRoute p) {
    Interface t = p.kind() == PolicyRoute.Kind.FORWARD ? iface(fw, p.egressInterface()) : null;
    return t != null && t.over() != null ? t : null;
  }

  private static String viaNextHop(Firewall fw, IpSet hop) {
    if (hop == null) {
      return null;
    }
    return fw.interfaces().stream()
        .filter(i -> i.reaches(hop))
        .map(Interface::name)
        .findFirst()
        .orElse(null);
  }

  private static int prefixLength(IpSet n) {
    int bits = n.family().bits();
    return bits - (n.size().bitLength() - 1);
  }
}
