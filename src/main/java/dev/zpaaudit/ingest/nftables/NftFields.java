package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.ingest.nftables.NftField.Kind;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The packet fields of nft expressions that the model represents. */
final class NftFields {
  private static final Map<String, Integer> L4 =
      Map.of("tcp", 6, "udp", 17, "udplite", 136, "sctp", 132, "dccp", 33);

  private NftFields() {}

  /** The field an expression reads, or a problem naming what is not modelled. */
  static NftField of(Tree left, String tableFamily) throws NftProblem {
    String text = NftText.expr(left, false);
    if (!(left instanceof Tree.Obj o) || o.fields().size() != 1) {
      throw new NftProblem("'" + text + "' is not modelled");
    }
    String k = o.fields().keySet().iterator().next();
    Tree.Obj b = o.fields().get(k) instanceof Tree.Obj x ? x : null;
    if (b == null) {
      throw new NftProblem("'" + text + "' is not modelled");
    }
    NftField f =
        switch (k) {
          case "payload" -> payload(text, str(b, "protocol"), str(b, "field"));
          case "meta" -> meta(text, str(b, "key"));
          case "ct" -> ct(text, str(b, "key"), str(b, "dir"), tableFamily);
          default -> null;
        };
    if (f == null) {
      throw new NftProblem("'" + text + "' is not modelled");
    }
    return f;
  }

  private static String str(Tree.Obj b, String key) {
    return b.fields().get(key) instanceof Tree.Scalar s && s.value() != null ? s.text() : "";
  }

  private static NftField payload(String text, String proto, String field) {
    Condition l4 =
        L4.containsKey(proto)
            ? new Condition.Proto(Bits.of(256, L4.get(proto)))
            : proto.equals("th") ? new Condition.Proto(NftField.TH_PROTOS) : null;
    if (l4 != null && (field.equals("sport") || field.equals("dport"))) {
      return ports(text, List.of(l4), field.equals("sport"));
    }
    if (proto.equals("tcp") && field.equals("flags")) {
      return new NftField(
          text,
          Kind.TCP_FLAGS,
          List.of(l4),
          v -> List.of(new Condition.Flags(((Val.Small) v).set())));
    }
    switch (proto + " " + field) {
      case "ip saddr", "ip6 saddr":
        return addr(text, proto.equals("ip") ? 4 : 6, s -> new Condition.Src(s));
      case "ip daddr", "ip6 daddr":
        return addr(text, proto.equals("ip") ? 4 : 6, s -> new Condition.Dst(s));
      case "ip protocol", "ip6 nexthdr":
        return new NftField(
            text,
            Kind.PROTO,
            List.of(
                new Condition.Family(proto.equals("ip") ? AddressFamily.IPV4 : AddressFamily.IPV6)),
            v -> List.of(new Condition.Proto(((Val.Small) v).set())));
      case "icmp type", "icmpv6 type", "icmp code", "icmpv6 code":
        boolean v6 = proto.equals("icmpv6");
        boolean type = field.equals("type");
        Kind kind =
            type
                ? (v6 ? Kind.ICMPV6_TYPE : Kind.ICMP_TYPE)
                : (v6 ? Kind.ICMPV6_CODE : Kind.ICMP_CODE);
        Condition dep = new Condition.Proto(Bits.of(256, v6 ? 58 : 1));
        return new NftField(
            text,
            kind,
            List.of(dep),
            v ->
                List.of(
                    type
                        ? new Condition.SrcPort(((Val.Ports) v).set())
                        : new Condition.DstPort(((Val.Ports) v).set())));
      default:
        return null;
    }
  }

  private static NftField ports(String text, List<Condition> deps, boolean source) {
    return new NftField(
        text,
        Kind.PORT,
        deps,
        v -> {
          PortSet p = ((Val.Ports) v).set();
          return List.of(source ? new Condition.SrcPort(p) : new Condition.DstPort(p));
        });
  }

  private static NftField addr(String text, int family, Function<IpSet, Condition> c) {
    return new NftField(
        text,
        family == 4 ? Kind.ADDR4 : Kind.ADDR6,
        List.of(),
        v -> List.of(c.apply(((Val.Addrs) v).set())));
  }

  private static NftField meta(String text, String key) {
    switch (key) {
      case "l4proto":
        return new NftField(
            text, Kind.PROTO, List.of(), v -> List.of(new Condition.Proto(((Val.Small) v).set())));
      case "nfproto":
        return new NftField(text, Kind.NFPROTO, List.of(), NftFields::family);
      case "protocol":
        return new NftField(text, Kind.ETHERTYPE, List.of(), NftFields::family);
      case "iifname", "iif":
        return new NftField(
            text,
            Kind.IFNAME,
            List.of(),
            v -> {
              Val.Names n = (Val.Names) v;
              return List.of(new Condition.InIface(n.patterns(), n.negated()));
            });
      case "oifname", "oif":
        return new NftField(
            text,
            Kind.IFNAME,
            List.of(),
            v -> {
              Val.Names n = (Val.Names) v;
              return List.of(new Condition.OutIface(n.patterns(), n.negated()));
            });
      default:
        return null;
    }
  }

  static List<Condition> family(Val v) {
    Bits b = ((Val.Small) v).set();
    if (b.contains(4) && b.contains(6)) {
      return List.of();
    }
    if (b.contains(4)) {
      return List.of(new Condition.Family(AddressFamily.IPV4));
    }
    if (b.contains(6)) {
      return List.of(new Condition.Family(AddressFamily.IPV6));
    }
    return List.of(new Condition.AnyOf(List.of()));
  }

  private static NftField ct(String text, String key, String dir, String tableFamily) {
    if (key.equals("protocol")) {
      return ctProtocol(text);
    }
    if (dir.isEmpty()) {
      return switch (key) {
        case "state" ->
            new NftField(
                text,
                Kind.CT_STATE,
                List.of(),
                v -> List.of(new Condition.Session(((Val.Small) v).set())));
        case "direction" ->
            new NftField(
                text,
                Kind.CT_DIR,
                List.of(),
                v -> List.of(new Condition.Session(((Val.Small) v).set())));
        default -> null;
      };
    }
    boolean orig = dir.equals("original");
    if (!orig && !dir.equals("reply")) {
      return null;
    }
    String[] w = key.split(" ");
    String what = w[w.length - 1];
    int family =
        w.length == 2
            ? (w[0].equals("ip") ? 4 : w[0].equals("ip6") ? 6 : 0)
            : tableFamily.equals("ip") ? 4 : tableFamily.equals("ip6") ? 6 : 0;
    switch (what) {
      case "saddr", "daddr":
        {
          if (family == 0) {
            return null;
          }
          Condition.Tuple t = tuple(orig, what.equals("saddr"));
          return addr(text, family, s -> new Condition.SessionAddr(t, s));
        }
      case "proto-src", "proto-dst":
        {
          Condition.Tuple t = tuple(orig, what.equals("proto-src"));
          return new NftField(
              text,
              Kind.PORT,
              List.of(),
              v -> List.of(new Condition.SessionPort(t, ((Val.Ports) v).set())));
        }
      default:
        return null;
    }
  }

  /**
   * {@code ct protocol} (in either direction): the connection's layer 4 protocol, which is the
   * packet's own for a packet of a tracked connection; a RELATED packet (an ICMP error) belongs to
   * another connection, whose protocol is not modelled; without conntrack the test never matches.
   * As iptables {@code -m conntrack --ctproto}, which iptables-translate writes this way.
   */
  private static NftField ctProtocol(String text) {
    Bits own =
        SessionState.set(
            SessionState.NEW, SessionState.ESTABLISHED_ORIGINAL, SessionState.ESTABLISHED_REPLY);
    Bits related = SessionState.set(SessionState.RELATED_ORIGINAL, SessionState.RELATED_REPLY);
    return new NftField(
        text,
        Kind.PROTO,
        List.of(),
        v ->
            List.of(
                new Condition.AnyOf(
                    List.of(
                        List.of(
                            new Condition.Proto(((Val.Small) v).set()), new Condition.Session(own)),
                        List.of(
                            new Condition.Session(related),
                            new Condition.Unknown("'" + text + "' of a RELATED connection"))))));
  }

  private static Condition.Tuple tuple(boolean orig, boolean src) {
    if (orig) {
      return src ? Condition.Tuple.ORIG_SRC : Condition.Tuple.ORIG_DST;
    }
    return src ? Condition.Tuple.REPLY_SRC : Condition.Tuple.REPLY_DST;
  }
}
