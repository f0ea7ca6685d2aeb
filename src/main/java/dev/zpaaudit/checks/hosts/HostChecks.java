package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Inventory;
import java.util.List;

/** The host and sizing checks (R1-R7, R9-R11), run over an inventory, in a fixed order. */
public final class HostChecks {
  public static final List<String> IDS =
      List.of(
          "host-memory",
          "host-cpu",
          "instance-type",
          "host-disk",
          "host-nic",
          "sizing",
          "host-platform",
          "provisioning-key",
          "os-hardening");

  private HostChecks() {}

  /** Runs every host check; results are in {@link #IDS} order. */
  public static List<CheckResult> run(Inventory inv, HostRules rules) {
    return List.of(
        MemoryCheck.run(inv, rules),
        CpuCheck.run(inv, rules),
        InstanceTypeCheck.run(inv, rules),
        DiskCheck.run(inv, rules),
        NicCheck.run(inv, rules),
        SizingCheck.run(inv, rules),
        PlatformCheck.run(inv, rules),
        ProvisioningKeyCheck.run(inv, rules),
        HardeningCheck.run(inv, rules));
  }
}
