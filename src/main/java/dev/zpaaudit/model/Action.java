package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does when it matches. The actions most rules share write out equals and hashCode, as
 * the shared conditions do (see {@link Condition}).
 */
public sealed interface Action {
  /** How the action reads in a trace. */
  String text();

  /** Lets the packet through; {@code name} is the vendor's word for it ("ACCEPT", "allow"). */
  record Accept(String name) implements Action {
    public Accept {
      Objects.requireNonNull(name);
    }

    public Accept() {
      this("ACCEPT");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Accept x && x.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + 6;
    }

    public String text() {
      return name;
    }
  }

  /** Discards the packet silently; {@code name} is the vendor's word ("DROP", "deny"). */
  record Drop(String name) implements Action {
    public Drop {
      Objects.requireNonNull(name);
    }

    public Drop() {
      this("DROP");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Drop x && x.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + 4;
    }

    public String text() {
      return name;
    }
  }

  record Reject(String with) implements Action {
    public String text() {
      return with == null || with.isEmpty() ? "REJECT" : "REJECT " + with;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reject x && Objects.equals(x.with, with);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(with) * 31 + 3;
    }
  }

  /**
   * Leave the current filter and continue in the caller (or apply an attached filter's default).
   */
  record Return() implements Action {
    public String text() {
      return "RETURN";
    }
  }

  record Jump(String filter) implements Action {
    public String text() {
      return "jump " + filter;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Jump x && Objects.equals(x.filter, filter);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(filter) * 31 + 5;
    }
  }

  /** Call without return: a return in the target returns from the filter that did the goto. */
  record Goto(String filter) implements Action {
    public String text() {
      return "goto " + filter;
    }
  }

  /** A non-terminating target (LOG, MARK, counters...): evaluation continues with the next rule. */
  record Continue(String name) implements Action {
    public String text() {
      return name;
    }
  }

  /**
   * Exempts the packet from session tracking: it belongs to no session (UNTRACKED); {@code name} is
   * the vendor's word for it.
   */
  record Untrack(String name) implements Action {
    public Untrack {
      Objects.requireNonNull(name);
    }

    public String text() {
      return name;
    }
  }

  /**
   * Source NAT (SNAT, MASQUERADE, NETMAP): ends the translation filter, the packet goes on with a
   * new source. {@code masquerade}: the new source is the address of the interface the packet
   * leaves by. Else {@code to} holds the addresses the source may become (one of them per
   * connection); empty when the reader could not tell. {@code ports} the source ports it may get,
   * or null when the kernel keeps the port where it can (else it picks another of the same class:
   * below 512, 512-1023, 1024 and above).
   */
  record SrcNat(String name, boolean masquerade, List<IpSet> to, PortSet ports) implements Action {
    public SrcNat {
      Objects.requireNonNull(name);
      to = List.copyOf(to);
    }

    /** A source NAT whose new address is not known. */
    public SrcNat(String name) {
      this(name, false, List.of(), null);
    }

    public String text() {
      return name;
    }

    /** The addresses of {@code family} the source may become, if the rule says. */
    public Optional<IpSet> addresses(AddressFamily family) {
      List<IpSet> of = to.stream().filter(s -> s.family() == family).toList();
      return of.isEmpty() ? Optional.empty() : Optional.of(IpSet.unionAll(family, of));
    }
  }

  /** Destination NAT or redirection: rewrites where the packet goes; not modelled. */
  record DestNat(String name) implements Action {
    public String text() {
      return name;
    }
  }

  /** A target whose effect is not modelled (NFQUEUE, unknown extension...). */
  record Unknown(String reason) implements Action {
    public String text() {
      return "unmodelled target (" + reason + ")";
    }
  }
}
