package dev.zpaaudit.checks.network;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R15 on the connector host, where its export describes its routes (a Linux host's {@code ip -j}
 * capture): the connector talks over the default gateway it is given, a plain interface, not a
 * tunnel or a discard route; policy rules that may choose another table leave it open.
 */
public final class DefaultGateway {
  private DefaultGateway() {}

  /** The check, or null when no connector host's export describes its routes. */
  public static CheckResult check(List<Device> devices, List<Placement> placements) {
    List<Evidence> ev = new ArrayList<>();
    boolean any = false;
    int bad = 0;
    int unknown = 0;
    for (int i = 0; i < devices.size(); i++) {
      if (placements.get(i).at() != Point.ORIGINATED) {
        continue;
      }
      for (Firewall fw : devices.get(i).exports()) {
        if (fw.routes().isEmpty()) {
          continue;
        }
        any = true;
        List<Route> defaults = fw.routes().stream().filter(r -> r.prefixLength() == 0).toList();
        if (defaults.isEmpty()) {
          unknown++;
          ev.add(item("indeterminate", fw, 0, "no default route in " + fw.source()));
        }
        for (Route r : defaults) {
          Evidence e = judge(fw, r);
          bad += e.verdict().equals("deny") ? 1 : 0;
          unknown += e.verdict().equals("indeterminate") ? 1 : 0;
          ev.add(e);
        }
        for (PolicyRoute p : fw.network().policyRoutes()) {
          if (apart(fw, p, defaults)) {
            continue;
          }
          unknown++;
          ev.add(
              item(
                  "indeterminate",
                  fw,
                  p.location().line(),
                  p.text() + " may send the connector's traffic by another gateway"));
        }
      }
    }
    if (!any) {
      return null;
    }
    Status st = bad > 0 ? Status.FAIL : unknown > 0 ? Status.INDETERMINATE : Status.PASS;
    String summary =
        st == Status.PASS
            ? "the connector's default gateway is reached by a plain interface"
            : st == Status.FAIL
                ? "the connector's default route points at a tunnel or discards"
                : "the connector's default gateway is not settled by the export";
    return new CheckResult(
        "default-gateway",
        List.of("R15"),
        Severity.HIGH,
        st,
        summary,
        null,
        ev,
        st == Status.PASS
            ? null
            : "Give the connector a default route by a plain interface to its gateway, not into a"
                + " tunnel.");
  }

  /**
   * Whether a policy route is a tunnel carried over an interface that no default route leaves by:
   * such a tunnel takes only what the routes send out of its interface, none of the default route's
   * traffic.
   */
  private static boolean apart(Firewall fw, PolicyRoute p, List<Route> defaults) {
    Interface t = Routing.carriedTunnel(fw, p);
    return t != null
        && !defaults.isEmpty()
        && defaults.stream().noneMatch(r -> t.over().equals(r.outInterface()));
  }

  /** What a default route says of the connector's gateway. */
  private static Evidence judge(Firewall fw, Route r) {
    Interface out = r.outInterface() == null ? null : Routing.iface(fw, r.outInterface());
    String verdict;
    String msg;
    if (r.discard()) {
      verdict = "deny";
      msg = "the default route discards (" + r.name() + ")";
    } else if (out != null && out.kind() == Interface.Kind.TUNNEL) {
      verdict = "deny";
      msg =
          "the default route points at tunnel "
              + out.name()
              + (out.encapsulation() == null ? "" : " (" + out.encapsulation() + ")")
              + ": "
              + r.name();
    } else if (out == null) {
      verdict = "indeterminate";
      msg =
          "the default route leaves by "
              + (r.outInterface() == null ? "a next hop" : r.outInterface())
              + ", which the export does not describe: "
              + r.name();
    } else {
      verdict = "allow";
      msg = "the default route leaves by " + r.outInterface() + ": " + r.name();
    }
    return new Evidence(
        verdict,
        r.location().file(),
        r.location().line(),
        null,
        msg,
        List.of(),
        List.of(),
        Map.of());
  }

  private static Evidence item(String verdict, Firewall fw, int line, String message) {
    return new Evidence(verdict, fw.source(), line, null, message, List.of(), List.of(), Map.of());
  }
}
