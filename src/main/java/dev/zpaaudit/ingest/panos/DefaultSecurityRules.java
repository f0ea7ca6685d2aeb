package dev.zpaaudit.ingest.panos;

import java.util.Objects;

/**
 * The two rules PAN-OS applies after every written security rule: {@code intrazone-default} (allow,
 * for traffic within a zone) and {@code interzone-default} (deny, for traffic between zones). A
 * {@code <default-security-rules>} entry overrides one's action; the other keeps its implicit
 * action.
 */
public record DefaultSecurityRules(Rule intrazone, Rule interzone) {
  public static final String INTRAZONE = "intrazone-default";
  public static final String INTERZONE = "interzone-default";

  /** The defaults when nothing overrides them. */
  public static final DefaultSecurityRules IMPLICIT =
      new DefaultSecurityRules(
          new Rule(INTRAZONE, SecurityAction.ALLOW, false, 0),
          new Rule(INTERZONE, SecurityAction.DENY, false, 0));

  public DefaultSecurityRules {
    Objects.requireNonNull(intrazone, "intrazone");
    Objects.requireNonNull(interzone, "interzone");
    if (!intrazone.name().equals(INTRAZONE) || !interzone.name().equals(INTERZONE)) {
      throw new IllegalArgumentException("default rules are " + INTRAZONE + " and " + INTERZONE);
    }
  }

  /**
   * One default rule: its action, whether it names security profiles, and the line of the
   * overriding entry (0: not overridden, the implicit action).
   */
  public record Rule(String name, SecurityAction action, boolean hasProfiles, int line) {
    public Rule {
      Checks.name(name, "default rule name");
      Objects.requireNonNull(action, "action");
      Checks.line(line);
    }

    public boolean overridden() {
      return line > 0;
    }
  }
}
