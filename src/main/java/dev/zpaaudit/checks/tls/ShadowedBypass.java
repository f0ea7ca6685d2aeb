package dev.zpaaudit.checks.tls;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bypass rules that would leave the connectors' TLS alone but never get to: each is judged as
 * if it stood alone (everything it does not match decrypted), and one that then lets some published
 * range through undecrypted, yet decides nothing in the real policy, is shadowed by the rules above
 * it. Named in the ssl-bypass check's evidence, so that the fix is to move it, not to write it.
 */
public final class ShadowedBypass {
  /** A device's bypass rules beyond this many are not judged alone. */
  static final int MAX_RULES = 64;

  private ShadowedBypass() {}

  /** The check with an item added for each shadowed bypass rule; as it is when it passes. */
  public static CheckResult annotate(
      CheckResult check,
      List<Device> devices,
      List<Placement> placements,
      PublishedRanges ranges,
      List<String> names) {
    if (check.status() == dev.zpaaudit.checks.Status.PASS) {
      return check;
    }
    List<Evidence> added = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      for (Firewall fw : devices.get(i).exports()) {
        List<DecryptionRule> bypass =
            fw.decryption().stream()
                .filter(d -> d.decision() == DecryptionRule.Decision.BYPASS)
                // A device's own default (line 0) is not a rule anyone wrote to move.
                .filter(d -> d.location().line() > 0)
                .limit(MAX_RULES)
                .toList();
        for (DecryptionRule d : bypass) {
          if (decides(check, d)) {
            continue;
          }
          Device alone = Device.of(DecryptionPolicy.alone(fw, d, names));
          CheckResult own =
              new NetworkChecks(List.of(alone), ranges, placements.get(i)).sslBypass();
          int left = undecrypted(own);
          if (left > 0) {
            added.add(shadowed(d, left));
          }
        }
      }
    }
    return check.withEvidence(added);
  }

  /** Whether the rule decides some of the connectors' TLS in the check as it is. */
  private static boolean decides(CheckResult check, DecryptionRule d) {
    return check.evidence().stream()
        .anyMatch(
            e ->
                d.location().file().equals(e.file())
                    && d.location().line() == e.line()
                    && d.text().equals(e.rule()));
  }

  /** How many published entries a check finds wholly or partly undecrypted. */
  private static int undecrypted(CheckResult c) {
    int n = 0;
    for (Evidence e : c.evidence()) {
      if (e.data().get("ranges") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> m
              && ("allowed".equals(m.get("status")) || "partial".equals(m.get("status")))) {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static Evidence shadowed(DecryptionRule d, int left) {
    return new Evidence(
        "info",
        d.location().file(),
        d.location().line(),
        d.text(),
        "shadowed: this rule would leave the connectors' TLS to "
            + left
            + (left == 1 ? " published entry" : " published entries")
            + " undecrypted, but the rules above it decide first; move it above them",
        List.of(),
        List.of(),
        Map.of());
  }
}
