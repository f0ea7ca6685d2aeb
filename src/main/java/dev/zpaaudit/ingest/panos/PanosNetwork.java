package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PAN-OS network lowered into the neutral model: layer 3, tunnel and loopback interfaces with
 * their zones, networks and MTU; the static routes of the virtual routers. What cannot be lowered
 * exactly (an address given by an object PAN-OS resolves elsewhere, a next hop in another virtual
 * router) is left out with a warning, so that what is inferred from it is said to be partial.
 */
record PanosNetwork(List<Interface> interfaces, List<Route> routes, List<Diagnostic> diagnostics) {
  /** The default MTU of a PAN-OS layer 3 interface. */
  static final int DEFAULT_MTU = 1500;

  static PanosNetwork of(
      PanosConfig c, List<Network> networks, List<Zone> zones, PanosResolver resolver) {
    String file = c.file();
    Map<String, String> zoneOf = new HashMap<>();
    for (Zone z : zones) {
      for (String i : z.interfaces()) {
        zoneOf.putIfAbsent(i, z.name());
      }
    }
    List<Interface> ifs = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (Network n : networks) {
      for (PanosInterface i : n.interfaces()) {
        if (i.mode() != PanosInterface.Mode.LAYER3
            && i.kind() != PanosInterface.Kind.TUNNEL
            && i.kind() != PanosInterface.Kind.LOOPBACK) {
          continue;
        }
        List<IpSet> nets = new ArrayList<>();
        List<String> written = new ArrayList<>(i.addresses());
        written.addAll(i.ipv6Addresses());
        for (String a : written) {
          Optional<IpSet> s = address(a, resolver);
          if (s.isPresent()) {
            nets.add(s.get());
          } else {
            diags.add(
                warning(
                    file,
                    i.line(),
                    "interface "
                        + i.name()
                        + ": address '"
                        + a
                        + "' is not a prefix or an address object with one; the networks"
                        + " inferred for it leave it out"));
          }
        }
        ifs.add(
            new Interface(
                i.name(),
                zoneOf.get(i.name()),
                nets,
                i.mtu().orElse(DEFAULT_MTU),
                kind(i),
                new SourceLocation(file, i.line()),
                n.encapsulations().get(i.name())));
      }
      for (VirtualRouter vr : n.virtualRouters()) {
        for (StaticRoute r : vr.staticRoutes()) {
          route(file, vr, r, resolver, diags).ifPresent(routes::add);
        }
      }
    }
    return new PanosNetwork(ifs, routes, diags);
  }

  private static Interface.Kind kind(PanosInterface i) {
    return switch (i.kind()) {
      case TUNNEL -> Interface.Kind.TUNNEL;
      case LOOPBACK -> Interface.Kind.LOOPBACK;
      case AGGREGATE_ETHERNET ->
          i.parent().isPresent() ? Interface.Kind.SUBINTERFACE : Interface.Kind.AGGREGATE;
      default -> i.parent().isPresent() ? Interface.Kind.SUBINTERFACE : Interface.Kind.PHYSICAL;
    };
  }

  /** A prefix as written, or the prefix of an address object of that name. */
  private static Optional<IpSet> address(String written, PanosResolver resolver) {
    Optional<IpSet> literal = IpSet.tryParse(written);
    if (literal.isPresent()) {
      return literal;
    }
    List<AddressLeaf> leaves = resolver.addresses(List.of(written));
    if (leaves.size() == 1 && leaves.get(0) instanceof AddressLeaf.Value v) {
      return PanosMatches.addresses(v.value());
    }
    return Optional.empty();
  }

  private static Optional<Route> route(
      String file,
      VirtualRouter vr,
      StaticRoute r,
      PanosResolver resolver,
      List<Diagnostic> diags) {
    Optional<IpSet> dst = address(r.destination(), resolver);
    int slash = r.destination().indexOf('/');
    if (dst.isEmpty() || slash < 0 && IpSet.tryParse(r.destination()).isEmpty()) {
      diags.add(
          warning(
              file,
              r.line(),
              "static route '"
                  + r.name()
                  + "' of virtual router '"
                  + vr.name()
                  + "': destination '"
                  + r.destination()
                  + "' is not a prefix; routes inferred leave it out"));
      return Optional.empty();
    }
    int len =
        slash >= 0 && r.destination().substring(slash + 1).matches("\\d{1,3}")
            ? Integer.parseInt(r.destination().substring(slash + 1))
            : dst.get().family() == AddressFamily.IPV4 ? 32 : 128;
    IpSet hop = null;
    boolean discard = false;
    if (r.nextHop() instanceof NextHop.Address a) {
      hop = address(a.address(), resolver).orElse(null);
    } else if (r.nextHop() instanceof NextHop.Discard) {
      discard = true;
    } else if (r.nextHop() instanceof NextHop.NextVr n) {
      diags.add(
          warning(
              file,
              r.line(),
              "static route '"
                  + r.name()
                  + "' hands its destinations to virtual router '"
                  + n.virtualRouter()
                  + "', which routes inferred do not follow"));
      return Optional.empty();
    }
    return Optional.of(
        new Route(
            dst.get(),
            len,
            r.interfaceName().orElse(null),
            hop,
            r.metric().orElse(10),
            discard,
            "static route '" + r.name() + "' of virtual router '" + vr.name() + "'",
            new SourceLocation(file, r.line())));
  }

  private static Diagnostic warning(String file, int line, String message) {
    return new Diagnostic(Diagnostic.Severity.WARNING, new SourceLocation(file, line), message);
  }
}
