package dev.zpaaudit.ingest.squid;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Squid configuration's {@code ssl_bump} rules as an ordered list of decryption rules. Squid
 * decides in up to three steps (the client's connection; its TLS hello, with the server name; the
 * server's hello): at each it takes the first rule whose ACLs match and whose action the step
 * allows; {@code peek} and {@code stare} go on to the next step, {@code splice} leaves the TLS
 * alone, {@code bump} decrypts it, {@code terminate} closes it (which breaks the connector as
 * decrypting does). When no rule matches, Squid splices, or bumps after a {@code stare}. The steps
 * are flattened: a rule that goes on is followed by the next step's rules under its conditions, and
 * by the step's default (at line 0, as Squid's own). Without a port that bumps, nothing is
 * decrypted.
 */
final class SquidConversions {
  static final String FORMAT = "Squid";

  /** Flattened rules beyond this many are not written out; the rest is unknown. */
  static final int MAX_RULES = 10_000;

  private final SquidConfig config;
  private final SquidAcls acls;
  private final List<DecryptionRule> out = new ArrayList<>();

  private SquidConversions(SquidConfig config) {
    this.config = config;
    this.acls = new SquidAcls(config);
  }

  static ParseResult convert(SquidConfig c, List<Diagnostic> diagnostics) {
    SquidConversions s = new SquidConversions(c);
    if (!c.explicitBump() && !c.interceptBump()) {
      s.out.add(
          new DecryptionRule(
              new dev.zpaaudit.model.SourceLocation(c.file(), 0),
              "no http_port or https_port bumps TLS (ssl-bump)",
              List.of(),
              List.of(),
              List.of(),
              DecryptionRule.Decision.BYPASS));
    } else {
      s.step(1, Path.START);
    }
    Firewall fw =
        new Firewall(c.file(), FORMAT, Set.of(), Map.of(), List.of(), Network.NONE, s.out, false);
    return new ParseResult(fw, diagnostics);
  }

  /**
   * What the steps so far require: conditions, server-name patterns (null: any), the last action.
   */
  record Path(
      List<Condition> match, List<String> names, String last, String file, int line, String how) {
    static final Path START = new Path(List.of(), null, null, null, 0, "");
  }

  private void step(int step, Path before) {
    for (SquidConfig.BumpRule r : config.rules()) {
      if (out.size() >= MAX_RULES) {
        break;
      }
      if (r.action().equals(SquidConfig.INCLUDE)) {
        unknown(before, r, step);
        continue;
      }
      String action = normal(r.action(), step);
      if (!allowed(action, step, before.last())) {
        continue;
      }
      SquidAcls.Match m = acls.match(r.acls(), step);
      if (m == null) {
        continue; // cannot match at this step
      }
      Path p = and(before, m, r, action, step);
      if (action.equals("peek") || action.equals("stare")) {
        step(step + 1, p);
      } else {
        emit(p, action);
      }
    }
    emit(
        new Path(
            before.match(),
            before.names(),
            before.last(),
            null,
            0,
            before.how()
                + (before.how().isEmpty() ? "" : ", ")
                + "no ssl_bump rule matches at step "
                + step),
        "stare".equals(before.last()) ? "bump" : "splice");
  }

  private Path and(
      Path before, SquidAcls.Match m, SquidConfig.BumpRule r, String action, int step) {
    List<Condition> match = new ArrayList<>(before.match());
    match.addAll(m.conditions());
    r.doubts().forEach(x -> match.add(new Condition.Unknown(x)));
    List<String> names = before.names();
    if (m.names() != null) {
      if (names != null) {
        match.add(new Condition.Unknown("server names tested at two steps: " + r.text()));
      } else {
        names = m.names();
      }
    }
    return new Path(match, names, action, r.file(), r.line(), how(before, r, step));
  }

  /** How a path goes on through rule {@code r} at a step: "..., step 2: ssl_bump ... (line 9)". */
  private String how(Path before, SquidConfig.BumpRule r, int step) {
    return (before.how().isEmpty() ? "" : before.how() + ", ")
        + "step "
        + step
        + ": "
        + r.text()
        + " ("
        + where(r)
        + ")";
  }

  /**
   * An {@code include} at this step: the rules of the files it names may decide anything that
   * reaches it, so what reaches it is unknown.
   */
  private void unknown(Path before, SquidConfig.BumpRule r, int step) {
    if (before.names() != null && before.names().isEmpty()) {
      return; // server names that match nothing
    }
    List<Condition> match = new ArrayList<>(before.match());
    r.doubts().forEach(x -> match.add(new Condition.Unknown(x)));
    out.add(
        new DecryptionRule(
            new dev.zpaaudit.model.SourceLocation(r.file(), r.line()),
            how(before, r, step)
                + ": the files it names are not found, so their ssl_bump rules are not read",
            match,
            before.names() == null ? List.of() : before.names(),
            List.of(),
            DecryptionRule.Decision.UNKNOWN));
  }

  private void emit(Path p, String action) {
    DecryptionRule.Decision d =
        switch (action) {
          case "splice" -> DecryptionRule.Decision.BYPASS;
          case "terminate" -> DecryptionRule.Decision.CLOSE;
          default -> DecryptionRule.Decision.INSPECT;
        };
    String what =
        switch (action) {
          case "splice" -> "spliced: not decrypted";
          case "terminate" -> "terminated: the connection is closed";
          default -> "bumped: decrypted";
        };
    List<Condition> match = new ArrayList<>(p.match());
    List<String> names = p.names() == null ? List.of() : p.names();
    if (p.names() != null && names.isEmpty()) {
      return; // server names that match nothing
    }
    out.add(
        new DecryptionRule(
            new dev.zpaaudit.model.SourceLocation(
                p.file() == null ? config.file() : p.file(), p.line()),
            (p.how().isEmpty() ? "" : p.how() + ": ") + what,
            match,
            names,
            List.of(),
            d));
  }

  private String where(SquidConfig.BumpRule r) {
    return SquidConfig.where(config.file(), r.file(), r.line());
  }

  /** Legacy actions by what they do at step 1. */
  private static String normal(String action, int step) {
    return switch (action) {
      case "client-first", "server-first" -> step == 1 ? "bump" : "skip";
      case "none" -> step == 1 ? "splice" : "skip";
      default -> action;
    };
  }

  /** Whether an action can be taken at a step, after the action the step before took. */
  private static boolean allowed(String action, int step, String last) {
    if (action.equals("skip")) {
      return false;
    }
    if (step == 3) {
      if (action.equals("peek") || action.equals("stare")) {
        return false;
      }
      return !("peek".equals(last) && action.equals("bump"))
          && !("stare".equals(last) && action.equals("splice"));
    }
    return true;
  }
}
