package dev.zpaaudit.oracle;

/** What the receiver observed for the tested packet of a {@link Flow}. */
public enum Verdict {
  /** The packet passed the ruleset and arrived where its route leads. */
  DELIVERED,
  /** The packet never arrived: the ruleset dropped or rejected it. */
  DROPPED,
  /**
   * A {@code NAT_REPLY} flow whose connection conntrack does not hold (the ruleset dropped its
   * opening packet, or exempted it from tracking): there is no reply to test, and nothing was sent.
   */
  UNOPENED
}
