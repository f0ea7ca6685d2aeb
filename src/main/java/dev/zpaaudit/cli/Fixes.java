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

  private static Map<String, Object> data(NetworkChecks.Fix f, List<String> commands) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("commands", commands);
    data.put("attachment", f.allowance().attachment());
    data.put("denying", f.allowance().denying());
    List<String> list = Formats.list(f.export(), f.allowance());
    if (!list.isEmpty()) {
      data.put("list", list);
    }
    return data;
  }

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
              data(f, commands)));
    }
    if (items.isEmpty()) {
      return checks;
    }
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult c : checks) {
      if (c.id().equals("zen-egress") && c.status() == Status.FAIL) {
        c = c.withEvidence(items);
      }
      out.add(c);
    }
    return out;
  }
}
