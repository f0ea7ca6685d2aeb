package dev.zpaaudit.model;

/** What a rule does when it matches. */
public sealed interface Action {
  /** How the action reads in a trace. */
  String text();

  record Accept() implements Action {
    public String text() {
      return "ACCEPT";
    }
  }

  record Drop() implements Action {
    public String text() {
      return "DROP";
    }
  }

  record Reject(String with) implements Action {
    public String text() {
      return with == null || with.isEmpty() ? "REJECT" : "REJECT " + with;
    }
  }

  /** Leave the current chain and continue in the caller (or apply the policy of a base chain). */
  record Return() implements Action {
    public String text() {
      return "RETURN";
    }
  }

  record Jump(String chain) implements Action {
    public String text() {
      return "jump " + chain;
    }
  }

  /** Jump without return: a RETURN in the target returns from the chain that did the goto. */
  record Goto(String chain) implements Action {
    public String text() {
      return "goto " + chain;
    }
  }

  /** A non-terminating target (LOG, MARK, counters...): evaluation continues with the next rule. */
  record Continue(String name) implements Action {
    public String text() {
      return name;
    }
  }

  /** Exempts the packet from connection tracking (raw NOTRACK, CT --notrack): it is UNTRACKED. */
  record NoTrack() implements Action {
    public String text() {
      return "NOTRACK";
    }
  }

  /** Source NAT (SNAT, MASQUERADE): ends the NAT chain, the packet goes on. */
  record SrcNat(String name) implements Action {
    public String text() {
      return name;
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
