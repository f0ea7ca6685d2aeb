package dev.zpaaudit.oracle;

/** A loader ({@code iptables-restore}, {@code nft}, {@code ipset}) refused a ruleset. */
public final class RulesetLoadException extends RuntimeException {
  private final String tool;
  private final int line;
  private final String lineText;
  private final String stderr;

  RulesetLoadException(String tool, int line, String lineText, String stderr) {
    super(message(tool, line, lineText, stderr));
    this.tool = tool;
    this.line = line;
    this.lineText = lineText;
    this.stderr = stderr;
  }

  /** The program that refused the input. */
  public String tool() {
    return tool;
  }

  /** The 1-based line it complained about, or -1 when it named none. */
  public int line() {
    return line;
  }

  /** The text of that line, or an empty string. */
  public String lineText() {
    return lineText;
  }

  /** Everything the program wrote to standard error. */
  public String stderr() {
    return stderr;
  }

  private static String message(String tool, int line, String lineText, String stderr) {
    String where = line > 0 ? " at line " + line + ": " + lineText : "";
    return tool + " rejected the ruleset" + where + "\n" + stderr.strip();
  }
}
