package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/**
 * A rulebase (a firewall vsys's {@code <rulebase>}, or Panorama's {@code <pre-rulebase>} or {@code
 * <post-rulebase>}): its rules in file order, and the default security rules.
 */
public record Rulebase(
    List<SecurityRule> security,
    List<NatRule> nat,
    List<DecryptionRule> decryption,
    List<PbfRule> pbf,
    DefaultSecurityRules defaults,
    int line) {
  public static final Rulebase NONE =
      new Rulebase(List.of(), List.of(), List.of(), List.of(), DefaultSecurityRules.IMPLICIT, 0);

  public Rulebase {
    security = List.copyOf(security);
    nat = List.copyOf(nat);
    decryption = List.copyOf(decryption);
    pbf = List.copyOf(pbf);
    Objects.requireNonNull(defaults, "defaults");
    Checks.line(line);
  }

  public int ruleCount() {
    return security.size() + nat.size() + decryption.size() + pbf.size();
  }
}
