package dev.zpaaudit.cli;

import dev.zpaaudit.checks.hosts.HostRules;
import dev.zpaaudit.checks.hosts.HostRulesLoader;
import dev.zpaaudit.diag.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Host rule options shared by the commands that use host rules (audit --hosts, size). */
public final class RuleOptions {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Apply a built-in rule profile over the spec's values: strict (the vendor's"
              + " current values: 64 GB disk, AES-NI, newer instance types) or ram-8gb."
              + " Repeatable.")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "A YAML file overriding keys of rules/hosts.yaml, applied after the profiles."
              + " Repeatable.")
  List<Path> ruleFiles = new ArrayList<>();

  HostRules load(List<Path> instanceTypes) throws InputException {
    for (String p : profiles) {
      if (!HostRulesLoader.PROFILES.contains(p)) {
        throw new UsageException(
            "unknown profile '"
                + p
                + "' (expected one of "
                + String.join(", ", HostRulesLoader.PROFILES)
                + ")");
      }
    }
    return HostRulesLoader.load(profiles, ruleFiles, instanceTypes);
  }
}
