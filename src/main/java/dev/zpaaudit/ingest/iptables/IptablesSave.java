package dev.zpaaudit.ingest.iptables;

import java.util.List;
import java.util.Map;

/** An iptables-save export as written: tables, declared chains and rules, with line numbers. */
record IptablesSave(List<Table> tables) {

  /** A chain declaration ":NAME POLICY [p:b]"; policy "-" for user chains. */
  record ChainDecl(String name, String policy, int line, String text) {}

  /**
   * An "-A CHAIN ..." line, its counters removed: where it is in the export's text ({@code start}
   * to {@code end} of {@code export}). Its text and words are taken when it is converted: holding
   * them for every line of a large export until then would take several times the export's size.
   */
  record RuleLine(String chain, int line, String export, int start, int end) {
    String text() {
      return export.substring(start, end);
    }
  }

  record Table(String name, int line, Map<String, ChainDecl> chains, List<RuleLine> rules) {}
}
