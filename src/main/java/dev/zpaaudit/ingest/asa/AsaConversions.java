package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ASA configuration in the neutral model: a stateful firewall between its interfaces (named by
 * {@code nameif}). The first packet of a connection arriving on an interface meets the interface's
 * inbound ACL, then the global ACL, then the implicit deny; on an interface with neither, the
 * security levels decide (from a higher level to a lower one passes; between equal levels only with
 * {@code same-security-traffic permit}). An outbound ACL on the interface the packet leaves by is
 * judged after. The rest of a connection and its replies follow its first packet.
 */
public final class AsaConversions {
  static final String IN = "access-lists in";
  static final String OUT = "access-lists out";

  private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4, AddressFamily.IPV6);

  private final AsaConfig config;
  private final AsaMatches matches;
  private final List<Diagnostic> diagnostics;

  private AsaConversions(AsaConfig config, List<Diagnostic> diagnostics) {
    this.config = config;
    this.matches = new AsaMatches(config);
    this.diagnostics = diagnostics;
  }

  public static ParseResult convert(AsaReader.Result read) {
    List<Diagnostic> diags = new ArrayList<>(read.diagnostics());
    AsaConversions c = new AsaConversions(read.config(), diags);
    Firewall fw =
        new Firewall(
            read.config().file(),
            "Cisco ASA",
            BOTH,
            Map.of(IN, c.inbound(), OUT, c.outbound()),
            List.of(
                new Attachment(
                    Point.FORWARDED, Attachment.Kind.SESSION, 0, IN, BOTH, "inbound access-lists"),
                new Attachment(
                    Point.FORWARDED,
                    Attachment.Kind.SESSION,
                    1,
                    OUT,
                    BOTH,
                    "outbound access-lists")),
            AsaNetwork.of(read.config(), c.matches),
            List.of(),
            false);
    return new ParseResult(fw, diags);
  }

  private Filter inbound() {
    List<Rule> rules = new ArrayList<>(destinationNats());
    Optional<AsaConfig.AccessGroup> global =
        config.accessGroups().stream().filter(AsaConfig.AccessGroup::global).findFirst();
    for (AsaInterface i : named()) {
      acl(i, true)
          .ifPresent(
              g -> rules.addAll(rules(g, new Condition.InIface(List.of(i.nameif()), false))));
    }
    global.ifPresent(g -> rules.addAll(rules(g, null)));
    if (global.isEmpty()) {
      for (AsaInterface i : named()) {
        if (acl(i, true).isEmpty()) {
          rules.addAll(securityLevels(i));
        }
      }
    }
    Rule deny =
        new Rule(
            new SourceLocation(config.file(), 0),
            "implicit deny",
            List.of(),
            new Action.Drop("deny"));
    return new Filter(IN, rules, deny);
  }

  /**
   * A connection to a destination a twice NAT translates reaches another address than the one the
   * connectors name, which the ACLs then see: not modelled, so such connections are unknown.
   */
  private List<Rule> destinationNats() {
    List<Rule> out = new ArrayList<>();
    for (AsaConfig.DestinationNat n : config.destinationNats()) {
      String why = "destination translated by '" + n.text() + "', which is not modelled";
      out.add(
          new Rule(
              new SourceLocation(config.file(), n.line()),
              n.text(),
              matches.address(n.mapped(), false),
              new Action.Unknown(why)));
    }
    return out;
  }

  private Filter outbound() {
    List<Rule> rules = new ArrayList<>();
    for (AsaInterface i : named()) {
      Optional<AsaConfig.AccessGroup> g = acl(i, false);
      if (g.isPresent()) {
        Condition out = new Condition.OutIface(List.of(i.nameif()), false);
        rules.addAll(rules(g.get(), out));
        rules.add(
            new Rule(
                new SourceLocation(config.file(), g.get().line()),
                "implicit deny of access-list " + g.get().acl() + " (out on " + i.nameif() + ")",
                List.of(out),
                new Action.Drop("deny")));
      }
    }
    Rule none =
        new Rule(
            new SourceLocation(config.file(), 0),
            "no outbound access-list on the interface",
            List.of(),
            new Action.Accept("no outbound access-list"));
    return new Filter(OUT, rules, none);
  }

  private List<AsaInterface> named() {
    return config.interfaces().stream().filter(i -> i.nameif() != null && !i.shutdown()).toList();
  }

  private Optional<AsaConfig.AccessGroup> acl(AsaInterface i, boolean in) {
    return config.accessGroups().stream()
        .filter(g -> !g.global() && g.in() == in && i.nameif().equals(g.nameif()))
        .findFirst();
  }

  /** An applied ACL's lines, each tested on the interface it is applied to (null: global). */
  private List<Rule> rules(AsaConfig.AccessGroup g, Condition where) {
    List<Rule> out = new ArrayList<>();
    for (AclEntry e : config.acls().getOrDefault(g.acl(), List.of())) {
      if (e.inactive()) {
        diagnostics.add(
            new Diagnostic(
                Diagnostic.Severity.NOTE,
                new SourceLocation(config.file(), e.line()),
                "access-list " + e.acl() + " line " + e.index() + " is inactive: skipped"));
        continue;
      }
      List<Condition> match = new ArrayList<>();
      if (where != null) {
        match.add(where);
      }
      match.addAll(matches.entry(e));
      Action a = e.permit() ? new Action.Accept("permit") : new Action.Drop("deny");
      String text = "access-list " + e.acl() + " line " + e.index() + ": " + e.text();
      out.add(new Rule(new SourceLocation(config.file(), e.line()), text, match, a));
    }
    return out;
  }

  /** Without an ACL, traffic from an interface passes to those of a lower security level. */
  private List<Rule> securityLevels(AsaInterface from) {
    List<Rule> out = new ArrayList<>();
    for (AsaInterface to : named()) {
      boolean same = to.securityLevel() == from.securityLevel();
      boolean pass =
          from == to
              ? config.sameSecurityIntra()
              : from.securityLevel() > to.securityLevel() || same && config.sameSecurityInter();
      if (!pass) {
        continue;
      }
      String text =
          "security-level "
              + from.securityLevel()
              + " ("
              + from.nameif()
              + ") to "
              + to.securityLevel()
              + " ("
              + to.nameif()
              + ")"
              + (same ? " with same-security-traffic permit" : ": higher to lower, no access-list");
      out.add(
          new Rule(
              new SourceLocation(config.file(), from.line()),
              text,
              List.of(
                  new Condition.InIface(List.of(from.nameif()), false),
                  new Condition.OutIface(List.of(to.nameif()), false)),
              new Action.Accept("permit")));
    }
    return out;
  }
}
