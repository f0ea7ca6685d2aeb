package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Firewall;
import java.util.List;

/** An allowance as mgmt_cli commands. */
public final class CheckpointFix {
  private CheckpointFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    return List.of();
  }
}
