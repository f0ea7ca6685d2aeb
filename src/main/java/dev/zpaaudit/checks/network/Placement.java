package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.AddressFacts;
import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.Evaluator;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the filter sits relative to the connector. OUTPUT: a firewall on the connector host (its
 * traffic leaves through OUTPUT, replies come in through INPUT). FORWARD: a gateway the connector's
 * traffic crosses, from {@code inIface} to {@code outIface}. INPUT: the host's inbound side only.
 * Unnamed interfaces stand for any interface but loopback. When {@code zones}, the filters are
 * zoned and {@code inIface} and {@code outIface} name the zones the traffic comes from and goes to;
 * {@code inferred} says how what the user did not name was inferred.
 */
public record Placement(
    Point at,
    String inIface,
    String outIface,
    List<IpSet> connectors,
    PortSet ephemeral,
    List<IpSet> egressAddresses,
    boolean zones,
    List<String> inferred) {

  public Placement(
      Point at,
      String inIface,
      String outIface,
      List<IpSet> connectors,
      PortSet ephemeral,
      List<IpSet> egressAddresses) {
    this(at, inIface, outIface, connectors, ephemeral, egressAddresses, false, List.of());
  }

  /** This placement between two interfaces (null: any), with how they were found. */
  public Placement betweenInterfaces(String from, String to, List<String> how) {
    return new Placement(
        Point.FORWARDED, from, to, connectors, ephemeral, egressAddresses, false, how);
  }

  /** This placement between two zones (null: any zone), with how they were found. */
  public Placement betweenZones(String from, String to, List<String> how) {
    return new Placement(
        Point.FORWARDED, from, to, connectors, ephemeral, egressAddresses, true, how);
  }

  public Placement {
    if (at != Point.ORIGINATED && at != Point.FORWARDED && at != Point.DELIVERED) {
      throw new IllegalArgumentException(
          "a placement is where a device forwards, originates or receives traffic, not " + at);
    }
    connectors = List.copyOf(connectors);
    egressAddresses = List.copyOf(egressAddresses);
    inferred = List.copyOf(inferred);
  }

  /** A placement where the address that MASQUERADE gives is not known. */
  public Placement(
      Point at, String inIface, String outIface, List<IpSet> connectors, PortSet ephemeral) {
    this(at, inIface, outIface, connectors, ephemeral, List.of());
  }

  /**
   * The address of {@code family} that the connectors' traffic gets where it is masqueraded (the
   * address of the interface it leaves by), or null when not given.
   */
  public IpSet egressAddress(AddressFamily family) {
    IpSet s = null;
    for (IpSet a : egressAddresses) {
      if (a.family() == family) {
        s = s == null ? a : s.union(a);
      }
    }
    return s;
  }

  public boolean host() {
    return at != Point.FORWARDED;
  }

  /** The connector addresses of a family, or every address when none were given. */
  public IpSet connectorSet(AddressFamily family) {
    if (connectors.isEmpty()) {
      return IpSet.all(family);
    }
    IpSet s = IpSet.empty(family);
    for (IpSet c : connectors) {
      if (c.family() == family) {
        s = s.union(c);
      }
    }
    return s;
  }

  public List<Point> egressPath() {
    return at == Point.FORWARDED
        ? List.of(Point.ARRIVING, Point.FORWARDED, Point.LEAVING)
        : List.of(Point.ORIGINATED, Point.LEAVING);
  }

  public List<Point> returnPath() {
    return at == Point.FORWARDED
        ? List.of(Point.ARRIVING, Point.FORWARDED, Point.LEAVING)
        : List.of(Point.ARRIVING, Point.DELIVERED);
  }

  public IfaceDomain domain(List<Firewall> firewalls) {
    List<String> names = new ArrayList<>();
    if (inIface != null) {
      names.add(inIface);
    }
    if (outIface != null) {
      names.add(outIface);
    }
    return IfaceDomain.forFirewalls(firewalls, names);
  }

  private static Bits iface(IfaceDomain d, String name) {
    return name == null ? d.physical() : d.exactly(name);
  }

  /** Interfaces of egress packets: [input, output]. */
  public Bits[] egressIfaces(IfaceDomain d) {
    if (at == Point.FORWARDED) {
      return new Bits[] {iface(d, inIface), iface(d, outIface)};
    }
    return new Bits[] {d.exactly(IfaceDomain.NONE), iface(d, outIface)};
  }

  /** Interfaces of reply packets: [input, output]. */
  public Bits[] returnIfaces(IfaceDomain d) {
    if (at == Point.FORWARDED) {
      return new Bits[] {iface(d, outIface), iface(d, inIface)};
    }
    return new Bits[] {
      iface(d, outIface != null ? outIface : inIface), d.exactly(IfaceDomain.NONE)
    };
  }

  public AddressFacts facts(AddressFamily family, IpSet published) {
    IpSet local = host() && !connectors.isEmpty() ? connectorSet(family) : IpSet.empty(family);
    return AddressFacts.of(family, published, local);
  }

  /** How the user names the point: the spelling of the command line's placement options. */
  private static String word(Point p) {
    return switch (p) {
      case ORIGINATED -> "OUTPUT";
      case DELIVERED -> "INPUT";
      case FORWARDED -> "FORWARD";
      default -> p.name();
    };
  }

  public String describe() {
    StringBuilder sb = new StringBuilder(word(at));
    if (zones) {
      sb.append(" (firewall: from ")
          .append(inIface == null ? "any zone" : "zone " + inIface)
          .append(", to ")
          .append(outIface == null ? "any zone" : "zone " + outIface)
          .append(')');
    } else if (at == Point.FORWARDED) {
      sb.append(" (gateway: in ")
          .append(inIface == null ? "any" : inIface)
          .append(", out ")
          .append(outIface == null ? "any" : outIface)
          .append(')');
    } else if (at == Point.ORIGINATED) {
      sb.append(" (connector host").append(outIface == null ? "" : ", out " + outIface).append(')');
    } else {
      sb.append(" (connector host, inbound only")
          .append(inIface == null ? "" : ", in " + inIface)
          .append(')');
    }
    return sb.toString();
  }

  /**
   * Where devices sit, in words: one placement when all share it, else each device's by name
   * ("host.rules: OUTPUT (...); fw.xml: FORWARD (...)").
   */
  public static String describeAll(List<Placement> placements, List<String> names) {
    if (placements.stream().map(Placement::describe).distinct().count() <= 1) {
      return placements.get(0).describe();
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < placements.size(); i++) {
      parts.add(names.get(i) + ": " + placements.get(i).describe());
    }
    return String.join("; ", parts);
  }

  /**
   * The interfaces of egress packets with the options that name them, for saying which interface a
   * verdict depends on; an option is null where the interface is fixed or named.
   */
  public AskedInterfaces egressAsked(IfaceDomain d) {
    Bits[] ifs = egressIfaces(d);
    String in = at == Point.FORWARDED && inIface == null ? inFlag() : null;
    return new AskedInterfaces(d, ifs[0], ifs[1], in, outIface == null ? outFlag() : null);
  }

  private String inFlag() {
    return zones ? "--from-zone" : "--in-interface";
  }

  private String outFlag() {
    return zones ? "--to-zone" : "--out-interface";
  }

  /** The interfaces of reply packets with the options that name them (see egressAsked). */
  public AskedInterfaces returnAsked(IfaceDomain d) {
    Bits[] ifs = returnIfaces(d);
    if (at == Point.FORWARDED) {
      return new AskedInterfaces(
          d,
          ifs[0],
          ifs[1],
          outIface == null ? outFlag() : null,
          inIface == null ? inFlag() : null);
    }
    String in =
        outIface != null || inIface != null
            ? null
            : at == Point.DELIVERED ? "--in-interface" : "--out-interface";
    return new AskedInterfaces(d, ifs[0], ifs[1], in, null);
  }

  /**
   * Evaluates packets along {@code path}; replies as they arrive, through the source NAT their
   * connections met on this placement's egress path (MASQUERADE giving {@link #egressAddress}).
   */
  public List<Outcome> judge(
      Evaluator ev, List<Cube> packets, List<Point> path, boolean replies, AddressFamily family) {
    return replies
        ? ev.evaluateReplies(packets, path, egressPath(), egressAddress(family))
        : ev.evaluate(packets, path);
  }
}
