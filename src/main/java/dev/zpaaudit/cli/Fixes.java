package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.ingest.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact changes that fix a failed zen-egress, in each device's own language, added to the check
 * as evidence of verdict {@code fix} (the commands in {@code data.commands}).
 */
final class Fixes {
  private Fixes() {}

  static List<CheckResult> add(List<CheckResult> checks, List<NetworkChecks.Fix> fixes) {
    List<Evidence> items = new ArrayList<>();
    for (NetworkChecks.Fix f : fixes) {
      List<String> commands = Formats.fix(f.export(), f.allowance());
      if (commands.isEmpty()) {
        continue;
      }
      items.add(
          new Evidence(
              "fix",
              f.export().source(),
              0,
              null,
              "let the connectors through at the top of "
                  + f.allowance().attachment()
                  + ", before the rules that deny them there",
              f.allowance().destinations(),
              f.allowance().sources(),
              Map.of(
                  "commands", commands,
                  "attachment", f.allowance().attachment(),
                  "denying", f.allowance().denying())));
    }
    if (items.isEmpty()) {
      return checks;
    }
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult c : checks) {
      if (c.id().equals("zen-egress") && c.status() == Status.FAIL) {
        // After the deciding rules, before the per-range item, which stays last.
        List<Evidence> ev = new ArrayList<>(c.evidence());
        int at = ev.size();
        while (at > 0 && ev.get(at - 1).data().containsKey("ranges")) {
          at--;
        }
        ev.addAll(at, items);
        c =
            new CheckResult(
                c.id(),
                c.requirements(),
                c.severity(),
                c.status(),
                c.summary(),
                c.uncovered(),
                ev,
                c.remediation());
      }
      out.add(c);
    }
    return out;
  }
}
