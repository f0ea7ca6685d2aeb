package dev.zpaaudit.eval;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What some pieces span in the fields rules test most (protocol, state, addresses, destination
 * port), so that a rule whose own test of one of them admits none of it is passed over without
 * being compiled: it could match none of the pieces. Most rules of a large ruleset are about other
 * networks, protocols or ports than the packets audited; this keeps the work per such rule a few
 * set tests, and keeps their compiled matches out of memory. The address spans are worked out on
 * first use.
 */
final class PieceBounds {
  private final List<Piece> pieces;
  private final AddressFamily family;
  private final Bits proto;
  private final Bits session;
  private final PortSet dport;
  private IpSet src;
  private IpSet dst;

  PieceBounds(List<Piece> pieces, AddressFamily family) {
    this.pieces = pieces;
    this.family = family;
    Cube first = pieces.get(0).cube();
    Bits p = first.proto();
    Bits s = first.session();
    PortSet d = first.dport();
    for (Piece piece : pieces) {
      Cube c = piece.cube();
      p = p == c.proto() ? p : p.union(c.proto());
      s = s == c.session() ? s : s.union(c.session());
      d = d == c.dport() ? d : d.union(c.dport());
    }
    this.proto = p;
    this.session = s;
    this.dport = d;
  }

  /** Whether a rule testing {@code match} certainly matches none of the pieces. */
  boolean missedBy(List<Condition> match) {
    for (Condition c : match) {
      if (missedBy(c)) {
        return true;
      }
    }
    return false;
  }

  private boolean missedBy(Condition c) {
    if (c instanceof Condition.Proto x) {
      return !x.protocols().intersects(proto);
    }
    if (c instanceof Condition.Session x) {
      return !x.states().intersects(session);
    }
    if (c instanceof Condition.DstPort x) {
      return x.ports().intersect(dport).isEmpty();
    }
    if (c instanceof Condition.Src x) {
      return x.set().family() != family || !x.set().intersects(src());
    }
    if (c instanceof Condition.Dst x) {
      return x.set().family() != family || !x.set().intersects(dst());
    }
    return false;
  }

  private IpSet src() {
    if (src == null) {
      src = union(true);
    }
    return src;
  }

  private IpSet dst() {
    if (dst == null) {
      dst = union(false);
    }
    return dst;
  }

  private IpSet union(boolean source) {
    List<IpSet> sets = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      sets.add(source ? p.cube().src() : p.cube().dst());
    }
    return IpSet.unionAll(family, sets);
  }
}
