package dev.zpaaudit.oracle;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads rulesets into the ruleset host. Everything goes through nf_tables, so {@code nft flush
 * ruleset} empties iptables-nft tables and nft tables alike.
 *
 * <p>The setup table used while opening connections matches on conntrack state, which keeps
 * conntrack active, and accepts everything; only the host's own answers to opening packets (a TCP
 * reset or ICMP error for a port nobody listens on) are dropped before conntrack sees them, so they
 * cannot close the connection being opened. The user's ruleset is loaded next to it before it is
 * deleted, so conntrack stays active across the change and keeps its entries.
 */
final class RulesetLoader {
  static final String SETUP_TABLE = "zpa_oracle_setup";
  private static final String SETUP =
      """
      flush ruleset
      table inet %s {
        chain pre {
          type filter hook prerouting priority 0; policy accept;
          ct state new,established,related,invalid,untracked counter
        }
        chain out {
          type filter hook output priority 0; policy accept;
          ct state new,established,related,invalid,untracked counter
        }
        chain silence {
          type filter hook output priority -300; policy accept;
          tcp flags & rst != 0 drop
          icmp type { destination-unreachable, time-exceeded, parameter-problem } drop
          icmpv6 type { destination-unreachable, packet-too-big, time-exceeded, parameter-problem } drop
        }
      }
      """
          .formatted(SETUP_TABLE);
  private static final Pattern IPTABLES_LINE = Pattern.compile("Error occurred at line: (\\d+)");
  private static final Pattern NFT_LINE =
      Pattern.compile("^[^:\\n]*:(\\d+):\\d+(-\\d+)?: Error", Pattern.MULTILINE);

  enum Format {
    IPTABLES("iptables-restore", "iptables-save"),
    IP6TABLES("ip6tables-restore", "ip6tables-save"),
    NFT("nft", null);

    final String restore;
    final String save;

    Format(String restore, String save) {
      this.restore = restore;
      this.save = save;
    }
  }

  private final Topology topology;
  private Format format;
  private String content;
  private boolean userLoaded;

  RulesetLoader(Topology topology) {
    this.topology = topology;
  }

  /**
   * Replaces the ruleset; fails with the loader's complaint if it is refused, and then leaves no
   * ruleset loaded at all.
   */
  void load(Format newFormat, String newContent) {
    flush();
    format = newFormat;
    content = newContent;
    userLoaded = true;
    try {
      apply();
    } catch (RuntimeException e) {
      content = null;
      flush();
      throw e;
    }
  }

  /** Makes sure the user's ruleset alone is loaded. */
  void ensureUserRuleset() {
    if (!userLoaded) {
      flush();
      apply();
      userLoaded = true;
    }
  }

  /** Swaps the user's ruleset for the accept-all setup table. */
  void loadSetupTable() {
    topology.inHost(SETUP, Shell.which("nft"), "-f", "-").check();
    userLoaded = false;
  }

  /**
   * Replaces the setup table by the user's ruleset without a moment in which nothing uses
   * conntrack: an nft script goes in one transaction with the deletion; iptables-restore leaves the
   * setup table alone, which is deleted right after it.
   */
  void replaceSetupTable() {
    String delete = "delete table inet " + SETUP_TABLE;
    if (content == null) {
      topology.inHost(null, Shell.which("nft"), delete).check();
    } else if (format == Format.NFT) {
      applyNft(delete + "; " + content); // same line, so nft's line numbers stay right
    } else {
      String both = Shell.which(format.restore) + " -w 5 && " + Shell.which("nft") + " " + delete;
      Shell.Result r = topology.inHost(content, "sh", "-c", both);
      if (!r.ok()) {
        throw failure(format.restore, content, r.stderr(), IPTABLES_LINE);
      }
    }
    userLoaded = true;
  }

  /** Runs {@code ipset restore} in the ruleset host (sets survive ruleset changes). */
  void loadIpsets(String restoreScript) {
    Shell.Result r = topology.inHost(restoreScript, Shell.which("ipset"), "restore", "-exist");
    if (!r.ok()) {
      throw failure("ipset", restoreScript, r.stderr(), Pattern.compile("line (\\d+)"));
    }
  }

  private void flush() {
    topology.inHost(null, Shell.which("nft"), "flush", "ruleset").check();
  }

  private void apply() {
    if (content == null) {
      return;
    }
    if (format != Format.NFT) {
      Shell.Result r = topology.inHost(content, Shell.which(format.restore), "-w", "5");
      if (!r.ok()) {
        throw failure(format.restore, content, r.stderr(), IPTABLES_LINE);
      }
    } else {
      applyNft(content);
    }
  }

  private void applyNft(String script) {
    Shell.Result r = topology.inHost(script, Shell.which("nft"), "-f", "-");
    if (!r.ok()) {
      throw failure("nft", content, r.stderr(), NFT_LINE);
    }
  }

  private static RulesetLoadException failure(
      String tool, String content, String stderr, Pattern linePattern) {
    Matcher m = linePattern.matcher(stderr);
    int line = m.find() ? Integer.parseInt(m.group(1)) : -1;
    List<String> lines = content.lines().toList();
    String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    return new RulesetLoadException(tool, line, text, stderr);
  }
}
