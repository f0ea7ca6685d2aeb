package dev.zpaaudit.ingest.iptables;

import java.util.List;
import java.util.Map;

/** An iptables-save export as written: tables, declared chains and rules, with line numbers. */
record IptablesSave(List<Table> tables) {

  /** A chain declaration ":NAME POLICY [p:b]"; policy "-" for user chains. */
  record ChainDecl(String name, String policy, int line, String text) {}

  /** An "-A CHAIN ..." line: its words after the chain name. */
  record RuleLine(String chain, List<Tokenizer.Word> words, int line, String text) {}

  record Table(String name, int line, Map<String, ChainDecl> chains, List<RuleLine> rules) {}
}
