package dev.zpaaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain one flow.")
final class ExplainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.CLEAN;
  }
}
