package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.io.Tree;
import java.util.List;
import java.util.Map;

/**
 * An {@code nft -j list ruleset} export as written: tables, chains, sets and maps, rules, each with
 * the line of its JSON object. Names are unique per "family table".
 */
record NftExport(
    List<Table> tables,
    Map<String, ChainDecl> chains,
    Map<String, SetDecl> sets,
    List<RuleObj> rules) {

  /** "family table": the scope of chain and set names. */
  static String scope(String family, String table) {
    return family + " " + table;
  }

  record Table(String family, String name, int line) {
    String scope() {
      return NftExport.scope(family, name);
    }
  }

  /**
   * A chain; {@code hook} is null for a regular chain. {@code prio} as written (number or name).
   */
  record ChainDecl(
      String family,
      String table,
      String name,
      String type,
      String hook,
      Tree prio,
      String policy,
      List<String> devices,
      int line) {
    String fullName() {
      return family + " " + table + " " + name;
    }

    boolean isBase() {
      return hook != null;
    }
  }

  /**
   * A named set or map. {@code keyTypes} has one type per concatenated field; {@code mapType} is
   * null for a set, "verdict" for a verdict map. {@code elements} is null when none are listed.
   */
  record SetDecl(
      String family,
      String table,
      String name,
      List<String> keyTypes,
      String mapType,
      List<String> flags,
      boolean hasTimeout,
      List<Tree> elements,
      int line) {
    boolean isMap() {
      return mapType != null;
    }
  }

  record RuleObj(
      String family,
      String table,
      String chain,
      long handle,
      String comment,
      List<Tree> exprs,
      int line) {
    String chainFullName() {
      return family + " " + table + " " + chain;
    }
  }
}
