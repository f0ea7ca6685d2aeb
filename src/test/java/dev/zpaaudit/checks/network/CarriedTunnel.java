package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;

/**
 * A policy-based VPN as tests build it: the tunnel "crypto map m 10" carried over an interface, and
 * the policy route that forwards what it matches into the tunnel.
 */
final class CarriedTunnel {
  static final String NAME = "crypto map m 10";

  private CarriedTunnel() {}

  static Interface over(String carrier, String file, int line) {
    return new Interface(
        NAME,
        null,
        List.of(),
        null,
        Interface.Kind.TUNNEL,
        new SourceLocation(file, line),
        "ipsec",
        carrier);
  }

  static PolicyRoute route(String file, int line, Condition... match) {
    return new PolicyRoute(
        new SourceLocation(file, line), NAME, List.of(match), PolicyRoute.Kind.FORWARD, NAME, null);
  }
}
