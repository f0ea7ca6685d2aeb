package dev.zpaaudit.eval;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SessionState;
import java.util.ArrayList;
import java.util.List;

/** Turns a rule's conditions into packet sets for one address family. */
final class Compiler {
  /** Protocols whose session tuple holds ports: TCP, UDP, DCCP, SCTP, UDP-Lite. */
  private static final Bits PORT_PROTOCOLS = Bits.of(256, 6, 17, 33, 132, 136);

  private final AddressFamily family;
  private final IfaceDomain domain;
  private final AddressFacts facts;
  private final Cube all;

  /** The ruleset's source NAT rules: their connections' reply tuples hold the new source. */
  private final List<Rule> sourceNatRules;

  /** Packets of connections that a source NAT rule may translate; computed on first use. */
  private List<Cube> translatable;

  Compiler(
      AddressFamily family, IfaceDomain domain, AddressFacts facts, List<Rule> sourceNatRules) {
    this.family = family;
    this.domain = domain;
    this.facts = facts;
    this.all = Cube.all(family, domain);
    this.sourceNatRules = List.copyOf(sourceNatRules);
  }

  Cube all() {
    return all;
  }

  CompiledMatch compile(List<Condition> conditions) {
    return compile(conditions, false);
  }

  /**
   * The match as tested before routing (arriving, delivered), where a packet has no output
   * interface yet: an output-interface test sees no interface, whichever one the packet leaves by
   * later.
   */
  CompiledMatch compileBeforeRouting(List<Condition> conditions) {
    return compile(conditions, true);
  }

  private CompiledMatch compile(List<Condition> conditions, boolean beforeRouting) {
    CompiledMatch m = CompiledMatch.always(all);
    for (Condition c : conditions) {
      m = m.and(one(c, beforeRouting));
      if (m.definite().isEmpty() && m.maybe().isEmpty()) {
        return m;
      }
    }
    return m;
  }

  private CompiledMatch one(Condition c, boolean beforeRouting) {
    if (c instanceof Condition.Src x) {
      return x.set().family() == family ? of(all.withSrc(x.set())) : CompiledMatch.never();
    }
    if (c instanceof Condition.Dst x) {
      return x.set().family() == family ? of(all.withDst(x.set())) : CompiledMatch.never();
    }
    if (c instanceof Condition.Family x) {
      return x.family() == family ? CompiledMatch.always(all) : CompiledMatch.never();
    }
    if (c instanceof Condition.Proto x) {
      return of(all.withProto(x.protocols()));
    }
    if (c instanceof Condition.SrcPort x) {
      return of(all.withSport(x.ports()));
    }
    if (c instanceof Condition.DstPort x) {
      return of(all.withDport(x.ports()));
    }
    if (c instanceof Condition.EitherPort x) {
      return of(all.withSport(x.ports()))
          .or(of(all.withDport(x.ports()).withSport(x.ports().complement())));
    }
    if (c instanceof Condition.Flags x) {
      return of(all.withFlags(x.flags()));
    }
    if (c instanceof Condition.InIface x) {
      return of(all.withIif(ifaces(x.patterns(), x.negated())));
    }
    if (c instanceof Condition.OutIface x) {
      Bits set = ifaces(x.patterns(), x.negated());
      if (beforeRouting) {
        boolean none = set.intersects(domain.exactly(IfaceDomain.NONE));
        return (none ? CompiledMatch.always(all) : CompiledMatch.never()).flags(false, true);
      }
      return of(all.withOif(set)).flags(false, true);
    }
    if (c instanceof Condition.Session x) {
      return of(all.withSession(x.states())).flags(true, false);
    }
    if (c instanceof Condition.SessionAddr x) {
      return sessionTuple(x.tuple(), all.withSrc(x.set()), all.withDst(x.set()), x.set().family());
    }
    if (c instanceof Condition.SessionPort x) {
      return sessionPort(x);
    }
    if (c instanceof Condition.AddrType x) {
      return addrType(x);
    }
    if (c instanceof Condition.AnyOf x) {
      CompiledMatch out = CompiledMatch.never();
      for (List<Condition> alt : x.alternatives()) {
        out = out.or(compile(alt, beforeRouting));
      }
      return out;
    }
    if (c instanceof Condition.Not x) {
      return compile(x.of(), beforeRouting).not(all);
    }
    if (c instanceof Condition.Unknown x) {
      return new CompiledMatch(List.of(), List.of(all), x.what(), false, false);
    }
    throw new IllegalStateException("unhandled condition " + c);
  }

  private static CompiledMatch of(Cube c) {
    return c.isEmpty() ? CompiledMatch.never() : CompiledMatch.always(c);
  }

  private Bits ifaces(List<String> patterns, boolean negated) {
    Bits s = domain.none();
    for (String p : patterns) {
      s = s.union(domain.matching(p));
    }
    return negated ? s.complement() : s;
  }

  /**
   * A test on the tracked connection's tuple. Without NAT, the original tuple is the packet's own
   * in the original direction and swapped in the reply direction; the reply tuple is the swap of
   * the original. RELATED packets belong to another connection: unknown. INVALID and UNTRACKED
   * packets have no tuple: no match.
   */
  private CompiledMatch sessionTuple(
      Condition.Tuple t, Cube onSrc, Cube onDst, AddressFamily setFamily) {
    if (setFamily != family) {
      return CompiledMatch.never();
    }
    boolean testsSourceSide = t == Condition.Tuple.ORIG_SRC || t == Condition.Tuple.REPLY_DST;
    Bits orig = SessionState.set(SessionState.NEW, SessionState.ESTABLISHED_ORIGINAL);
    Bits reply = SessionState.set(SessionState.ESTABLISHED_REPLY);
    Cube inOrig = (testsSourceSide ? onSrc : onDst).withSession(orig);
    Cube inReply = (testsSourceSide ? onDst : onSrc).withSession(reply);
    CompiledMatch known = of(inOrig).or(of(inReply));
    if (t == Condition.Tuple.REPLY_DST && !sourceNatRules.isEmpty()) {
      known = translatedMaybe(known);
    }
    Cube related =
        all.withSession(
            SessionState.set(SessionState.RELATED_ORIGINAL, SessionState.RELATED_REPLY));
    return known
        .or(
            new CompiledMatch(
                List.of(), List.of(related), "session tuple of a RELATED connection", false, false))
        .flags(true, false);
  }

  /**
   * A reply-tuple destination test where source NAT may have translated the connection: there the
   * tuple holds the new source, not the packet's, so the packets of connections that a source NAT
   * rule's own test admits (either direction) may or may not match.
   */
  private CompiledMatch translatedMaybe(CompiledMatch exact) {
    if (translatable == null) {
      List<Cube> cubes = new ArrayList<>();
      Bits states =
          SessionState.set(SessionState.ESTABLISHED_ORIGINAL, SessionState.ESTABLISHED_REPLY);
      Compiler plain = new Compiler(family, domain, facts, List.of());
      for (Rule r : sourceNatRules) {
        CompiledMatch m = plain.compile(r.match());
        List<Cube> admitted = new ArrayList<>(m.definite());
        admitted.addAll(m.maybe());
        for (Cube c : admitted) {
          Cube orig = c.withSession(SessionState.set(SessionState.ESTABLISHED_ORIGINAL));
          Cube reply = c.mirrored().withSession(SessionState.set(SessionState.ESTABLISHED_REPLY));
          for (Cube x : List.of(orig, reply)) {
            cubes.addAll(CompiledMatch.subtractAll(List.of(x), cubes));
          }
        }
      }
      translatable = cubes.stream().filter(c -> states.intersects(c.session())).toList();
    }
    List<Cube> definite = CompiledMatch.subtractAll(exact.definite(), translatable);
    List<Cube> maybe = new ArrayList<>(CompiledMatch.subtractAll(exact.maybe(), translatable));
    maybe.addAll(translatable);
    return new CompiledMatch(
        definite,
        maybe,
        "session reply-tuple destination of a connection that source NAT may have translated",
        exact.usesSession(),
        exact.usesOif());
  }

  /**
   * A test on the tracked connection's ports. Only protocols with ports have them in the tuple: for
   * the others the tuple holds other values (an ICMP echo's identifier and its type and code, which
   * a packet set does not carry as ports), so they may or may not match.
   */
  private CompiledMatch sessionPort(Condition.SessionPort x) {
    Cube ported = all.withProto(PORT_PROTOCOLS);
    CompiledMatch m =
        sessionTuple(x.tuple(), ported.withSport(x.ports()), ported.withDport(x.ports()), family);
    Cube others =
        all.withProto(PORT_PROTOCOLS.complement())
            .withSession(
                SessionState.set(
                    SessionState.NEW,
                    SessionState.ESTABLISHED_ORIGINAL,
                    SessionState.ESTABLISHED_REPLY));
    return m.or(
            new CompiledMatch(
                List.of(),
                List.of(others),
                "session tuple ports of a protocol without ports (for ICMP: the echo"
                    + " identifier, type and code)",
                false,
                false))
        .flags(true, false);
  }

  private CompiledMatch addrType(Condition.AddrType x) {
    List<IpSet> sets = facts.classify(family, x.types(), x.negated());
    IpSet definite = sets.get(0);
    IpSet unknown = sets.get(1);
    Cube d = x.source() ? all.withSrc(definite) : all.withDst(definite);
    Cube m = x.source() ? all.withSrc(unknown) : all.withDst(unknown);
    String what =
        "address type "
            + String.join(",", new java.util.TreeSet<>(x.types()))
            + " of an address whose type depends on the host's own addresses";
    return new CompiledMatch(
        d.isEmpty() ? List.of() : List.of(d),
        m.isEmpty() ? List.of() : List.of(m),
        what,
        false,
        false);
  }
}
