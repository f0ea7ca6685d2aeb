package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.ingest.Protocols;
import dev.zpaaudit.ingest.iptables.RuleConverter.Problem;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.TcpFlags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/** The iptables match extensions ("-m NAME --option ..."): which are modelled, and how. */
final class MatchModules {
  static final Set<String> MODELLED =
      Set.of(
          "tcp",
          "udp",
          "sctp",
          "udplite",
          "dccp",
          "icmp",
          "icmp6",
          "icmpv6",
          "multiport",
          "iprange",
          "state",
          "conntrack",
          "comment",
          "set",
          "addrtype");
  private static final Bits PORT_PROTOCOLS = Bits.of(256, 6, 17, 33, 132, 136);

  private final int family;
  private final Ipsets ipsets;

  MatchModules(int family, Ipsets ipsets) {
    this.family = family;
    this.ipsets = ipsets;
  }

  private static final Set<String> PORTS =
      Set.of("--sport", "--source-port", "--dport", "--destination-port");

  /** The options of each modelled match; a match not listed here is not modelled. */
  private static final java.util.Map<String, Set<String>> OPTIONS =
      java.util.Map.ofEntries(
          java.util.Map.entry("tcp", union(PORTS, Set.of("--tcp-flags", "--syn", "--tcp-option"))),
          java.util.Map.entry("udp", PORTS),
          java.util.Map.entry("udplite", PORTS),
          java.util.Map.entry("sctp", union(PORTS, Set.of("--chunk-types"))),
          java.util.Map.entry("dccp", union(PORTS, Set.of("--dccp-types", "--dccp-option"))),
          java.util.Map.entry("icmp", Set.of("--icmp-type")),
          java.util.Map.entry("icmp6", Set.of("--icmpv6-type")),
          java.util.Map.entry("icmpv6", Set.of("--icmpv6-type")),
          java.util.Map.entry(
              "multiport",
              Set.of("--sports", "--source-ports", "--dports", "--destination-ports", "--ports")),
          java.util.Map.entry("iprange", Set.of("--src-range", "--dst-range")),
          java.util.Map.entry("state", Set.of("--state")),
          java.util.Map.entry(
              "conntrack",
              Set.of(
                  "--ctstate",
                  "--ctproto",
                  "--ctorigsrc",
                  "--ctorigdst",
                  "--ctreplsrc",
                  "--ctrepldst",
                  "--ctorigsrcport",
                  "--ctorigdstport",
                  "--ctreplsrcport",
                  "--ctrepldstport",
                  "--ctstatus",
                  "--ctexpire",
                  "--ctdir")),
          java.util.Map.entry("comment", Set.of("--comment")),
          java.util.Map.entry(
              "set",
              Set.of(
                  "--match-set",
                  "--set",
                  "--return-nomatch",
                  "--update-counters",
                  "--update-subcounters",
                  "--packets-eq",
                  "--packets-lt",
                  "--packets-gt",
                  "--bytes-eq",
                  "--bytes-lt",
                  "--bytes-gt")),
          java.util.Map.entry(
              "addrtype",
              Set.of("--src-type", "--dst-type", "--limit-iface-in", "--limit-iface-out")));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  private static final Set<String> PROTOCOL_MODULES =
      Set.of("tcp", "udp", "sctp", "udplite", "dccp", "icmp", "icmpv6");

  /**
   * The match that "-p P" loads for options no other match takes (tcp for "tcp" or "6"), or null.
   */
  static String protocolModule(String protocol) {
    if (protocol == null) {
      return null;
    }
    String p = protocol;
    if (Protocols.digits(p, 3)) {
      p =
          switch (Integer.parseInt(p)) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 33 -> "dccp";
            case 58 -> "icmpv6";
            case 132 -> "sctp";
            case 136 -> "udplite";
            default -> p;
          };
    }
    p = p.equals("ipv6-icmp") ? "icmpv6" : p;
    return PROTOCOL_MODULES.contains(p) ? p : null;
  }

  /** Whether the modelled match takes this option. */
  static boolean owns(String module, String opt) {
    return OPTIONS.getOrDefault(module, Set.of()).contains(opt);
  }

  Instance start(String name) {
    String n = name.equals("ipv6-icmp") ? "icmp6" : name;
    return new Instance(n.toLowerCase(Locale.ROOT));
  }

  /** One "-m NAME" and its options, turned into conditions when complete. */
  final class Instance {
    private final String name;
    private final List<Condition> conds = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();

    String name() {
      return name;
    }

    Instance(String name) {
      this.name = name;
      switch (name) {
        case "tcp" -> conds.add(ValuePool.proto(6));
        case "udp" -> conds.add(ValuePool.proto(17));
        case "sctp" -> conds.add(ValuePool.proto(132));
        case "udplite" -> conds.add(ValuePool.proto(136));
        case "dccp" -> conds.add(ValuePool.proto(33));
        case "icmp" -> conds.add(ValuePool.proto(1));
        case "icmp6", "icmpv6" -> conds.add(ValuePool.proto(58));
        case "multiport" -> conds.add(new Condition.Proto(PORT_PROTOCOLS));
        default -> {}
      }
    }

    List<Condition> conditions() {
      List<Condition> out = new ArrayList<>(conds);
      if (!unknown.isEmpty() || !MODELLED.contains(name)) {
        String opts = String.join(" ", unknown);
        out.add(
            new Condition.Unknown(
                "match '" + name + "'" + (opts.isEmpty() ? "" : " (" + opts + ")")));
      }
      return out;
    }

    void option(String opt, List<String> args, boolean neg) throws Problem {
      if (!MODELLED.contains(name)) {
        unknown.add((neg ? "! " : "") + opt + (args.isEmpty() ? "" : " " + String.join(" ", args)));
        return;
      }
      switch (name) {
        case "tcp", "udp", "sctp", "udplite", "dccp" -> ports(opt, args, neg);
        case "icmp", "icmp6", "icmpv6" -> icmp(opt, args, neg);
        case "multiport" -> multiport(opt, args, neg);
        case "iprange" -> iprange(opt, args, neg);
        case "state" -> state(opt, args, neg);
        case "conntrack" -> Conntrack.option(conds, unknown, opt, args, neg, family);
        case "comment" -> {
          if (!opt.equals("--comment")) {
            throw new Problem("unknown option " + opt + " for match comment");
          }
        }
        case "set" -> set(opt, args, neg);
        case "addrtype" -> addrtype(opt, args, neg);
        default -> throw new IllegalStateException(name);
      }
    }

    private void ports(String opt, List<String> args, boolean neg) throws Problem {
      switch (opt) {
        case "--sport", "--source-port" ->
            conds.add(new Condition.SrcPort(negate(portRange(RuleConverter.one(args, opt)), neg)));
        case "--dport", "--destination-port" ->
            conds.add(new Condition.DstPort(negate(portRange(RuleConverter.one(args, opt)), neg)));
        case "--tcp-flags" -> {
          if (args.size() != 2) {
            throw new Problem("--tcp-flags takes a mask and a comparison, e.g. SYN,RST SYN");
          }
          Bits f = TcpFlags.masked(flags(args.get(0)), flags(args.get(1)));
          conds.add(new Condition.Flags(neg ? f.complement() : f));
        }
        case "--syn" -> {
          Bits f =
              TcpFlags.masked(
                  TcpFlags.SYN | TcpFlags.RST | TcpFlags.ACK | TcpFlags.FIN, TcpFlags.SYN);
          conds.add(new Condition.Flags(neg ? f.complement() : f));
        }
        default -> unknown.add((neg ? "! " : "") + opt + " " + String.join(" ", args));
      }
    }

    private void icmp(String opt, List<String> args, boolean neg) throws Problem {
      if (!opt.equals("--icmp-type") && !opt.equals("--icmpv6-type")) {
        throw new Problem("unknown option " + opt + " for match " + name);
      }
      int[] tc = IcmpTypes.parse(RuleConverter.one(args, opt), !name.equals("icmp"));
      if (tc == null) {
        throw new Problem("unknown ICMP type '" + args.get(0) + "'");
      }
      if (tc[0] < 0) {
        if (neg) {
          conds.add(new Condition.AnyOf(List.of()));
        }
        return;
      }
      PortSet codes = tc[1] < 0 ? PortSet.range(0, 255) : PortSet.of(tc[1]);
      List<Condition> alt =
          List.of(new Condition.SrcPort(PortSet.of(tc[0])), new Condition.DstPort(codes));
      if (!neg) {
        conds.addAll(alt);
      } else {
        conds.add(
            new Condition.AnyOf(
                List.of(
                    List.of(new Condition.SrcPort(PortSet.of(tc[0]).complement())),
                    List.of(
                        new Condition.SrcPort(PortSet.of(tc[0])),
                        new Condition.DstPort(codes.complement())))));
      }
    }

    private void multiport(String opt, List<String> args, boolean neg) throws Problem {
      PortSet ps = PortSet.empty();
      for (String p : RuleConverter.one(args, opt).split(",")) {
        ps = ps.union(portRange(p));
      }
      ps = negate(ps, neg);
      switch (opt) {
        case "--sports", "--source-ports" -> conds.add(new Condition.SrcPort(ps));
        case "--dports", "--destination-ports" -> conds.add(new Condition.DstPort(ps));
        case "--ports" -> {
          if (neg) {
            // ! --ports: neither port is in the list.
            conds.add(new Condition.SrcPort(ps));
            conds.add(new Condition.DstPort(ps));
          } else {
            conds.add(new Condition.EitherPort(ps));
          }
        }
        default -> throw new Problem("unknown option " + opt + " for match multiport");
      }
    }

    private void iprange(String opt, List<String> args, boolean neg) throws Problem {
      String v = RuleConverter.one(args, opt);
      IpSet s =
          IpSet.tryParse(v.contains("-") ? v : v + "-" + v)
              .filter(x -> x.family().version() == family)
              .orElseThrow(
                  () ->
                      new Problem(opt + ": '" + v + "' is not an IPv" + family + " address range"));
      s = neg ? s.complement() : s;
      switch (opt) {
        case "--src-range" -> conds.add(new Condition.Src(s));
        case "--dst-range" -> conds.add(new Condition.Dst(s));
        default -> throw new Problem("unknown option " + opt + " for match iprange");
      }
    }

    private void state(String opt, List<String> args, boolean neg) throws Problem {
      if (!opt.equals("--state")) {
        throw new Problem("unknown option " + opt + " for match state");
      }
      conds.add(new Condition.Session(Conntrack.states(RuleConverter.one(args, opt), neg)));
    }

    private void set(String opt, List<String> args, boolean neg) throws Problem {
      if (!opt.equals("--match-set") && !opt.equals("--set")) {
        unknown.add((neg ? "! " : "") + opt + " " + String.join(" ", args));
        return;
      }
      if (args.size() != 2) {
        throw new Problem("--match-set takes a set name and flags (src, dst, ...)");
      }
      Condition c = ipsets.condition(args.get(0), args.get(1), neg, family);
      if (c instanceof Condition.Unknown u) {
        unknown.add(u.what());
      } else {
        conds.add(c);
      }
    }

    private void addrtype(String opt, List<String> args, boolean neg) throws Problem {
      switch (opt) {
        case "--src-type", "--dst-type" -> {
          Set<String> types = new LinkedHashSet<>();
          for (String t : RuleConverter.one(args, opt).split(",")) {
            types.add(t.toUpperCase(Locale.ROOT));
          }
          boolean source = opt.equals("--src-type");
          conds.add(
              family == 6
                  ? Ip6AddrType.condition(opt, source, types, neg)
                  : new Condition.AddrType(source, types, neg));
        }
        default -> unknown.add((neg ? "! " : "") + opt);
      }
    }
  }

  static PortSet negate(PortSet p, boolean neg) {
    return neg ? p.complement() : p;
  }

  /** "22", "http", "1024:65535", ":1023", "1024:"; iptables rejects "1024:22". */
  static PortSet portRange(String s) throws Problem {
    int colon = s.indexOf(':');
    if (colon < 0) {
      return PortSet.of(port(s));
    }
    int from = colon == 0 ? 0 : port(s.substring(0, colon));
    int to = colon == s.length() - 1 ? 65535 : port(s.substring(colon + 1));
    if (from > to) {
      throw new Problem("invalid port range '" + s + "' (the first port is above the last)");
    }
    return PortSet.range(from, to);
  }

  static int port(String s) throws Problem {
    OptionalInt p = Protocols.port(s);
    if (p.isEmpty()) {
      throw new Problem("'" + s + "' is not a port number or known service name");
    }
    return p.getAsInt();
  }

  /**
   * A --tcp-flags list as iptables reads it: FIN, SYN, RST, PSH, ACK, URG, ALL (the six of them,
   * not ECE and CWR) and NONE.
   */
  static int flags(String s) throws Problem {
    int m = 0;
    for (String f : s.split(",")) {
      m |=
          switch (f.trim().toUpperCase(Locale.ROOT)) {
            case "FIN" -> TcpFlags.FIN;
            case "SYN" -> TcpFlags.SYN;
            case "RST" -> TcpFlags.RST;
            case "PSH" -> TcpFlags.PSH;
            case "ACK" -> TcpFlags.ACK;
            case "URG" -> TcpFlags.URG;
            case "ALL" ->
                TcpFlags.FIN
                    | TcpFlags.SYN
                    | TcpFlags.RST
                    | TcpFlags.PSH
                    | TcpFlags.ACK
                    | TcpFlags.URG;
            case "NONE" -> 0;
            default -> throw new Problem("unknown TCP flag '" + f + "'");
          };
    }
    return m;
  }
}
