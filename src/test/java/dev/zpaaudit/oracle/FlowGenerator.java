package dev.zpaaudit.oracle;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.oracle.Flow.Hook;
import dev.zpaaudit.oracle.Flow.Kind;
import dev.zpaaudit.oracle.RoundPlanner.Round;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Reproducible flows for comparing the engine with the kernel: boundary flows (every boundary
 * address and port of the ruleset, and of the published ZEN ranges, for new connections and for
 * replies), flows over every interface name the ruleset mentions plus one it does not, and seeded
 * random flows.
 *
 * <p>Flows are of the family of the boundaries: IPv4 TCP and UDP, or IPv6 TCP, UDP and ICMPv6 (echo
 * connections, and lone messages of the types in {@link #ICMPV6_TYPES}, each through every hook).
 * What the lab cannot send is never generated (see {@link Boundaries#usable(int, BigInteger)}; no
 * loopback; no flow from an address to itself).
 *
 * <p>The lab sends flows in rounds that share routes (see {@link RoundPlanner}): each interface
 * leads to one other per round, each source arrives on one interface, and an address the host owns
 * is nobody's remote end. Flows drawn blindly need dozens of rounds, so the generator places each
 * flow in a batch that is one round, choosing among the interfaces it may take one that fits, and
 * returns the flows batch by batch; the lab's planner then needs at most as many rounds as there
 * are batches. Random flows that fit in none of {@value #BATCHES} batches are drawn again; a
 * boundary flow opens a new batch.
 */
final class FlowGenerator {
  static final String UNMENTIONED = "zq0";

  /** Partners of an interface for FORWARD flows. */
  static final int OUTS = 3;

  /** Batches random flows may use. */
  static final int BATCHES = 4;

  private static final int[] COMMON_PORTS = {22, 53, 80, 123, 443, 8080};

  /**
   * ICMPv6 types of lone messages (code 0, and 4 for port unreachable): errors, listener and
   * neighbour discovery messages, a redirect, a node information query and an unassigned type. Echo
   * requests (128) are connections and are generated as such.
   */
  static final int[][] ICMPV6_TYPES = {
    {1, 0}, {1, 4}, {2, 0}, {3, 0}, {4, 0}, {130, 0}, {133, 0}, {134, 0}, {135, 0}, {136, 0},
    {137, 0}, {139, 0}, {143, 0}, {200, 0}
  };

  /** Where random IPv6 addresses come from: documentation, unique local, global unicast. */
  private static final BigInteger[] RANDOM6 = {
    new BigInteger("20010db8", 16).shiftLeft(96),
    new BigInteger("fc", 16).shiftLeft(120),
    new BigInteger("2", 16).shiftLeft(124)
  };

  private static final int[] RANDOM6_BITS = {96, 121, 125};

  private final Boundaries bounds;
  private final int family;
  private final List<IpSet> zen;
  private final Random rng;
  private final List<String> ifaces = new ArrayList<>();
  private final Map<String, List<String>> outsOf = new LinkedHashMap<>();
  private final List<BigInteger> addressPool;
  private final List<Integer> portPool;
  private final List<Round> batches = new ArrayList<>();
  private final Set<Flow> seen = new HashSet<>();
  private List<Hook> hooks;
  private int turn;

  FlowGenerator(Boundaries bounds, List<IpSet> zenRanges, long seed) {
    this.bounds = bounds;
    this.family = bounds.family;
    this.zen = zenRanges;
    this.rng = new Random(seed);
    ifaces.addAll(bounds.interfaces);
    ifaces.add(UNMENTIONED);
    if (ifaces.size() < 2) {
      ifaces.add("zq1");
    }
    ifaces.forEach(i -> outsOf.put(i, new ArrayList<>()));
    for (List<String> p : bounds.pairs) {
      link(p.get(0), p.get(1));
    }
    for (int k = 1; k < ifaces.size(); k++) {
      for (int i = 0; i < ifaces.size(); i++) {
        link(ifaces.get(i), ifaces.get((i + k) % ifaces.size()));
      }
    }
    addressPool = new ArrayList<>(bounds.addresses);
    portPool = new ArrayList<>(bounds.ports);
  }

  /**
   * Lets FORWARD flows go from {@code a} to {@code b} and back (replies cross the other way),
   * unless either already has {@value #OUTS} partners. Rule pairs are linked first.
   */
  private void link(String a, String b) {
    List<String> x = outsOf.get(a);
    List<String> y = outsOf.get(b);
    if (x == null
        || y == null
        || a.equals(b)
        || x.contains(b)
        || x.size() >= OUTS
        || y.size() >= OUTS) {
      return;
    }
    x.add(b);
    y.add(a);
  }

  List<String> interfaces() {
    return List.copyOf(ifaces);
  }

  /** How many rounds the lab needs at most for the flows generated. */
  int batches() {
    return batches.size();
  }

  /**
   * Boundary flows, ZEN flows, interface flows, then at least {@code randomFlows} random flows and
   * as many more as it takes to reach {@code atLeast}.
   */
  List<Flow> generate(List<Hook> usedHooks, int randomFlows, int atLeast) {
    this.hooks = List.copyOf(usedHooks);
    for (BigInteger a : bounds.addresses) {
      for (Kind k : List.of(Kind.NEW, Kind.REPLY)) {
        focus(k, nextHook(), a, null, null, null, null, null);
        focus(k, nextHook(), null, a, null, null, null, null);
      }
    }
    for (int p : bounds.ports) {
      for (Kind k : List.of(Kind.NEW, Kind.REPLY)) {
        focus(k, nextHook(), null, null, p, null, null, null);
        focus(k, nextHook(), null, null, null, p, null, null);
      }
    }
    for (String i : ifaces) {
      for (Hook h : hooks) {
        for (Kind k : List.of(Kind.NEW, Kind.REPLY)) {
          focus(k, h, null, null, null, null, null, i);
        }
      }
    }
    if (family == 6) {
      icmpFlows();
    }
    zenFlows();
    int random = Math.max(randomFlows, atLeast - seen.size());
    for (int n = 0; n < random; n++) {
      randomFlow();
    }
    if (natReplies) {
      natReplyFlows();
    }
    List<Flow> out = new ArrayList<>();
    batches.forEach(b -> out.addAll(b.flows));
    return out;
  }

  /**
   * Connections to the first and last address of each published range (new and replies) and to the
   * addresses just outside (one kind each), on TCP 443, as a connector opens them.
   */
  private void zenFlows() {
    Set<BigInteger> done = new HashSet<>();
    boolean alternate = false;
    for (IpSet r : zen) {
      for (IpSet iv : r.intervals()) {
        BigInteger first = Boundaries.toNumber(iv.first().orElseThrow());
        BigInteger last = Boundaries.toNumber(iv.last().orElseThrow());
        for (BigInteger a : List.of(first, last)) {
          if (Boundaries.usable(family, a) && done.add(a)) {
            zenFlow(Kind.NEW, a);
            zenFlow(Kind.REPLY, a);
          }
        }
        for (BigInteger a : List.of(first.subtract(BigInteger.ONE), last.add(BigInteger.ONE))) {
          if (Boundaries.usable(family, a) && done.add(a)) {
            zenFlow(alternate ? Kind.REPLY : Kind.NEW, a);
            alternate = !alternate;
          }
        }
      }
    }
  }

  /** How many random NAT_REPLY flows a ruleset with source NAT gets, beyond the focused ones. */
  static final int RANDOM_NAT_REPLIES = 600;

  private boolean natReplies;

  /**
   * Also generate NAT_REPLY flows (IPv4 only): replies to connections opened through the ruleset,
   * so that its source NAT applies. Added after all other flows, which stay as they were.
   */
  FlowGenerator withNatReplies(boolean on) {
    natReplies = on && family == 4;
    return this;
  }

  /**
   * Replies through source NAT, through a gateway and into the connector host: every boundary
   * address as client and as server, the first address of each published range as server on TCP
   * 443, and random connections.
   */
  private void natReplyFlows() {
    List<Hook> fit = hooks.stream().filter(h -> h != Hook.OUTPUT).toList();
    if (fit.isEmpty()) {
      fit = List.of(Hook.FORWARD, Hook.INPUT);
    }
    for (BigInteger a : bounds.addresses) {
      focus(Kind.NAT_REPLY, fit.get(turn++ % fit.size()), a, null, null, null, natProto(), null);
      focus(Kind.NAT_REPLY, fit.get(turn++ % fit.size()), null, a, null, null, natProto(), null);
    }
    for (IpSet r : zen) {
      BigInteger first = Boundaries.toNumber(r.intervals().get(0).first().orElseThrow());
      if (Boundaries.usable(family, first)) {
        focus(Kind.NAT_REPLY, fit.get(turn++ % fit.size()), null, first, null, 443, Flow.TCP, null);
      }
    }
    for (int n = 0; n < RANDOM_NAT_REPLIES; n++) {
      focus(
          Kind.NAT_REPLY,
          fit.get(rng.nextInt(fit.size())),
          null,
          null,
          null,
          null,
          natProto(),
          null);
    }
  }

  private int natProto() {
    return rng.nextInt(4) == 0 ? Flow.UDP : Flow.TCP;
  }

  /**
   * Through every hook: echo connections (the request, the reply, a later request) and each lone
   * ICMPv6 type, twice, between addresses drawn as usual.
   */
  private void icmpFlows() {
    for (Hook h : hooks) {
      for (Kind k : List.of(Kind.NEW, Kind.REPLY, Kind.ESTABLISHED)) {
        for (int n = 0; n < 2; n++) {
          focus(k, h, null, null, Flow.ECHO_REQUEST, 0, Flow.ICMPV6, null);
        }
      }
      for (int[] tc : ICMPV6_TYPES) {
        for (int n = 0; n < 2; n++) {
          focus(Kind.NEW, h, null, null, tc[0], tc[1], Flow.ICMPV6, null);
        }
      }
    }
  }

  private void zenFlow(Kind kind, BigInteger server) {
    // a connector's own connections: through a gateway, out of the connector host, replies into it
    List<Hook> fit = new ArrayList<>();
    for (Hook h : hooks) {
      if (h == Hook.FORWARD || h == (kind == Kind.NEW ? Hook.OUTPUT : Hook.INPUT)) {
        fit.add(h);
      }
    }
    List<Hook> from = fit.isEmpty() ? hooks : fit;
    Hook h = from.get(turn++ % from.size());
    focus(kind, h, null, server, null, 443, Flow.TCP, null);
  }

  private void randomFlow() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int r = rng.nextInt(100);
      Kind k = r < 45 ? Kind.NEW : r < 85 ? Kind.REPLY : Kind.ESTABLISHED;
      Flow f = draw(k, hooks.get(rng.nextInt(hooks.size())), null, null, null, null, null);
      if (place(f, null, false)) {
        return;
      }
    }
  }

  private Hook nextHook() {
    return hooks.get(turn++ % hooks.size());
  }

  /** A flow that must be sent: the given fields, the rest drawn at random. */
  private void focus(
      Kind kind,
      Hook hook,
      BigInteger src,
      BigInteger dst,
      Integer sport,
      Integer dport,
      Integer proto,
      String iface) {
    for (int attempt = 0; attempt < 20; attempt++) {
      if (place(draw(kind, hook, src, dst, sport, dport, proto), iface, attempt == 19)) {
        return;
      }
    }
  }

  private Flow draw(
      Kind kind,
      Hook hook,
      BigInteger src,
      BigInteger dst,
      Integer sport,
      Integer dport,
      Integer proto) {
    BigInteger s = src != null ? src : address();
    BigInteger d = dst != null ? dst : address();
    while (d.equals(s)) {
      d = address();
    }
    int p = proto != null ? proto : protocol(sport != null || dport != null);
    int sp;
    int dp;
    if (p == Flow.ICMPV6 && sport == null) {
      // a random ICMPv6 flow: an echo connection, or (NEW only) a lone message
      int[] tc =
          kind != Kind.NEW || rng.nextBoolean()
              ? new int[] {Flow.ECHO_REQUEST, 0}
              : ICMPV6_TYPES[rng.nextInt(ICMPV6_TYPES.length)];
      sp = tc[0];
      dp = tc[1];
    } else {
      sp = sport != null ? sport : sourcePort();
      dp = dport != null ? dport : destinationPort();
    }
    return new Flow(
            family,
            Boundaries.toInet(family, s),
            Boundaries.toInet(family, d),
            p,
            sp,
            dp,
            kind,
            Hook.FORWARD,
            ifaces.get(0),
            ifaces.get(1))
        .withHook(hook);
  }

  /**
   * Puts the flow, on interfaces that fit, into the first batch that takes it; with {@code
   * mustPlace}, into a new batch if none does. Returns whether it was placed (or was there).
   */
  private boolean place(Flow bare, String iface, boolean mustPlace) {
    List<Flow> options = new ArrayList<>();
    for (String[] io : interfaceOptions(bare, iface)) {
      options.add(bare.via(io[0], io[1]));
    }
    Collections.shuffle(options, rng);
    for (Flow f : options) {
      if (seen.contains(f)) {
        return true;
      }
    }
    for (Round b : batches) {
      for (Flow f : options) {
        FlowScript s = FlowScript.of(f);
        String key = RoundPlanner.connectionKey(f);
        if (b.fits(key, s)) {
          b.add(f, s, key);
          seen.add(f);
          return true;
        }
      }
    }
    if (batches.size() < BATCHES || mustPlace) {
      Round b = new Round();
      Flow f = options.get(0);
      b.add(f, FlowScript.of(f), RoundPlanner.connectionKey(f));
      batches.add(b);
      seen.add(f);
      return true;
    }
    return false;
  }

  /**
   * The interfaces the flow may take, [in, out]: through FORWARD the linked pairs, else one
   * interface on the side the tested packet uses; only those the tested packet crosses {@code
   * iface} on, if given.
   */
  private List<String[]> interfaceOptions(Flow f, String iface) {
    List<String[]> out = new ArrayList<>();
    for (String i : ifaces) {
      if (f.hook() == Hook.FORWARD) {
        List<String> outs = outsOf.get(i).isEmpty() ? otherThan(i) : outsOf.get(i);
        for (String o : outs) {
          if (iface == null || iface.equals(f.isReply() ? o : i)) {
            out.add(new String[] {i, o});
          }
        }
      } else if (iface == null || iface.equals(i)) {
        out.add(usesIn(f) ? new String[] {i, null} : new String[] {null, i});
      }
    }
    return out;
  }

  private List<String> otherThan(String i) {
    return ifaces.stream().filter(x -> !x.equals(i)).toList();
  }

  private static boolean usesIn(Flow f) {
    return (f.hook() == Hook.INPUT) == !f.isReply();
  }

  /** TCP or UDP; for IPv6 also ICMPv6, unless a port is given. */
  private int protocol(boolean hasPort) {
    if (family == 4) {
      return rng.nextInt(10) < 7 ? Flow.TCP : Flow.UDP;
    }
    int r = rng.nextInt(20);
    return r < 12 ? Flow.TCP : r < 17 || hasPort ? Flow.UDP : Flow.ICMPV6;
  }

  private BigInteger address() {
    int r = rng.nextInt(10);
    if (r < 4 && !addressPool.isEmpty()) {
      return addressPool.get(rng.nextInt(addressPool.size()));
    }
    if (r < 7 && !bounds.intervals.isEmpty()) {
      BigInteger[] iv = bounds.intervals.get(rng.nextInt(bounds.intervals.size()));
      BigInteger a = inside(iv);
      if (Boundaries.usable(family, a)) {
        return a;
      }
    }
    BigInteger a;
    do {
      a = randomAddress();
    } while (!Boundaries.usable(family, a));
    return a;
  }

  /** An address drawn from the interval [first, last]. */
  private BigInteger inside(BigInteger[] iv) {
    if (family == 4) {
      long first = iv[0].longValueExact();
      long last = iv[1].longValueExact();
      return BigInteger.valueOf(first + (long) (rng.nextDouble() * (last - first + 1)));
    }
    BigInteger size = iv[1].subtract(iv[0]).add(BigInteger.ONE);
    return iv[0].add(new BigInteger(size.bitLength() + 16, rng).mod(size));
  }

  private BigInteger randomAddress() {
    if (family == 4) {
      return BigInteger.valueOf(rng.nextLong() & 0xFFFFFFFFL);
    }
    int r = rng.nextInt(4);
    int k = r < 2 ? 0 : r - 1;
    return RANDOM6[k].add(new BigInteger(RANDOM6_BITS[k], rng));
  }

  private int sourcePort() {
    return rng.nextInt(10) < 3 && !portPool.isEmpty()
        ? portPool.get(rng.nextInt(portPool.size()))
        : 1024 + rng.nextInt(64512);
  }

  private int destinationPort() {
    int r = rng.nextInt(10);
    if (r < 5 && !portPool.isEmpty()) {
      return portPool.get(rng.nextInt(portPool.size()));
    }
    if (r < 7) {
      return COMMON_PORTS[rng.nextInt(COMMON_PORTS.length)];
    }
    return 1 + rng.nextInt(65535);
  }
}
