package dev.zpaaudit.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses options given where they have no effect: an option that would be silently ignored makes a
 * report answer a question the user did not ask.
 */
final class OptionScope {
  private OptionScope() {}

  /**
   * Throws UsageException (exit 2, one line) when any of {@code options} was given on the command
   * line: "{@code --a, --b apply only to WHAT}".
   */
  static void refuse(CommandSpec spec, List<String> options, String onlyTo) {
    ParseResult parsed = spec.commandLine().getParseResult();
    List<String> given = new ArrayList<>();
    for (String o : options) {
      if (parsed.hasMatchedOption(o)) {
        given.add(o);
      }
    }
    if (!given.isEmpty()) {
      throw new UsageException(
          String.join(", ", given)
              + (given.size() == 1 ? " applies" : " apply")
              + " only "
              + onlyTo);
    }
  }
}
