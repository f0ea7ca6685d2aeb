package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.ingest.Protocols;
import dev.zpaaudit.ingest.iptables.RuleConverter.Problem;
import dev.zpaaudit.ingest.netfilter.ConntrackStates;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import java.util.List;
import java.util.OptionalInt;

/** The state and conntrack matches. */
final class Conntrack {
  private Conntrack() {}

  /** "NEW,ESTABLISHED" (iptables also knows SNAT and DNAT virtual states: not modelled). */
  static Bits states(String list, boolean neg) throws Problem {
    Bits b = Bits.none(SessionState.COUNT);
    for (String s : list.split(",")) {
      try {
        b = b.union(ConntrackStates.forKeyword(s.trim()));
      } catch (IllegalArgumentException e) {
        throw new Problem(e.getMessage());
      }
    }
    return neg ? b.complement() : b;
  }

  /** Whether a --ctstate list names the virtual SNAT or DNAT state. */
  private static boolean namesNatState(String list) {
    for (String s : list.split(",")) {
      String k = s.trim();
      if (k.equalsIgnoreCase("SNAT") || k.equalsIgnoreCase("DNAT")) {
        return true;
      }
    }
    return false;
  }

  static void option(
      List<Condition> conds,
      List<String> unknown,
      String opt,
      List<String> args,
      boolean neg,
      int family)
      throws Problem {
    switch (opt) {
      case "--ctstate" -> {
        String v = RuleConverter.one(args, opt);
        if (namesNatState(v)) {
          unknown.add((neg ? "! " : "") + opt + " " + v);
        } else {
          conds.add(new Condition.Session(states(v, neg)));
        }
      }
      case "--ctproto" -> {
        String v = RuleConverter.one(args, opt);
        OptionalInt p = Protocols.protocol(v);
        if (p.isEmpty()) {
          throw new Problem("unknown protocol '" + v + "'");
        }
        Bits b = Bits.of(256, p.getAsInt());
        Bits tracked =
            SessionState.set(
                SessionState.NEW,
                SessionState.ESTABLISHED_ORIGINAL,
                SessionState.ESTABLISHED_REPLY);
        conds.add(
            new Condition.AnyOf(
                List.of(
                    List.of(
                        new Condition.Proto(neg ? b.complement() : b),
                        new Condition.Session(tracked)),
                    List.of(
                        new Condition.Session(
                            SessionState.set(
                                SessionState.RELATED_ORIGINAL, SessionState.RELATED_REPLY)),
                        new Condition.Unknown("conntrack --ctproto of a RELATED connection")))));
      }
      case "--ctorigsrc" -> conds.add(addr(Condition.Tuple.ORIG_SRC, args, opt, neg, family));
      case "--ctorigdst" -> conds.add(addr(Condition.Tuple.ORIG_DST, args, opt, neg, family));
      case "--ctreplsrc" -> conds.add(addr(Condition.Tuple.REPLY_SRC, args, opt, neg, family));
      case "--ctrepldst" -> conds.add(addr(Condition.Tuple.REPLY_DST, args, opt, neg, family));
      case "--ctorigsrcport" -> conds.add(port(Condition.Tuple.ORIG_SRC, args, opt, neg));
      case "--ctorigdstport" -> conds.add(port(Condition.Tuple.ORIG_DST, args, opt, neg));
      case "--ctreplsrcport" -> conds.add(port(Condition.Tuple.REPLY_SRC, args, opt, neg));
      case "--ctrepldstport" -> conds.add(port(Condition.Tuple.REPLY_DST, args, opt, neg));
      case "--ctdir" -> {
        String v = RuleConverter.one(args, opt).toUpperCase(java.util.Locale.ROOT);
        Bits orig =
            SessionState.set(
                SessionState.NEW, SessionState.ESTABLISHED_ORIGINAL, SessionState.RELATED_ORIGINAL);
        Bits reply = SessionState.reply();
        Bits want =
            switch (v) {
              case "ORIGINAL" -> neg ? reply : orig;
              case "REPLY" -> neg ? orig : reply;
              default -> throw new Problem("--ctdir takes ORIGINAL or REPLY, not '" + v + "'");
            };
        conds.add(new Condition.Session(want));
      }
      default ->
          unknown.add(
              (neg ? "! " : "") + opt + (args.isEmpty() ? "" : " " + String.join(" ", args)));
    }
  }

  private static Condition addr(
      Condition.Tuple t, List<String> args, String opt, boolean neg, int family) throws Problem {
    String v = RuleConverter.one(args, opt);
    IpSet s =
        IpSet.tryParse(v)
            .filter(x -> x.family().version() == family)
            .orElseThrow(
                () ->
                    new Problem(
                        opt + ": '" + v + "' is not an IPv" + family + " address or network"));
    return new Condition.SessionAddr(t, neg ? s.complement() : s);
  }

  private static Condition port(Condition.Tuple t, List<String> args, String opt, boolean neg)
      throws Problem {
    PortSet p = MatchModules.portRange(RuleConverter.one(args, opt));
    return new Condition.SessionPort(t, neg ? p.complement() : p);
  }
}
