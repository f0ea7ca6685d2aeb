package dev.zpaaudit.ingest.panos;

import java.util.Objects;

/**
 * The {@code <shared>} scope: objects every vsys or device group sees, and (on Panorama) the shared
 * pre- and post-rulebases. Line 0 when the config has no {@code <shared>}.
 */
public record SharedScope(
    PanosObjects objects, Rulebase preRulebase, Rulebase postRulebase, int line) {
  public static final SharedScope NONE =
      new SharedScope(PanosObjects.NONE, Rulebase.NONE, Rulebase.NONE, 0);

  public SharedScope {
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(preRulebase, "pre-rulebase");
    Objects.requireNonNull(postRulebase, "post-rulebase");
    Checks.line(line);
  }
}
