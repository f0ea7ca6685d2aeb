package dev.zpaaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit exports.")
final class AuditCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.CLEAN;
  }
}
