package dev.zpaaudit.ingest;

import dev.zpaaudit.diag.InputException;

/**
 * Reads one export format. Errors that make the export unusable throw; the rest are diagnostics.
 */
public interface Parser {
  /** A short name, e.g. "iptables-save". */
  String format();

  /** Whether the text looks like this format (a cheap test of its first lines). */
  boolean accepts(String text);

  ParseResult parse(String text, String file) throws InputException;
}
