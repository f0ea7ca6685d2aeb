package dev.zpaaudit.ingest.iptables;

import java.util.ArrayList;
import java.util.List;

/** Splits an iptables-save line into words, honouring double quotes and backslash escapes. */
final class Tokenizer {
  private Tokenizer() {}

  /** A word and whether any of it was quoted (a quoted word is never an option or "!"). */
  record Word(String text, boolean quoted) {
    boolean isOption() {
      return !quoted && text.startsWith("-") && text.length() > 1;
    }

    boolean isBang() {
      return !quoted && text.equals("!");
    }
  }

  /** The words of a line; throws IllegalArgumentException for an unterminated quote. */
  static List<Word> split(String line) {
    return split(line, Integer.MAX_VALUE);
  }

  /**
   * The first {@code max} words of a line; the rest of the line is only checked for an unterminated
   * quote (IllegalArgumentException).
   */
  static List<Word> split(String line, int max) {
    List<Word> out = new ArrayList<>(Math.min(max, 24));
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (out.size() >= max) {
        checkQuotes(line, i);
        break;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(c = line.charAt(i)) && c != '"' && c != '\\') {
        i++;
      }
      if (i == n || Character.isWhitespace(c)) {
        out.add(new Word(line.substring(start, i), false)); // the common word: no quote or escape
      } else {
        i = quotedWord(line, start, i, out);
      }
    }
    return out;
  }

  /**
   * Adds the word that starts at {@code start} and has a quote or backslash at {@code at}; returns
   * where it ends.
   */
  private static int quotedWord(String line, int start, int at, List<Word> out) {
    StringBuilder cur = new StringBuilder(line.substring(start, at));
    boolean anyQuote = false;
    boolean quoted = false;
    int i = at;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        anyQuote = true;
      } else if (!quoted && Character.isWhitespace(c)) {
        break;
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote");
    }
    out.add(new Word(cur.toString(), anyQuote));
    return i;
  }

  /** Throws IllegalArgumentException where the line from {@code from} leaves a quote open. */
  private static void checkQuotes(String line, int from) {
    boolean quoted = false;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote");
    }
  }
}
