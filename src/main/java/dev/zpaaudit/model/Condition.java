package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One test of a rule's match. A rule matches when all its conditions hold. Vendors' negations are
 * resolved at parse time where a complement is exact (addresses, ports, protocols); the rest carry
 * their own {@code negated} flag.
 *
 * <p>The conditions that an export's rules share (see the readers' value pools) write out equals
 * and hashCode: a record's own go through method handles, slow until compiled, and a large export
 * compares them once a rule at start-up.
 */
public sealed interface Condition {

  /** Source address in the set. The set's family also restricts the packet's family. */
  record Src(IpSet set) implements Condition {}

  record Dst(IpSet set) implements Condition {}

  /** IP protocol number (IPv4 protocol / IPv6 next header) in the set (universe 256). */
  record Proto(Bits protocols) implements Condition {
    @Override
    public boolean equals(Object o) {
      return o instanceof Proto x && x.protocols.equals(protocols);
    }

    @Override
    public int hashCode() {
      return protocols.hashCode() * 31 + 5;
    }
  }

  /** Packet family, for rules that test it without an address. */
  record Family(AddressFamily family) implements Condition {}

  /** Source port in the set; for ICMP the type. Only TCP, UDP, SCTP, ICMP packets carry one. */
  record SrcPort(PortSet ports) implements Condition {}

  /** Destination port in the set; for ICMP the code. */
  record DstPort(PortSet ports) implements Condition {
    @Override
    public boolean equals(Object o) {
      return o instanceof DstPort x && x.ports.equals(ports);
    }

    @Override
    public int hashCode() {
      return ports.hashCode() * 31 + 7;
    }
  }

  /** Either port (source or destination) in the set. */
  record EitherPort(PortSet ports) implements Condition {}

  /** TCP flag byte in the set (universe 256). */
  record Flags(Bits flags) implements Condition {}

  /**
   * Input interface name matches one of the patterns (a trailing '+' matches any suffix); negated
   * means matches none of them.
   */
  record InIface(List<String> patterns, boolean negated) implements Condition {
    public InIface {
      patterns = List.copyOf(patterns);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InIface x && x.negated == negated && x.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
      return patterns.hashCode() * 31 + (negated ? 1 : 0);
    }
  }

  record OutIface(List<String> patterns, boolean negated) implements Condition {
    public OutIface {
      patterns = List.copyOf(patterns);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OutIface x && x.negated == negated && x.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
      return patterns.hashCode() * 31 + (negated ? 1 : 0);
    }
  }

  /** Connection-tracking state (with direction) in the set. */
  record Session(Bits states) implements Condition {
    @Override
    public boolean equals(Object o) {
      return o instanceof Session x && x.states.equals(states);
    }

    @Override
    public int hashCode() {
      return states.hashCode() * 31 + 7;
    }
  }

  /** Which tuple of the tracked connection a {@link SessionAddr} or {@link SessionPort} tests. */
  enum Tuple {
    ORIG_SRC,
    ORIG_DST,
    REPLY_SRC,
    REPLY_DST
  }

  /** An address of the tracked connection's original or reply tuple in the set (no NAT assumed). */
  record SessionAddr(Tuple tuple, IpSet set) implements Condition {}

  record SessionPort(Tuple tuple, PortSet ports) implements Condition {}

  /** Address type of the source or destination (LOCAL, UNICAST, BROADCAST, MULTICAST, ...). */
  record AddrType(boolean source, Set<String> types, boolean negated) implements Condition {
    public AddrType {
      types = Set.copyOf(types);
    }
  }

  /** Holds when any alternative (a conjunction) holds; e.g. a set lookup on a concatenation. */
  record AnyOf(List<List<Condition>> alternatives) implements Condition {
    public AnyOf {
      alternatives = alternatives.stream().map(List::copyOf).toList();
    }
  }

  /** Holds when the conjunction {@code of} does not. */
  record Not(List<Condition> of) implements Condition {
    public Not {
      of = List.copyOf(of);
    }
  }

  /**
   * A test that is not modelled (rate limits, marks, MAC addresses, time of day...). It may hold or
   * not, so whatever a rule with it decides is uncertain.
   */
  record Unknown(String what) implements Condition {
    public Unknown {
      Objects.requireNonNull(what);
    }
  }
}
