package dev.zpaaudit.eval;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of packets that is the product of one set per header field: every combination of a source
 * in {@code src}, a destination in {@code dst}, a protocol in {@code proto}, and so on. ICMP
 * packets carry their type in {@code sport} and code in {@code dport}; non-TCP packets have TCP
 * flags 0. Equality is written out (not the record's own, which goes through method handles):
 * splitting compares cubes once a rule, at start-up.
 */
public record Cube(
    AddressFamily family,
    IpSet src,
    IpSet dst,
    Bits proto,
    PortSet sport,
    PortSet dport,
    Bits flags,
    Bits iif,
    Bits oif,
    Bits session) {

  @Override
  public boolean equals(Object o) {
    return o instanceof Cube c
        && c.family == family
        && c.src.equals(src)
        && c.dst.equals(dst)
        && c.proto.equals(proto)
        && c.sport.equals(sport)
        && c.dport.equals(dport)
        && c.flags.equals(flags)
        && c.iif.equals(iif)
        && c.oif.equals(oif)
        && c.session.equals(session);
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, src, dst, proto, sport, dport, flags, iif, oif, session);
  }

  public static Cube all(AddressFamily family, IfaceDomain d) {
    return new Cube(
        family,
        IpSet.all(family),
        IpSet.all(family),
        Bits.all(256),
        PortSet.all(),
        PortSet.all(),
        Bits.all(256),
        d.all(),
        d.all(),
        Bits.all(dev.zpaaudit.model.SessionState.COUNT));
  }

  public boolean isEmpty() {
    return src.isEmpty()
        || dst.isEmpty()
        || proto.isEmpty()
        || sport.isEmpty()
        || dport.isEmpty()
        || flags.isEmpty()
        || iif.isEmpty()
        || oif.isEmpty()
        || session.isEmpty();
  }

  /** The intersection, or null when it is empty (the common case in evaluation). */
  public Cube intersect(Cube o) {
    if (o.family != family) {
      return null;
    }
    Bits p = proto.intersect(o.proto);
    if (p.isEmpty()) {
      return null;
    }
    Bits c = session.intersect(o.session);
    if (c.isEmpty()) {
      return null;
    }
    PortSet dp = dport.intersect(o.dport);
    if (dp.isEmpty()) {
      return null;
    }
    PortSet sp = sport.intersect(o.sport);
    if (sp.isEmpty()) {
      return null;
    }
    Bits f = flags.intersect(o.flags);
    if (f.isEmpty()) {
      return null;
    }
    Bits i = iif.intersect(o.iif);
    if (i.isEmpty()) {
      return null;
    }
    Bits x = oif.intersect(o.oif);
    if (x.isEmpty()) {
      return null;
    }
    IpSet d = dst.intersect(o.dst);
    if (d.isEmpty()) {
      return null;
    }
    IpSet s = src.intersect(o.src);
    if (s.isEmpty()) {
      return null;
    }
    return new Cube(family, s, d, p, sp, dp, f, i, x, c);
  }

  /**
   * This cube minus another, as disjoint cubes: for each field in turn, the part outside the other
   * cube's set in that field (with the fields before it already inside).
   */
  public List<Cube> minus(Cube o) {
    Cube inter = intersect(o);
    if (inter == null) {
      return List.of(this);
    }
    List<Cube> out = new ArrayList<>(3);
    Cube rest = this;
    // Fields in an order that keeps the address sets whole as long as possible.
    Bits p = rest.proto.minus(o.proto);
    if (!p.isEmpty()) {
      out.add(rest.withProto(p));
      rest = rest.withProto(inter.proto);
    }
    Bits c = rest.session.minus(o.session);
    if (!c.isEmpty()) {
      out.add(rest.withSession(c));
      rest = rest.withSession(inter.session);
    }
    PortSet dp = rest.dport.minus(o.dport);
    if (!dp.isEmpty()) {
      out.add(rest.withDport(dp));
      rest = rest.withDport(inter.dport);
    }
    PortSet sp = rest.sport.minus(o.sport);
    if (!sp.isEmpty()) {
      out.add(rest.withSport(sp));
      rest = rest.withSport(inter.sport);
    }
    Bits f = rest.flags.minus(o.flags);
    if (!f.isEmpty()) {
      out.add(rest.withFlags(f));
      rest = rest.withFlags(inter.flags);
    }
    Bits i = rest.iif.minus(o.iif);
    if (!i.isEmpty()) {
      out.add(rest.withIif(i));
      rest = rest.withIif(inter.iif);
    }
    Bits x = rest.oif.minus(o.oif);
    if (!x.isEmpty()) {
      out.add(rest.withOif(x));
      rest = rest.withOif(inter.oif);
    }
    IpSet d = rest.dst.minus(o.dst);
    if (!d.isEmpty()) {
      out.add(rest.withDst(d));
      rest = rest.withDst(inter.dst);
    }
    IpSet s = rest.src.minus(o.src);
    if (!s.isEmpty()) {
      out.add(rest.withSrc(s));
    }
    return out;
  }

  /**
   * The same packets as seen travelling the other way: addresses, ports and interfaces swapped (the
   * connection's replies to these packets, or the packets these reply to).
   */
  public Cube mirrored() {
    return new Cube(family, dst, src, proto, dport, sport, flags, oif, iif, session);
  }

  public Cube withSrc(IpSet v) {
    return new Cube(family, v, dst, proto, sport, dport, flags, iif, oif, session);
  }

  public Cube withDst(IpSet v) {
    return new Cube(family, src, v, proto, sport, dport, flags, iif, oif, session);
  }

  public Cube withProto(Bits v) {
    return new Cube(family, src, dst, v, sport, dport, flags, iif, oif, session);
  }

  public Cube withSport(PortSet v) {
    return new Cube(family, src, dst, proto, v, dport, flags, iif, oif, session);
  }

  public Cube withDport(PortSet v) {
    return new Cube(family, src, dst, proto, sport, v, flags, iif, oif, session);
  }

  public Cube withFlags(Bits v) {
    return new Cube(family, src, dst, proto, sport, dport, v, iif, oif, session);
  }

  public Cube withIif(Bits v) {
    return new Cube(family, src, dst, proto, sport, dport, flags, v, oif, session);
  }

  public Cube withOif(Bits v) {
    return new Cube(family, src, dst, proto, sport, dport, flags, iif, v, session);
  }

  public Cube withSession(Bits v) {
    return new Cube(family, src, dst, proto, sport, dport, flags, iif, oif, v);
  }
}
