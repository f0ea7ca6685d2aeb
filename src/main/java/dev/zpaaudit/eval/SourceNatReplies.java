package dev.zpaaudit.eval;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SessionState;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies to connections whose opening packet met source NAT. The kernel translates a reply back
 * (its destination becomes the connector's address again) as it arrives, at the translation's
 * priority, -100: filters before that (raw at -300, mangle at -150) see the translated address, the
 * rest the connector's. The NAT rule that applied is found by running the opening packet through
 * the NAT stages of its own path. The kernel picks one translated address and port per connection;
 * where the rules before the translation back treat the candidates differently, the verdict is
 * indeterminate, naming the NAT rule.
 */
final class SourceNatReplies {
  /** Where replies are translated back as they arrive (the arriving translation's priority). */
  static final int REPLY_NAT_PRIORITY = -100;

  /** Where sources are translated as packets leave (the leaving translation's priority). */
  static final int SOURCE_NAT_PRIORITY = 100;

  private final Evaluator ev;
  private final List<Attachment> replyStages;
  private final List<Attachment> openingStages;

  SourceNatReplies(Evaluator ev, List<Attachment> replyStages, List<Attachment> openingStages) {
    this.ev = ev;
    this.replyStages = replyStages;
    this.openingStages = openingStages;
  }

  /**
   * How one part of the replies' connections was translated, if at all; {@code opening} the rules
   * the connection's first packet met on the way to the translation, which a reply's trace starts
   * with so that it shows where its address comes from.
   */
  private record Translation(
      Cube reply, Action.SrcNat nat, Rule rule, String doubt, Trace opening) {
    Translation(Cube reply, Action.SrcNat nat, Rule rule, String doubt) {
      this(reply, nat, rule, doubt, Trace.EMPTY);
    }
  }

  /** The rules that translate sources (SNAT, MASQUERADE, NETMAP), in no particular order. */
  static List<Rule> sourceNatRules(Firewall fw) {
    List<Rule> out = new ArrayList<>();
    for (Filter c : fw.filters().values()) {
      for (Rule r : c.rules()) {
        if (r.action() instanceof Action.SrcNat) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** A filter on leaving packets after source NAT sees the translated source. */
  static boolean seesTranslatedSource(Attachment st) {
    return st.point() == Point.LEAVING
        && st.priority() > SOURCE_NAT_PRIORITY
        && st.kind() != Attachment.Kind.TRANSLATION;
  }

  /** Whether the rule's match may depend on the packet's source address or port. */
  static boolean testsSource(Rule r) {
    return testsSource(r.match());
  }

  private static boolean testsSource(List<Condition> conds) {
    for (Condition c : conds) {
      if (c instanceof Condition.Src
          || c instanceof Condition.SrcPort
          || c instanceof Condition.EitherPort
          || c instanceof Condition.Unknown
          || c instanceof Condition.AddrType t && t.source()
          || c instanceof Condition.AnyOf any
              && any.alternatives().stream().anyMatch(SourceNatReplies::testsSource)
          || c instanceof Condition.Not not && testsSource(not.of())) {
        return true;
      }
    }
    return false;
  }

  List<Fate> run(List<Cube> replies, IpSet egressAddress) {
    int translatedUntil = 0;
    while (translatedUntil < replyStages.size()
        && beforeReplyNat(replyStages.get(translatedUntil))) {
      translatedUntil++;
    }
    Attachment tie = tieStage();
    List<Piece> start = new ArrayList<>();
    replies.forEach(c -> start.add(Piece.of(c)));
    if (!ev.sourceNat() || (allPass(translatedUntil) && tie == null)) {
      return ev.runStages(start, replyStages, 0, replyStages.size());
    }
    List<Fate> out = new ArrayList<>();
    for (Cube r : replies) {
      for (Translation t : translations(r)) {
        out.addAll(runTranslated(t, translatedUntil, tie, egressAddress));
      }
    }
    return out;
  }

  private static boolean beforeReplyNat(Attachment st) {
    return st.point() == Point.ARRIVING && st.priority() < REPLY_NAT_PRIORITY;
  }

  /** A filtering filter at the NAT priority runs before or after it as the filters were loaded. */
  private Attachment tieStage() {
    for (Attachment st : replyStages) {
      if (st.point() == Point.ARRIVING
          && st.priority() == REPLY_NAT_PRIORITY
          && st.kind() != Attachment.Kind.TRANSLATION
          && !passesAll(st)) {
        return st;
      }
    }
    return null;
  }

  private boolean allPass(int until) {
    for (int k = 0; k < until; k++) {
      if (!passesAll(replyStages.get(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean passesAll(Attachment st) {
    Filter c = ev.firewall().filter(st.filter());
    return c.rules().isEmpty() && c.defaultRule().action() instanceof Action.Accept;
  }

  /** The opening packet of the connection a reply answers. */
  private static Cube opening(Cube r) {
    Cube o = r.mirrored().withSession(SessionState.set(SessionState.NEW));
    return r.proto().contains(6) ? o.withFlags(dev.zpaaudit.model.TcpFlags.syn()) : o;
  }

  /** The replies to the connections of opening packets {@code o}, within replies {@code r}. */
  private static Cube replyTo(Cube o, Cube r) {
    Cube back = o.mirrored();
    return r.withSrc(back.src())
        .withDst(back.dst())
        .withSport(back.sport())
        .withDport(back.dport())
        .withIif(back.iif())
        .withOif(back.oif());
  }

  /** Splits the replies by the source NAT their connections met on the opening path. */
  private List<Translation> translations(Cube r) {
    List<Translation> done = new ArrayList<>();
    List<Piece> cur = List.of(Piece.of(opening(r)));
    for (int k = 0; k < openingStages.size() && !cur.isEmpty(); k++) {
      Attachment st = openingStages.get(k);
      if (st.kind() != Attachment.Kind.TRANSLATION) {
        continue;
      }
      Filter filter = ev.firewall().filter(st.filter());
      Evaluator.Out out = new Evaluator.Out(st, k);
      ev.runFilter(filter, cur, out, 0);
      List<Piece> next = new ArrayList<>();
      for (Piece p : out.accepted) {
        Rule last = p.trace().decidingRule();
        if (p.notes() != null) {
          done.add(doubtful(p, r));
        } else if (last != null && last.action() instanceof Action.SrcNat sn) {
          done.add(new Translation(replyTo(p.cube(), r), sn, last, null, p.trace()));
        } else {
          next.add(p);
        }
      }
      boolean policyPasses = filter.defaultRule().action() instanceof Action.Accept;
      for (Piece p : out.returned) {
        if (p.notes() != null) {
          done.add(doubtful(p, r));
        } else if (policyPasses) {
          next.add(p);
        } else {
          done.add(new Translation(replyTo(p.cube(), r), null, null, null));
        }
      }
      for (Fate f : out.fates) {
        Piece p = f.piece();
        done.add(
            f.verdict() == Verdict.DENY && p.notes() == null
                ? new Translation(replyTo(p.cube(), r), null, null, null)
                : new Translation(
                    replyTo(p.cube(), r),
                    null,
                    f.rule(),
                    "what NAT does to the connection is not modelled ("
                        + (f.reason() == null ? f.rule().actionText() : f.reason())
                        + ")"));
      }
      cur = next;
    }
    for (Piece p : cur) {
      done.add(
          p.notes() == null
              ? new Translation(replyTo(p.cube(), r), null, null, null)
              : doubtful(p, r));
    }
    return done;
  }

  private static Translation doubtful(Piece p, Cube r) {
    Note n = p.notes();
    return new Translation(
        replyTo(p.cube(), r),
        null,
        n.rule(),
        "whether source NAT applies to the connection depends on a test that is not modelled ("
            + n.reason()
            + ")");
  }

  private List<Fate> runTranslated(
      Translation t, int translatedUntil, Attachment tie, IpSet egressAddress) {
    List<Attachment> stages = replyStages;
    if (t.nat() == null && t.doubt() == null) {
      return ev.runStages(List.of(Piece.of(t.reply())), stages, 0, stages.size());
    }
    Cube reply = t.reply();
    IpSet to = translatedAddress(t, egressAddress);
    String doubt = t.doubt() != null ? t.doubt() : unknownAddress(t, egressAddress);
    PortSet ports = t.nat() == null ? PortSet.all() : translatedPorts(t.nat(), reply.dport());
    Cube translated = reply.withDst(to).withDport(ports);
    String why =
        doubt != null
            ? doubt
            : "the kernel gives each connection one address and port of "
                + to
                + " port "
                + ports
                + " ("
                + t.rule().location()
                + "), and the rules before replies are translated back treat them differently";
    List<Fate> out = new ArrayList<>();
    List<Piece> through = new ArrayList<>();
    for (Fate f :
        ev.runStages(
            List.of(new Piece(translated, translated.session(), t.opening(), null)),
            stages,
            0,
            translatedUntil)) {
      Cube c = f.piece().cube();
      boolean partial = !c.dst().equals(translated.dst()) || !c.dport().equals(translated.dport());
      Piece back = f.piece().narrow(c.withDst(reply.dst()).withDport(reply.dport()));
      if (f.verdict() == Verdict.ALLOW && f.rule() == null && !untracked(c)) {
        through.add(partial ? back.note(doubt(t.rule(), why)) : back);
      } else {
        out.add(decidedBeforeTranslation(f, back, partial, why, t));
      }
    }
    if (tie != null) {
      Note n =
          doubt(
              t.rule(),
              "the filter of "
                  + tie.label()
                  + " has the NAT priority "
                  + REPLY_NAT_PRIORITY
                  + ": whether it sees replies before or after they are translated back depends on"
                  + " the order the filters were loaded");
      through.replaceAll(p -> p.note(n));
    }
    out.addAll(ev.runStages(through, stages, translatedUntil, stages.size()));
    return out;
  }

  private static boolean untracked(Cube c) {
    return c.session().contains(SessionState.UNTRACKED.ordinal());
  }

  /**
   * The fate of replies that did not pass the stages before the translation back on their own: a
   * denial of some of the translated candidates only is indeterminate; replies exempted from
   * connection tracking are never translated back to the connector.
   */
  private static Fate decidedBeforeTranslation(
      Fate f, Piece back, boolean partial, String why, Translation t) {
    if (f.verdict() == Verdict.ALLOW && f.rule() == null) {
      return new Fate(
          back,
          Verdict.INDETERMINATE,
          back.trace().decidingRule(),
          "replies exempted from connection tracking are not translated back to the connector"
              + (t.rule() == null
                  ? ""
                  : " (" + t.rule().location() + " translated the connection)"));
    }
    return partial && f.verdict() == Verdict.DENY
        ? new Fate(back, Verdict.INDETERMINATE, f.rule(), why)
        : new Fate(back, f.verdict(), f.rule(), f.reason());
  }

  private static Note doubt(Rule rule, String why) {
    return new Note(Verdict.INDETERMINATE, rule, why, Note.NO_STAGE, null);
  }

  private IpSet translatedAddress(Translation t, IpSet egressAddress) {
    if (t.doubt() != null) {
      return IpSet.all(ev.family());
    }
    if (t.nat().masquerade()) {
      return egressAddress != null ? egressAddress : IpSet.all(ev.family());
    }
    return t.nat().addresses(ev.family()).orElse(IpSet.all(ev.family()));
  }

  private String unknownAddress(Translation t, IpSet egressAddress) {
    if (t.nat().masquerade() && egressAddress == null) {
      return t.nat().text()
          + " at "
          + t.rule().location()
          + " gives the connection the address of the interface it leaves by, which is not"
          + " known: give it with --egress-address";
    }
    if (!t.nat().masquerade() && t.nat().addresses(ev.family()).isEmpty()) {
      return "the address that " + t.rule().location() + " translates to is not modelled";
    }
    return null;
  }

  /**
   * The ports a connection's source port may become: the rule's, or where it gives none the same
   * port or another of its class (1-511, 600-1023, 1024-65535, as the kernel picks on a clash).
   */
  static PortSet translatedPorts(Action.SrcNat nat, PortSet original) {
    if (nat.ports() != null) {
      return nat.ports();
    }
    PortSet out = original;
    int[][] classes = {{0, 511, 1, 511}, {512, 1023, 600, 1023}, {1024, 65535, 1024, 65535}};
    for (int[] c : classes) {
      if (!original.intersect(PortSet.range(c[0], c[1])).isEmpty()) {
        out = out.union(PortSet.range(c[2], c[3]));
      }
    }
    return out;
  }
}
