package dev.zpaaudit.checks.tls;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A device's TLS inspection policy as a filter the engine judges: a rule that leaves the TLS alone
 * accepts, one that decrypts it (or closes the connection) denies, one the export does not settle
 * is unknown; when no rule matches, nothing is decrypted. A rule's server names are compared with
 * the names the connectors use: all of them matched is a match, none is no match, some is not
 * known; a URL category that is not a list of names is not known either.
 */
public final class DecryptionPolicy {
  public static final String FILTER = "decryption";

  private DecryptionPolicy() {}

  /** The firewall's decryption policy as a firewall of one filter, on forwarded traffic. */
  public static Firewall of(Firewall fw, List<String> names) {
    List<Rule> rules = new ArrayList<>();
    for (DecryptionRule d : fw.decryption()) {
      rules.add(rule(d, names));
    }
    Rule none =
        new Rule(
            new SourceLocation(fw.source(), 0),
            "no decryption rule matches: TLS is not decrypted",
            List.of(),
            new Action.Accept("not decrypted"));
    return firewall(fw, rules, none);
  }

  /**
   * One decryption rule of the firewall as if it stood alone, with everything it does not match
   * decrypted: what that rule leaves undecrypted by itself.
   */
  public static Firewall alone(Firewall fw, DecryptionRule d, List<String> names) {
    Rule rest =
        new Rule(
            new SourceLocation(fw.source(), 0),
            "everything else decrypted",
            List.of(),
            new Action.Drop("decrypted"));
    return firewall(fw, List.of(rule(d, names)), rest);
  }

  private static Rule rule(DecryptionRule d, List<String> names) {
    List<Condition> match = new ArrayList<>(d.match());
    Condition named = names(d, names);
    if (named != null) {
      match.add(named);
    }
    return new Rule(d.location(), d.text(), match, action(d));
  }

  /**
   * The policy as a filter where the device judges traffic: on forwarded traffic; for a proxy (an
   * export of TLS inspection only, no filters), on the connector's own traffic as well.
   */
  private static Firewall firewall(Firewall fw, List<Rule> rules, Rule none) {
    Filter f = new Filter(FILTER, rules, none);
    boolean proxy = fw.attachments().isEmpty();
    Set<AddressFamily> families =
        proxy ? Set.of(AddressFamily.IPV4, AddressFamily.IPV6) : fw.families();
    List<Attachment> at = new ArrayList<>();
    at.add(
        new Attachment(
            Point.FORWARDED, Attachment.Kind.FILTER, 0, FILTER, families, "decryption policy"));
    if (proxy) {
      at.add(
          new Attachment(
              Point.ORIGINATED, Attachment.Kind.FILTER, 0, FILTER, families, "decryption policy"));
    }
    return new Firewall(
        fw.source(),
        fw.format(),
        families,
        Map.of(FILTER, f),
        at,
        fw.network(),
        fw.decryption(),
        fw.zoned());
  }

  private static Action action(DecryptionRule d) {
    return switch (d.decision()) {
      case BYPASS -> new Action.Accept("no-decrypt");
      case INSPECT -> new Action.Drop("decrypt");
      case CLOSE -> new Action.Drop("close");
      default -> new Action.Unknown("what " + d.text() + " does is not known");
    };
  }

  /** The condition a rule's server names and categories put on the connectors' TLS, or null. */
  private static Condition names(DecryptionRule d, List<String> names) {
    if (d.serverNames().isEmpty() && d.categories().isEmpty()) {
      return null;
    }
    List<List<Condition>> alts = new ArrayList<>();
    if (!d.serverNames().isEmpty()) {
      boolean all = true;
      boolean none = true;
      for (String n : names) {
        ServerNames.Cover c = ServerNames.cover(d.serverNames(), n);
        all &= c == ServerNames.Cover.ALL;
        none &= c == ServerNames.Cover.NONE;
      }
      if (all) {
        alts.add(List.of());
      } else if (!none) {
        alts.add(
            List.of(
                new Condition.Unknown(
                    "its server names ("
                        + String.join(", ", d.serverNames())
                        + ") match only some of "
                        + String.join(", ", names))));
      }
    }
    for (String c : d.categories()) {
      alts.add(
          List.of(
              new Condition.Unknown(
                  "URL category " + c + ": which names it holds is not in the export")));
    }
    return new Condition.AnyOf(alts);
  }
}
