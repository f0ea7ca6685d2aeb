package dev.zpaaudit.eval;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact first-match evaluation of a firewall over sets of packets. Packets are carried through the
 * stages of a path (every stage must accept), through each stage's filter rule by rule, into
 * jumped-to filters and back. Where a rule's test is not modelled, the packets it may match are
 * followed both ways: the fate the rule would give them is kept as a note, and an outcome whose
 * notes disagree with it is indeterminate.
 */
public final class Evaluator {
  /** How deep filters may call each other before the ruleset is taken to loop. */
  static final int MAX_DEPTH = 64;

  private final Firewall firewall;
  private final AddressFamily family;
  private final Compiler compiler;
  private final Map<Rule, CompiledMatch> compiled = new java.util.IdentityHashMap<>();
  private final Map<Rule, CompiledMatch> beforeRouting = new java.util.IdentityHashMap<>();

  /** Whether connection tracking is certainly on, so that NAT filters run. */
  private final boolean tracking;

  public Evaluator(
      Firewall firewall, AddressFamily family, IfaceDomain domain, AddressFacts facts) {
    this.firewall = firewall;
    this.family = family;
    List<Rule> natRules = SourceNatReplies.sourceNatRules(firewall);
    this.sourceNat = !natRules.isEmpty();
    this.compiler = new Compiler(family, domain, facts, natRules);
    this.tracking = Tracking.certain(firewall);
  }

  /** Whether any rule of the firewall translates sources (SNAT, MASQUERADE, NETMAP). */
  private final boolean sourceNat;

  private final MaybeMatches maybeMatches = new MaybeMatches(this);

  /** Evaluates packets (all of this evaluator's family) along the points of a path. */
  public List<Outcome> evaluate(List<Cube> packets, List<Point> path) {
    if (!firewall.families().contains(family)) {
      return unjudged(packets, Device.of(firewall).noRulesFor(family));
    }
    List<Piece> start = new ArrayList<>();
    for (Cube c : packets) {
      start.add(Piece.of(c));
    }
    List<Attachment> stages = stages(path);
    List<Outcome> out = new ArrayList<>();
    for (Fate f : runStages(start, stages, 0, stages.size())) {
      out.add(f.toOutcome());
    }
    return out;
  }

  /**
   * Evaluates reply packets (of this evaluator's family) along {@code replyPath}, for connections
   * opened along {@code openingPath}, with the source NAT that the opening packet met there: until
   * the device translates a reply back (as it arrives, before the translation at priority -100) its
   * destination is the translated source. {@code egressAddress} is the address MASQUERADE gives, or
   * null when it is not known.
   */
  public List<Outcome> evaluateReplies(
      List<Cube> replies, List<Point> replyPath, List<Point> openingPath, IpSet egressAddress) {
    if (!firewall.families().contains(family)) {
      return unjudged(replies, Device.of(firewall).noRulesFor(family));
    }
    List<Outcome> out = new ArrayList<>();
    SourceNatReplies nat = new SourceNatReplies(this, stages(replyPath), stages(openingPath));
    for (Fate f : nat.run(replies, egressAddress)) {
      out.add(f.toOutcome());
    }
    return out;
  }

  List<Attachment> stages(List<Point> path) {
    List<Attachment> stages = new ArrayList<>();
    for (Point h : path) {
      stages.addAll(firewall.attachedAt(h, family));
    }
    return stages;
  }

  Firewall firewall() {
    return firewall;
  }

  AddressFamily family() {
    return family;
  }

  boolean sourceNat() {
    return sourceNat;
  }

  /**
   * The outcomes of packets that no export judges (a device without rules for their family):
   * indeterminate, for {@code reason}.
   */
  public static List<Outcome> unjudged(List<Cube> packets, String reason) {
    List<Outcome> out = new ArrayList<>();
    for (Cube c : packets) {
      out.add(
          new Outcome(
              c,
              Verdict.INDETERMINATE,
              null,
              Trace.EMPTY,
              List.of(new Outcome.Doubt(null, Verdict.INDETERMINATE, reason))));
    }
    return out;
  }

  /**
   * Carries pieces through stages {@code from} (inclusive) to {@code to} (exclusive); those that
   * pass them all end as ALLOW fates.
   */
  List<Fate> runStages(List<Piece> pieces, List<Attachment> stages, int from, int to) {
    List<Fate> done = new ArrayList<>();
    List<Piece> cur = pieces;
    for (int k = from; k < to && !cur.isEmpty(); k++) {
      Attachment st = stages.get(k);
      List<Piece> entering = new ArrayList<>();
      List<Piece> next = new ArrayList<>();
      if (st.kind().firstPacketOnly()) {
        Cube newOnly = compiler.all().withSession(SessionState.set(SessionState.NEW));
        for (Piece p : cur) {
          Cube in = p.cube().intersect(newOnly);
          if (in != null) {
            entering.add(p.narrow(in));
          }
          for (Cube rest : p.cube().minus(newOnly)) {
            next.add(p.narrow(rest));
          }
        }
      } else {
        entering = cur;
      }
      Out out = new Out(st, k);
      Filter filter = firewall.filter(st.filter());
      runFilter(filter, entering, out, 0);
      for (Piece p : out.returned) {
        Rule policy = filter.defaultRule();
        Piece q = p.withTrace(p.trace().then(st, filter.name(), policy, true));
        if (policy.action() instanceof Action.Accept) {
          out.accepted.add(q);
        } else {
          out.fates.add(new Fate(q, Verdict.DENY, policy, null));
        }
      }
      for (Piece p : out.accepted) {
        next.add(p.withNotes(dropStageAccepts(p.notes(), k)));
      }
      if (st.kind() == Attachment.Kind.TRANSLATION && !tracking) {
        untrackedNat(out, k, next);
      }
      for (Fate f : out.fates) {
        done.addAll(resolveStageAccepts(f, stages, k, to));
      }
      cur = next;
    }
    for (Piece p : cur) {
      done.add(new Fate(p, Verdict.ALLOW, null, null));
    }
    return done;
  }

  /**
   * Without connection tracking the kernel skips NAT filters. When nothing in the ruleset turns
   * tracking on, what a NAT filter stops may instead go on: it does, carrying what the filter would
   * have done as a note, so a later stage that stops it too gives a definite verdict and one that
   * lets it through an indeterminate one.
   */
  private static void untrackedNat(Out out, int k, List<Piece> next) {
    for (Fate f : out.fates) {
      Piece p = f.piece().withNotes(dropStageAccepts(f.piece().notes(), k));
      String why =
          "NAT rules run only while connection tracking is on, and nothing in this"
              + " ruleset turns it on"
              + (f.reason() == null ? "" : "; " + f.reason());
      next.add(p.note(new Note(f.verdict(), f.rule(), why, Note.NO_STAGE, null)));
    }
    out.fates.clear();
  }

  private static Note dropStageAccepts(Note n, int stage) {
    if (n == null) {
      return null;
    }
    Note rest = dropStageAccepts(n.next(), stage);
    if (n.stage() == stage) {
      return rest;
    }
    return rest == n.next()
        ? n
        : new Note(n.verdict(), n.rule(), n.test(), n.reason(), n.stage(), rest);
  }

  /**
   * A piece stopped in stage k may instead have been accepted there by a rule with an unmodelled
   * test; then the later stages decide. Those fates become notes on the piece.
   */
  private List<Fate> resolveStageAccepts(Fate f, List<Attachment> stages, int k, int to) {
    List<Note> alternatives = new ArrayList<>();
    for (Note n = f.piece().notes(); n != null; n = n.next()) {
      if (n.stage() == k) {
        alternatives.add(n);
      }
    }
    if (alternatives.isEmpty()) {
      return List.of(f);
    }
    Piece base = f.piece().withNotes(dropStageAccepts(f.piece().notes(), k));
    List<Piece> parts = List.of(base);
    Piece fresh = new Piece(base.cube(), base.origSession(), base.trace(), null);
    for (Fate alt : runStages(List.of(fresh), stages, k + 1, to)) {
      for (Note a : alternatives) {
        String why = a.reason() + " (if it matches, " + a.rule().location() + " accepts)";
        Rule r = alt.rule() != null ? alt.rule() : a.rule();
        parts =
            annotate(
                parts,
                alt.piece().cube(),
                new Note(alt.verdict(), r, a.test(), why, Note.NO_STAGE, null));
        for (Note inner = alt.piece().notes(); inner != null; inner = inner.next()) {
          parts = annotate(parts, alt.piece().cube(), inner);
        }
      }
    }
    List<Fate> out = new ArrayList<>();
    for (Piece p : parts) {
      out.add(new Fate(p, f.verdict(), f.rule(), f.reason()));
    }
    return out;
  }

  /** Adds a note to the packets of {@code pieces} that lie in {@code where}, splitting pieces. */
  static List<Piece> annotate(List<Piece> pieces, Cube where, Note note) {
    List<Piece> out = new ArrayList<>(pieces.size() + 1);
    for (Piece p : pieces) {
      Cube in = p.cube().intersect(where);
      if (in == null) {
        out.add(p);
        continue;
      }
      out.add(p.narrow(in).note(note));
      for (Cube rest : p.cube().minus(where)) {
        out.add(p.narrow(rest));
      }
    }
    return out;
  }

  /** What a filter did with the pieces it was given. */
  static final class Out {
    final Attachment stage;
    final int index;
    final List<Piece> accepted = new ArrayList<>();
    final List<Piece> returned = new ArrayList<>();
    final List<Fate> fates = new ArrayList<>();

    Out(Attachment stage, int index) {
      this.stage = stage;
      this.index = index;
    }
  }

  private CompiledMatch match(Rule r, Attachment st) {
    CompiledMatch m = compiled.computeIfAbsent(r, x -> compiler.compile(x.match()));
    if (m.usesOif() && (st.point() == Point.ARRIVING || st.point() == Point.DELIVERED)) {
      // tested against no interface, not the one the packet leaves by later; still only maybe:
      // readers cannot say whether a negated test holds for a packet without one
      m =
          beforeRouting
              .computeIfAbsent(r, x -> compiler.compileBeforeRouting(x.match()))
              .allMaybe("output interface tested before routing (" + st.label() + ")");
    }
    if (m.usesSession() && st.kind() == Attachment.Kind.BEFORE_SESSIONS) {
      m = m.allMaybe("connection state tested before connection tracking (" + st.label() + ")");
    }
    if (sourceNat && SourceNatReplies.seesTranslatedSource(st) && SourceNatReplies.testsSource(r)) {
      m =
          m.allMaybe(
              "source tested after source NAT (" + st.label() + "), where it may be translated");
    }
    return m;
  }

  void runFilter(Filter filter, List<Piece> in, Out out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException(
          "filters call each other more than " + MAX_DEPTH + " deep at " + filter.name());
    }
    List<Piece> cur = in;
    PieceBounds bounds = null;
    for (Rule r : filter.rules()) {
      if (cur.isEmpty()) {
        return;
      }
      bounds = bounds == null ? new PieceBounds(cur, family) : bounds;
      if (bounds.missedBy(r.match())) {
        continue;
      }
      CompiledMatch m = match(r, out.stage);
      if (m.definite().isEmpty() && m.maybe().isEmpty()) {
        continue;
      }
      List<Piece> next = new ArrayList<>();
      List<Piece> hit = new ArrayList<>();
      List<Piece> maybe = new ArrayList<>();
      MatchSplit.split(cur, m, hit, maybe, next);
      if (!hit.isEmpty()) {
        act(filter, r, hit, out, next, depth);
      }
      if (!maybe.isEmpty()) {
        next.addAll(maybeMatches.act(filter, r, maybe, out, depth, m.reason()));
      }
      bounds = hit.isEmpty() && maybe.isEmpty() ? bounds : null;
      cur = next;
    }
    out.returned.addAll(cur);
  }

  private void act(Filter filter, Rule r, List<Piece> hit, Out out, List<Piece> next, int depth) {
    Action a = r.action();
    if (a instanceof Action.Continue) {
      next.addAll(hit);
      return;
    }
    List<Piece> traced = new ArrayList<>(hit.size());
    for (Piece p : hit) {
      traced.add(p.withTrace(p.trace().then(out.stage, filter.name(), r, false)));
    }
    if (a instanceof Action.Accept || a instanceof Action.SrcNat) {
      out.accepted.addAll(traced);
    } else if (a instanceof Action.Drop || a instanceof Action.Reject) {
      traced.forEach(p -> out.fates.add(new Fate(p, Verdict.DENY, r, null)));
    } else if (a instanceof Action.Return) {
      out.returned.addAll(traced);
    } else if (a instanceof Action.Jump j) {
      Out sub = new Out(out.stage, out.index);
      runFilter(target(j.filter()), traced, sub, depth + 1);
      out.accepted.addAll(sub.accepted);
      out.fates.addAll(sub.fates);
      next.addAll(sub.returned);
    } else if (a instanceof Action.Goto g) {
      Out sub = new Out(out.stage, out.index);
      runFilter(target(g.filter()), traced, sub, depth + 1);
      out.accepted.addAll(sub.accepted);
      out.fates.addAll(sub.fates);
      out.returned.addAll(sub.returned);
    } else if (a instanceof Action.Untrack) {
      for (Piece p : traced) {
        next.add(
            new Piece(
                p.cube().withSession(dev.zpaaudit.model.SessionState.set(SessionState.UNTRACKED)),
                p.origSession(),
                p.trace(),
                p.notes()));
      }
    } else if (a instanceof Action.DestNat) {
      traced.forEach(
          p ->
              out.fates.add(
                  new Fate(
                      p,
                      Verdict.INDETERMINATE,
                      r,
                      "destination NAT ("
                          + a.text()
                          + ") rewrites where the packets go; not modelled")));
    } else {
      traced.forEach(p -> out.fates.add(new Fate(p, Verdict.INDETERMINATE, r, a.text())));
    }
  }

  Filter target(String name) {
    Filter c = firewall.filter(name);
    if (c == null) {
      throw new IllegalStateException("jump to unknown filter " + name);
    }
    return c;
  }
}
