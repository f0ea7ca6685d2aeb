package dev.zpaaudit.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's match as packet sets: {@code definite} packets certainly match; {@code maybe} packets
 * match or not depending on something not modelled ({@code reason}). The two are disjoint, and each
 * list is made of disjoint cubes.
 */
record CompiledMatch(
    List<Cube> definite, List<Cube> maybe, String reason, boolean usesSession, boolean usesOif) {

  static CompiledMatch always(Cube all) {
    return new CompiledMatch(List.of(all), List.of(), null, false, false);
  }

  static CompiledMatch never() {
    return new CompiledMatch(List.of(), List.of(), null, false, false);
  }

  /** Everything that matched definitely or maybe now only maybe matches, for the given reason. */
  CompiledMatch allMaybe(String why) {
    List<Cube> m = new ArrayList<>(definite);
    m.addAll(maybe);
    return new CompiledMatch(List.of(), m, join(reason, why), usesSession, usesOif);
  }

  /** Conjunction of two matches. */
  CompiledMatch and(CompiledMatch o) {
    List<Cube> d = product(definite, o.definite);
    List<Cube> m = product(maybe, o.definite);
    m.addAll(product(maybe, o.maybe));
    m.addAll(product(definite, o.maybe));
    return new CompiledMatch(
        d, m, join(reason, o.reason), usesSession || o.usesSession, usesOif || o.usesOif);
  }

  /** Disjunction of two matches, kept disjoint. */
  CompiledMatch or(CompiledMatch o) {
    List<Cube> d = new ArrayList<>(definite);
    d.addAll(subtractAll(o.definite, definite));
    List<Cube> m = new ArrayList<>(maybe);
    m.addAll(subtractAll(o.maybe, maybe));
    m = subtractAll(m, d);
    return new CompiledMatch(
        d, m, join(reason, o.reason), usesSession || o.usesSession, usesOif || o.usesOif);
  }

  /**
   * Negation within {@code all}: what certainly does not match certainly matches the negation; what
   * maybe matches maybe matches it too.
   */
  CompiledMatch not(Cube all) {
    List<Cube> either = new ArrayList<>(definite);
    either.addAll(maybe);
    return new CompiledMatch(
        subtractAll(List.of(all), either), maybe, reason, usesSession, usesOif);
  }

  CompiledMatch flags(boolean session, boolean oif) {
    return new CompiledMatch(definite, maybe, reason, usesSession || session, usesOif || oif);
  }

  static List<Cube> product(List<Cube> a, List<Cube> b) {
    List<Cube> out = new ArrayList<>();
    for (Cube x : a) {
      for (Cube y : b) {
        Cube z = x.intersect(y);
        if (z != null) {
          out.add(z);
        }
      }
    }
    return out;
  }

  /** Each cube of {@code a} minus every cube of {@code b}. */
  static List<Cube> subtractAll(List<Cube> a, List<Cube> b) {
    List<Cube> cur = new ArrayList<>(a);
    for (Cube y : b) {
      List<Cube> next = new ArrayList<>();
      for (Cube x : cur) {
        next.addAll(x.minus(y));
      }
      cur = next;
    }
    return cur;
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.contains(b)) {
      return a;
    }
    return a + "; " + b;
  }
}
