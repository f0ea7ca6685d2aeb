package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a FortiOS configuration into commands, one a line: words separated by blanks, a word in
 * double or single quotes may hold blanks and line breaks, and a backslash in it makes the next
 * character plain ({@code \"}, {@code \\}). A line starting with {@code #} is a comment; those of
 * the header ({@code #config-version=...}) are kept.
 */
final class CommandTokenizer {
  private final String text;
  private final String file;
  private final Diagnostics diagnostics;
  private final List<Command> commands = new ArrayList<>();
  private final List<String> header = new ArrayList<>();
  private int pos;
  private int line = 1;

  private CommandTokenizer(String text, String file, Diagnostics diagnostics) {
    this.text = text;
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** The commands of {@code text}, and the comment lines before the first one. */
  record Tokens(List<Command> commands, List<String> header) {}

  static Tokens tokenize(String text, String file, Diagnostics diagnostics) {
    CommandTokenizer t = new CommandTokenizer(text, file, diagnostics);
    t.run();
    return new Tokens(List.copyOf(t.commands), List.copyOf(t.header));
  }

  private void run() {
    while (pos < text.length()) {
      skipBlanks();
      if (pos >= text.length()) {
        break;
      }
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '#') {
        comment();
      } else {
        command();
      }
    }
  }

  private void skipBlanks() {
    while (pos < text.length() && isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f';
  }

  private void comment() {
    int end = text.indexOf('\n', pos);
    end = end < 0 ? text.length() : end;
    if (commands.isEmpty()) {
      header.add(text.substring(pos, end).strip());
    }
    pos = end;
  }

  /** The words up to the end of the line, a quoted word running on over line breaks. */
  private void command() {
    int start = line;
    List<String> words = new ArrayList<>();
    while (pos < text.length() && text.charAt(pos) != '\n') {
      char c = text.charAt(pos);
      if (isBlank(c)) {
        pos++;
      } else if (c == '"' || c == '\'') {
        String w = quoted(c);
        if (w == null) {
          return;
        }
        words.add(w);
      } else {
        words.add(bare());
      }
    }
    commands.add(new Command(start, words));
  }

  private String bare() {
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (isBlank(c) || c == '\n' || c == '"' || c == '\'') {
        break;
      }
      if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n') {
        pos++;
        c = text.charAt(pos);
      }
      sb.append(c);
      pos++;
    }
    return sb.toString();
  }

  /** A quoted word; null (and an error) when the file ends before its closing quote. */
  private String quoted(char quote) {
    int opened = line;
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return sb.toString();
      }
      if (c == '\\' && pos + 1 < text.length()) {
        pos++;
        c = text.charAt(pos);
      }
      if (c == '\n') {
        line++;
      }
      sb.append(c);
      pos++;
    }
    diagnostics.error(
        new SourceLocation(file, opened), "unterminated quoted string: no closing " + quote);
    return null;
  }
}
