package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.Parser;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code iptables-save} (and {@code ip6tables-save}) output: every table, its chains with
 * policies, and its rules. Structural errors (a rule outside a table, a table without COMMIT, a
 * jump to a chain that does not exist) make the export unusable; unmodelled matches and targets are
 * warnings, and the rules using them are evaluated as may-match.
 */
public final class IptablesSaveParser implements Parser {
  static final Set<String> TABLES = Set.of("filter", "nat", "mangle", "raw", "security");
  private static final Pattern CHAIN =
      Pattern.compile(":(\\S+)\\s+(\\S+)(?:\\s+\\[(\\d+):(\\d+)\\])?\\s*");
  private static final Pattern COUNTERS = Pattern.compile("^\\[\\d+:\\d+\\]\\s+");

  private final int family;
  private final Ipsets ipsets;

  public IptablesSaveParser() {
    this(4, Ipsets.NONE);
  }

  /** A parser for one family (4 for iptables-save, 6 for ip6tables-save) with known ipsets. */
  public IptablesSaveParser(int family, Ipsets ipsets) {
    this.family = family;
    this.ipsets = ipsets;
  }

  @Override
  public String format() {
    return family == 4 ? "iptables-save" : "ip6tables-save";
  }

  /** Whether the text is save output of this parser's family (see {@link SaveFamily}). */
  @Override
  public boolean accepts(String text) {
    return looksLikeSave(text) && SaveFamily.of(text).family() == family;
  }

  /** Whether the text is iptables-save or ip6tables-save output: its first table header. */
  public static boolean looksLikeSave(String text) {
    for (String line : text.lines().limit(50).toList()) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      return t.startsWith("*") && TABLES.contains(t.substring(1).trim());
    }
    return false;
  }

  @Override
  public ParseResult parse(String text, String file) throws InputException {
    Diagnostics diags = new Diagnostics();
    IptablesSave save = structure(text, file, diags);
    if (diags.hasErrors()) {
      throw new InputException(diags.errors());
    }
    ParseResult result = new IptablesConversions(file, family, ipsets, diags).convert(save);
    if (diags.hasErrors()) {
      throw new InputException(diags.errors());
    }
    return result;
  }

  static IptablesSave structure(String text, String file, Diagnostics diags) {
    List<IptablesSave.Table> tables = new ArrayList<>();
    String table = null;
    int tableLine = 0;
    Map<String, IptablesSave.ChainDecl> chains = null;
    List<IptablesSave.RuleLine> rules = null;
    int lastNonBlank = 0;
    int n = 0;
    IptablesSave.ChainDecl last = null;
    Quoting quoting = new Quoting(text);
    // Line by line, not split into an array of all lines first: a large export is many lines.
    for (int start = 0; start <= text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      int from = start;
      int to = end;
      start = end + 1;
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      n++;
      lastNonBlank = from == to ? lastNonBlank : n;
      if (table != null && from < to && text.charAt(from) == '-') {
        // A rule (most lines): read in place, the line taken as a string only to say what is wrong.
        IptablesSave.ChainDecl decl =
            quoting.within(from, to) ? null : plainRuleChain(text, from, to, chains, last);
        if (decl != null) {
          rules.add(new IptablesSave.RuleLine(decl.name(), n, text, from, to));
          last = decl;
          continue;
        }
        rule(
            new Place(text, from, from, to, new SourceLocation(file, n)),
            table,
            chains,
            rules,
            diags);
        continue;
      }
      String line = text.substring(from, to);
      SourceLocation at = new SourceLocation(file, n);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("*")) {
        if (table != null) {
          diags.error(
              at,
              "table '"
                  + line.substring(1)
                  + "' starts before table '"
                  + table
                  + "' (line "
                  + tableLine
                  + ") has its COMMIT");
        }
        table = line.substring(1).trim();
        tableLine = n;
        if (!TABLES.contains(table)) {
          diags.error(
              at,
              "unknown table '" + table + "' (expected one of filter, nat, mangle, raw, security)");
        }
        chains = new LinkedHashMap<>();
        rules = new ArrayList<>();
        continue;
      }
      if (table == null) {
        diags.error(
            at,
            "'"
                + abbreviate(line)
                + "' is outside a table (expected '*filter' or another table first)");
        continue;
      }
      if (line.equals("COMMIT")) {
        tables.add(new IptablesSave.Table(table, tableLine, chains, rules));
        table = null;
        continue;
      }
      if (line.startsWith(":")) {
        Matcher m = CHAIN.matcher(line);
        if (!m.matches()) {
          diags.error(at, "malformed chain declaration '" + abbreviate(line) + "'");
          continue;
        }
        String name = m.group(1);
        if (chains.containsKey(name)) {
          diags.error(
              at,
              "chain '"
                  + name
                  + "' is declared twice (first at line "
                  + chains.get(name).line()
                  + ")");
          continue;
        }
        String policy = m.group(2);
        if (!policy.equals("-") && !policy.equals("ACCEPT") && !policy.equals("DROP")) {
          diags.error(
              at, "chain '" + name + "' has policy '" + policy + "' (expected ACCEPT, DROP or -)");
        }
        chains.put(name, new IptablesSave.ChainDecl(name, policy, n, line));
        continue;
      }
      String body = line.startsWith("[") ? COUNTERS.matcher(line).replaceFirst("") : line;
      rule(new Place(text, from, to - body.length(), to, at), table, chains, rules, diags);
    }
    if (table != null) {
      diags.error(
          new SourceLocation(file, Math.max(1, lastNonBlank)),
          "table '" + table + "' (line " + tableLine + ") has no COMMIT: the export is truncated");
    }
    if (tables.isEmpty() && !diags.hasErrors()) {
      diags.error(new SourceLocation(file, 1), "no tables: this is not an iptables-save export");
    }
    return new IptablesSave(tables);
  }

  /**
   * Where a rule line is: its text from {@code line} (its body, counters removed, from {@code
   * body}) to {@code end}.
   */
  private record Place(String text, int line, int body, int end, SourceLocation at) {
    String lineText() {
      return text.substring(line, end);
    }
  }

  /**
   * Where the text's quotes and backslashes are, found as the lines go by: each is looked for once
   * from where the last one was, rather than every line scanned for them.
   */
  private static final class Quoting {
    private final String text;
    private int quote;
    private int escape;

    Quoting(String text) {
      this.text = text;
      quote = text.indexOf('"');
      escape = text.indexOf('\\');
    }

    /** Whether the text from {@code from} to {@code to} has a quote or a backslash. */
    boolean within(int from, int to) {
      if (quote >= 0 && quote < from) {
        quote = text.indexOf('"', from);
      }
      if (escape >= 0 && escape < from) {
        escape = text.indexOf('\\', from);
      }
      return quote >= from && quote < to || escape >= from && escape < to;
    }
  }

  /**
   * The declared chain that a plain rule line appends to ("-A CHAIN ..."; the caller sees that it
   * has no quote or escape, so the general reading would split it the same way), or null for any
   * other line. Most lines of an export are such; reading them allocates nothing.
   */
  private static IptablesSave.ChainDecl plainRuleChain(
      String text,
      int from,
      int to,
      Map<String, IptablesSave.ChainDecl> chains,
      IptablesSave.ChainDecl last) {
    int verbEnd = wordEnd(text, from, to);
    int verb = verbEnd - from;
    if (!(verb == 2 && text.startsWith("-A", from))
        && !(verb == 8 && text.startsWith("--append", from))) {
      return null;
    }
    int chain = verbEnd;
    while (chain < to && Character.isWhitespace(text.charAt(chain))) {
      chain++;
    }
    int chainEnd = wordEnd(text, chain, to);
    if (chain == chainEnd) {
      return null;
    }
    if (last != null
        && last.name().length() == chainEnd - chain
        && text.startsWith(last.name(), chain)
        && chains.get(last.name()) == last) {
      return last;
    }
    return chains.get(text.substring(chain, chainEnd));
  }

  private static int wordEnd(String text, int from, int to) {
    int i = from;
    while (i < to && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Adds the rule at {@code p} to {@code rules}, or says why it is not one. */
  private static void rule(
      Place p,
      String table,
      Map<String, IptablesSave.ChainDecl> chains,
      List<IptablesSave.RuleLine> rules,
      Diagnostics diags) {
    List<Tokenizer.Word> words;
    try {
      words = Tokenizer.split(p.text(), p.body(), p.end(), 2);
    } catch (IllegalArgumentException e) {
      diags.error(p.at(), e.getMessage());
      return;
    }
    String verb = words.isEmpty() ? "" : words.get(0).text();
    if (words.size() < 2 || !(verb.equals("-A") || verb.equals("--append"))) {
      diags.error(
          p.at(),
          "expected a rule ('-A CHAIN ...'), a chain declaration (':CHAIN POLICY') or COMMIT, not '"
              + abbreviate(p.lineText())
              + "'");
      return;
    }
    IptablesSave.ChainDecl decl = chains.get(words.get(1).text());
    if (decl == null) {
      diags.error(
          p.at(),
          "rule appends to chain '"
              + words.get(1).text()
              + "', which is not declared in table '"
              + table
              + "'");
      return;
    }
    rules.add(new IptablesSave.RuleLine(decl.name(), p.at().line(), p.text(), p.body(), p.end()));
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
