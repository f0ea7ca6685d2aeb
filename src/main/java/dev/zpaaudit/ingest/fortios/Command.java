package dev.zpaaudit.ingest.fortios;

import java.util.List;

/**
 * One command of a FortiOS configuration as written: its words, quotes removed and escapes resolved
 * ({@code set srcaddr "zpa connectors"} has the words {@code set}, {@code srcaddr} and {@code zpa
 * connectors}), and the line it starts on.
 */
record Command(int line, List<String> words) {
  Command {
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a command has at least one word");
    }
  }

  /** The first word: config, edit, set, next, end... */
  String verb() {
    return words.get(0);
  }

  /** The words after the verb. */
  List<String> arguments() {
    return words.subList(1, words.size());
  }
}
