package dev.zpaaudit.ingest.iptables;

import java.util.List;
import java.util.Map;

/** An iptables-save export as written: tables, declared chains and rules, with line numbers. */
record IptablesSave(List<Table> tables) {

  /** A chain declaration ":NAME POLICY [p:b]"; policy "-" for user chains. */
  record ChainDecl(String name, String policy, int line, String text) {}

  /**
   * An "-A CHAIN ..." line, its counters removed. Its words are split again when asked for: holding
   * them for every line of a large export would take many times the export's size.
   */
  record RuleLine(String chain, int line, String text) {
    /** The words after the chain name. */
    List<Tokenizer.Word> words() {
      List<Tokenizer.Word> w = Tokenizer.split(text);
      return w.subList(Math.min(2, w.size()), w.size());
    }
  }

  record Table(String name, int line, Map<String, ChainDecl> chains, List<RuleLine> rules) {}
}
