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
    return split(line, 0, line.length(), max);
  }

  /** The first {@code max} words of the line at {@code from} to {@code to} of {@code text}. */
  static List<Word> split(String text, int from, int to, int max) {
    List<Word> out = new ArrayList<>(Math.min(max, 24));
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (out.size() >= max) {
        checkQuotes(text, i, to);
        break;
      }
      int start = i;
      while (i < to && !Character.isWhitespace(c = text.charAt(i)) && c != '"' && c != '\\') {
        i++;
      }
      if (i == to || Character.isWhitespace(c)) {
        out.add(new Word(text.substring(start, i), false)); // the common word: no quote or escape
      } else {
        i = quotedWord(text, start, i, to, out);
      }
    }
    return out;
  }

  /**
   * Adds the word that starts at {@code start} and has a quote or backslash at {@code at}; returns
   * where it ends.
   */
  private static int quotedWord(String line, int start, int at, int end, List<Word> out) {
    StringBuilder cur = new StringBuilder(line.substring(start, at));
    boolean anyQuote = false;
    boolean quoted = false;
    int i = at;
    for (; i < end; i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < end) {
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
  private static void checkQuotes(String line, int from, int end) {
    boolean quoted = false;
    for (int i = from; i < end; i++) {
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
