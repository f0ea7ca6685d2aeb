package dev.zpaaudit.ingest.squid;

import java.util.List;
import java.util.Map;

/**
 * A Squid configuration as far as TLS interception goes: its ACLs by name (values from the line and
 * from the files it names), its {@code ssl_bump} rules in order, and whether a port bumps TLS,
 * intercepted or as an explicit proxy.
 */
record SquidConfig(
    String file,
    Map<String, Acl> acls,
    List<BumpRule> rules,
    boolean explicitBump,
    boolean interceptBump) {

  /** {@code acl NAME TYPE [-i|-n] VALUES...}, all lines of one name together. */
  record Acl(String name, String type, List<String> values, int line) {}

  /** One ACL an {@code ssl_bump} line names, perhaps negated ({@code !name}). */
  record AclRef(String name, boolean negated) {}

  /**
   * {@code ssl_bump ACTION ACL...}, its file (the configuration or one it includes) and line, with
   * what makes it uncertain (inside an {@code if} block, or naming an ACL that an included file may
   * define). An {@code include} stands among the rules as one of action {@link #INCLUDE}: the rules
   * of the files it names are not read.
   */
  record BumpRule(
      String action, List<AclRef> acls, String text, String file, int line, List<String> doubts) {}

  /** The action of an {@code include} among the rules. */
  static final String INCLUDE = "include";

  /** A line of configuration {@code config} ("line 7"), or of a file it includes ("file:7"). */
  static String where(String config, String file, int line) {
    return file.equals(config) ? "line " + line : file + ":" + line;
  }
}
