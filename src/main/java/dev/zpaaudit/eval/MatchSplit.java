package dev.zpaaudit.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits pieces by a rule's match: the packets it certainly matches, those it may, and the rest.
 */
final class MatchSplit {
  private MatchSplit() {}

  static void split(
      List<Piece> cur, CompiledMatch m, List<Piece> hit, List<Piece> maybe, List<Piece> rest) {
    for (Piece p : cur) {
      List<Cube> remaining = List.of(p.cube());
      for (Cube d : m.definite()) {
        remaining = cut(p, remaining, d, hit);
      }
      for (Cube d : m.maybe()) {
        remaining = cut(p, remaining, d, maybe);
      }
      for (Cube c : remaining) {
        rest.add(remaining.size() == 1 && c == p.cube() ? p : p.narrow(c));
      }
    }
  }

  private static List<Cube> cut(Piece p, List<Cube> remaining, Cube by, List<Piece> into) {
    List<Cube> left = null;
    for (int i = 0; i < remaining.size(); i++) {
      Cube c = remaining.get(i);
      Cube in = c.intersect(by);
      if (in == null) {
        if (left != null) {
          left.add(c);
        }
        continue;
      }
      if (left == null) {
        left = new ArrayList<>(remaining.subList(0, i));
      }
      into.add(in.equals(p.cube()) ? p : p.narrow(in));
      left.addAll(c.minus(by));
    }
    return left == null ? remaining : left;
  }
}
