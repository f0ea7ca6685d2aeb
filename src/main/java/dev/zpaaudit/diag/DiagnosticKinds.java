package dev.zpaaudit.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a diagnostic is about, read from its message, so that many alike can be counted as one kind.
 * Readers word what they cannot model as "SUBJECT is not modelled; ...", and the kind is named
 * after the subject:
 *
 * <ul>
 *   <li>{@code match 'mac' (--mac-source ...)} and {@code iptables compatibility match 'xt match
 *       mac'}: the match, {@code mac};
 *   <li>{@code target 'NFQUEUE'}: {@code target NFQUEUE};
 *   <li>a quoted expression, {@code 'limit rate 10/second'}: its leading words, {@code limit rate};
 *   <li>any other subject: its first clause, up to a parenthesis, comma or semicolon ({@code
 *       conntrack --ctproto of a RELATED connection}).
 * </ul>
 *
 * A message that says nothing is not modelled has no kind.
 */
final class DiagnosticKinds {
  private static final Pattern NOT_MODELLED = Pattern.compile(" (?:is|are) not modelled\\b");
  private static final Pattern MATCH =
      Pattern.compile("^(?:iptables compatibility )?match '(?:xt match )?([^' ]+)'");
  private static final Pattern TARGET = Pattern.compile("^target '([^']+)'");
  private static final Pattern QUOTED = Pattern.compile("^(?:statement )?'([^']*)'(.*)$");
  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_-]*");

  private DiagnosticKinds() {}

  /** The kind of a message, or null when it does not say that something is not modelled. */
  static String of(String message) {
    Matcher nm = NOT_MODELLED.matcher(message);
    if (!nm.find()) {
      return null;
    }
    String subject = message.substring(0, nm.start()).strip();
    Matcher m = MATCH.matcher(subject);
    if (m.find()) {
      return m.group(1);
    }
    m = TARGET.matcher(subject);
    if (m.find()) {
      return "target " + m.group(1);
    }
    m = QUOTED.matcher(subject);
    if (m.matches()) {
      String words = leadingWords(m.group(1));
      if (!words.isEmpty()) {
        String rest = firstClause(m.group(2));
        return rest.isEmpty() ? words : words + " " + rest;
      }
    }
    String clause = firstClause(subject);
    return clause.isEmpty() ? subject : clause;
  }

  /** The words at the start of an expression that name what it tests, before any value. */
  private static String leadingWords(String expression) {
    List<String> words = new ArrayList<>();
    for (String w : expression.strip().split(" +")) {
      if (!WORD.matcher(w).matches()) {
        break;
      }
      words.add(w);
    }
    return String.join(" ", words);
  }

  /** The text before the first parenthesis, comma or semicolon, trimmed. */
  private static String firstClause(String text) {
    int end = text.length();
    for (char c : new char[] {'(', ',', ';'}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return text.substring(0, end).strip();
  }
}
