package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Firewall;
import java.util.List;

/** An allowance as AWS command lines. */
public final class AwsFix {
  private AwsFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    return List.of();
  }
}
