package dev.zpaaudit.oracle;

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
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's verdict on the tested packet of a {@link Flow}: the packet the kernel lab sends, as
 * a one-packet cube, evaluated along the hooks it crosses on the ruleset host.
 *
 * <p>Address facts follow the lab: for INPUT and OUTPUT flows the host owns its end's address
 * (LOCAL); every other usable address is UNICAST. The lab owns, in a round, the host addresses of
 * that round's flows, and never uses one of them as a remote end in the same round. So one set of
 * facts, with every host address of the whole run LOCAL, is right for every flow whose own remote
 * addresses are none of those; the few other flows get facts of their own.
 *
 * <p>The flows are all of one family, that of the ruleset.
 */
final class EngineVerdicts {
  /** What the engine decided for one flow. */
  record Result(dev.zpaaudit.eval.Verdict verdict, Outcome outcome) {}

  /** Addresses that are never the lab's remote ends: the kernel gives them other types. */
  private static final IpSet NOT_UNICAST =
      IpSet.parse("127.0.0.0/8").union(IpSet.parse("198.18.0.0/16"));

  /** The IPv6 addresses the lab's flows use (see {@link Boundaries#usable}): all unicast. */
  private static final IpSet UNICAST6 =
      IpSet.parse(Boundaries.USABLE6.get(0)).union(IpSet.parse(Boundaries.USABLE6.get(1)));

  private final Firewall firewall;
  private final int family;
  private final IfaceDomain domain;
  private final Set<InetAddress> hostAddresses = new LinkedHashSet<>();
  private final Evaluator shared;
  private final Map<InetAddress, Evaluator> own = new HashMap<>();

  /** The address MASQUERADE gives packets leaving by an interface, by its name (null: unknown). */
  private final java.util.function.Function<String, String> egressAddress;

  EngineVerdicts(
      Firewall firewall,
      int family,
      Collection<Flow> flows,
      java.util.function.Function<String, String> egressAddress) {
    this.firewall = firewall;
    this.egressAddress = egressAddress;
    this.family = family;
    Set<String> names = new LinkedHashSet<>();
    for (Flow f : flows) {
      if (f.inIface() != null) {
        names.add(f.inIface());
      }
      if (f.outIface() != null) {
        names.add(f.outIface());
      }
      InetAddress h = hostAddress(f);
      if (h != null) {
        hostAddresses.add(h);
      }
    }
    this.domain = IfaceDomain.forFirewalls(List.of(firewall), names);
    IpSet local = IpSet.empty(family);
    for (InetAddress a : hostAddresses) {
      local = local.union(IpSet.of(a));
    }
    this.shared = evaluator(local);
  }

  IfaceDomain domain() {
    return domain;
  }

  Result verdict(Flow flow) {
    if (flow.kind() == Flow.Kind.NAT_REPLY) {
      return natReply(flow);
    }
    List<Outcome> outcomes = evaluatorFor(flow).evaluate(List.of(packet(flow, domain)), path(flow));
    if (outcomes.size() != 1) {
      throw new IllegalStateException(
          "one packet gave " + outcomes.size() + " outcomes: " + flow + " " + outcomes);
    }
    Outcome o = outcomes.get(0);
    return new Result(o.verdict(), o);
  }

  /**
   * A reply to a connection opened through the ruleset: its source NAT is modelled. Where the
   * translated address is one of several, the engine gives one outcome per candidate; they agree or
   * the verdict is indeterminate.
   */
  private Result natReply(Flow flow) {
    String address = egressAddress.apply(flow.outIface());
    List<Outcome> outcomes =
        evaluatorFor(flow)
            .evaluateReplies(
                List.of(packet(flow, domain)),
                path(flow),
                openingPath(flow),
                address == null ? null : IpSet.parse(address));
    Outcome first = outcomes.get(0);
    for (Outcome o : outcomes) {
      if (o.verdict() != first.verdict()) {
        dev.zpaaudit.eval.Verdict unknown = dev.zpaaudit.eval.Verdict.INDETERMINATE;
        return new Result(unknown, o.verdict() == unknown ? o : first);
      }
    }
    return new Result(first.verdict(), first);
  }

  /** The hooks the connection's opening packet crossed: the reply's path, from the other side. */
  static List<Point> openingPath(Flow f) {
    return f.hook() == Flow.Hook.FORWARD
        ? List.of(Point.ARRIVING, Point.FORWARDED, Point.LEAVING)
        : List.of(Point.ORIGINATED, Point.LEAVING);
  }

  private Evaluator evaluatorFor(Flow flow) {
    for (InetAddress remote : remoteAddresses(flow)) {
      if (hostAddresses.contains(remote)) {
        InetAddress h = hostAddress(flow);
        return own.computeIfAbsent(
            h, k -> evaluator(k == null ? IpSet.empty(family) : IpSet.of(k)));
      }
    }
    return shared;
  }

  private Evaluator evaluator(IpSet local) {
    IpSet unicast = family == 4 ? IpSet.all(4).minus(NOT_UNICAST) : UNICAST6;
    return new Evaluator(
        firewall,
        AddressFamily.of(family),
        domain,
        AddressFacts.of(AddressFamily.of(family), unicast, local));
  }

  /** The address the ruleset host owns for this flow: the tested packet's own end; null if none. */
  static InetAddress hostAddress(Flow f) {
    return switch (f.hook()) {
      case FORWARD -> null;
      case INPUT -> packetDst(f);
      case OUTPUT -> packetSrc(f);
    };
  }

  private static List<InetAddress> remoteAddresses(Flow f) {
    return switch (f.hook()) {
      case FORWARD -> List.of(f.src(), f.dst());
      case INPUT -> List.of(packetSrc(f));
      case OUTPUT -> List.of(packetDst(f));
    };
  }

  static InetAddress packetSrc(Flow f) {
    return f.isReply() ? f.dst() : f.src();
  }

  static InetAddress packetDst(Flow f) {
    return f.isReply() ? f.src() : f.dst();
  }

  /** The hooks the tested packet crosses on the ruleset host. */
  static List<Point> path(Flow f) {
    return switch (f.hook()) {
      case FORWARD -> List.of(Point.ARRIVING, Point.FORWARDED, Point.LEAVING);
      case INPUT -> List.of(Point.ARRIVING, Point.DELIVERED);
      case OUTPUT -> List.of(Point.ORIGINATED, Point.LEAVING);
    };
  }

  /**
   * The tested packet as packets.py builds it (see {@code FlowScript} and {@code l4_segment}); an
   * ICMPv6 packet with its type as the source port and its code as the destination port, as the
   * engine has them.
   */
  static Cube packet(Flow f, IfaceDomain d) {
    boolean reply = f.isReply();
    int sport = reply ? f.dport() : f.sport();
    int dport = reply ? f.sport() : f.dport();
    if (f.proto() == Flow.ICMPV6) {
      sport = reply ? Flow.ECHO_REPLY : f.sport();
      dport = f.dport();
    }
    String in = f.packetInIface();
    String out = f.packetOutIface();
    return Cube.all(AddressFamily.of(f.family()), d)
        .withSrc(IpSet.of(packetSrc(f)))
        .withDst(IpSet.of(packetDst(f)))
        .withProto(Bits.of(256, f.proto()))
        .withSport(PortSet.of(sport))
        .withDport(PortSet.of(dport))
        .withFlags(Bits.of(256, flags(f)))
        .withIif(d.exactly(in == null ? IfaceDomain.NONE : in))
        .withOif(d.exactly(out == null ? IfaceDomain.NONE : out))
        .withSession(SessionState.set(state(f)));
  }

  /** TCP flags of the tested packet: SYN, SYN+ACK, ACK; 0 for UDP. */
  static int flags(Flow f) {
    if (f.proto() != Flow.TCP) {
      return 0;
    }
    return switch (f.kind()) {
      case NEW -> TcpFlags.SYN;
      case REPLY, NAT_REPLY -> TcpFlags.SYN | TcpFlags.ACK;
      case ESTABLISHED -> TcpFlags.ACK;
    };
  }

  /** The conntrack state the kernel gives the tested packet (before any NOTRACK). */
  static SessionState state(Flow f) {
    if (!f.isConnection()) {
      return lone(f.sport());
    }
    return switch (f.kind()) {
      case NEW -> SessionState.NEW;
      case REPLY, NAT_REPLY -> SessionState.ESTABLISHED_REPLY;
      case ESTABLISHED -> SessionState.ESTABLISHED_ORIGINAL;
    };
  }

  /**
   * The conntrack state of a lone ICMPv6 packet of this type, as the kernel gives it (and as a
   * {@code ct state} rule in the lab shows): multicast listener and neighbour discovery messages
   * (130 to 136, 143) are not tracked; a node information query (139) opens a connection, as an
   * echo request does; any other type (errors, whose quoted packet belongs to no connection, and
   * informational messages that open none) is INVALID.
   */
  static SessionState lone(int icmpv6Type) {
    if (icmpv6Type >= 130 && icmpv6Type <= 136 || icmpv6Type == 143) {
      return SessionState.UNTRACKED;
    }
    return icmpv6Type == 139 ? SessionState.NEW : SessionState.INVALID;
  }

  /** Every step of the outcome's trace and every doubt, one a line, with file:line. */
  static List<String> describe(Outcome o) {
    List<String> lines = new ArrayList<>();
    for (var step : o.trace().steps()) {
      lines.add(
          step.rule().location()
              + "  ["
              + step.stage()
              + " "
              + step.filter()
              + "] "
              + step.rule().text());
    }
    if (lines.isEmpty()) {
      lines.add("(no rule on the path decided: every stage let the packet through)");
    }
    for (Outcome.Doubt d : o.doubts()) {
      lines.add(
          "? "
              + (d.rule() == null ? "" : d.rule().location() + ": ")
              + d.reason()
              + " (may be "
              + d.verdict().label()
              + ")");
    }
    return lines;
  }
}
