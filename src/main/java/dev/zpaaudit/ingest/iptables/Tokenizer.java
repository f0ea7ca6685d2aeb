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
    List<Word> out = new ArrayList<>();
    boolean anyQuote = false;
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
        inWord = true;
      } else if (c == '"') {
        quoted = !quoted;
        anyQuote = true;
        inWord = true;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (inWord) {
          out.add(new Word(cur.toString(), anyQuote));
          cur.setLength(0);
          inWord = false;
          anyQuote = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote");
    }
    if (inWord) {
      out.add(new Word(cur.toString(), anyQuote));
    }
    return out;
  }
}
