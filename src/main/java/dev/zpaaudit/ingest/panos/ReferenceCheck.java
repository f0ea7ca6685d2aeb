package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.ingest.panos.PanosResolver.Lookup;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every name a group or rule uses is defined in its scopes, and that no group contains
 * itself. Each undefined name and each loop is an error at the line of the group or rule that uses
 * it.
 */
final class ReferenceCheck {
  private enum State {
    VISITING,
    DONE
  }

  private final Reading r;
  private final Map<Object, State> groups = new IdentityHashMap<>();

  ReferenceCheck(Reading r) {
    this.r = r;
  }

  /**
   * Checks the groups a scope defines (the first of the resolver's scopes) and the rules of its
   * rulebases.
   */
  void scope(PanosResolver resolver, List<Rulebase> rulebases) {
    PanosObjects own = resolver.scopes().get(0).objects();
    for (AddressGroup g : own.addressGroups().values()) {
      if (g.content() instanceof AddressGroup.Static s) {
        for (String m : s.members()) {
          address(resolver, m, "address group '" + g.name() + "'", g.line());
        }
      }
      addressLoops(resolver, g, new ArrayList<>());
    }
    for (ServiceGroup g : own.serviceGroups().values()) {
      for (String m : g.members()) {
        service(resolver, m, "service group '" + g.name() + "'", g.line());
      }
      serviceLoops(resolver, g, new ArrayList<>());
    }
    for (Rulebase rb : rulebases) {
      rules(resolver, rb);
    }
  }

  private void rules(PanosResolver resolver, Rulebase rb) {
    for (SecurityRule rule : rb.security()) {
      match(resolver, rule.match(), "security rule '" + rule.name() + "'", rule.line());
    }
    for (DecryptionRule rule : rb.decryption()) {
      match(resolver, rule.match(), "decryption rule '" + rule.name() + "'", rule.line());
    }
    for (NatRule rule : rb.nat()) {
      nat(resolver, rule);
    }
    for (PbfRule rule : rb.pbf()) {
      String subject = "policy-based forwarding rule '" + rule.name() + "'";
      addresses(resolver, rule.source(), subject, rule.line());
      addresses(resolver, rule.destination(), subject, rule.line());
      services(resolver, rule.services(), subject, rule.line());
    }
  }

  private void match(PanosResolver resolver, RuleMatch m, String subject, int line) {
    addresses(resolver, m.source(), subject, line);
    addresses(resolver, m.destination(), subject, line);
    services(resolver, m.services(), subject, line);
  }

  private void nat(PanosResolver resolver, NatRule rule) {
    String subject = "NAT rule '" + rule.name() + "'";
    addresses(resolver, rule.source(), subject, rule.line());
    addresses(resolver, rule.destination(), subject, rule.line());
    service(resolver, rule.service(), subject, rule.line());
    List<String> translated = new ArrayList<>();
    rule.sourceTranslation().ifPresent(t -> translated.addAll(translatedAddresses(t)));
    rule.destinationTranslation().ifPresent(t -> translated.add(t.translatedAddress()));
    addresses(resolver, translated, subject, rule.line());
  }

  private static List<String> translatedAddresses(SourceTranslation t) {
    if (t instanceof SourceTranslation.DynamicIpAndPort d) {
      return d.translatedAddresses();
    }
    if (t instanceof SourceTranslation.DynamicIp d) {
      return d.translatedAddresses();
    }
    if (t instanceof SourceTranslation.StaticIp s) {
      return List.of(s.translatedAddress());
    }
    return ((SourceTranslation.InterfaceAddress) t).address().stream().toList();
  }

  private void addresses(PanosResolver resolver, List<String> names, String subject, int line) {
    for (String n : names) {
      address(resolver, n, subject, line);
    }
  }

  private void services(PanosResolver resolver, List<String> names, String subject, int line) {
    for (String n : names) {
      service(resolver, n, subject, line);
    }
  }

  private void address(PanosResolver resolver, String name, String subject, int line) {
    if (resolver.address(name).kind() == Lookup.Kind.NOT_DEFINED) {
      r.error(line, subject + ": address '" + name + "' is not defined");
    }
  }

  private void service(PanosResolver resolver, String name, String subject, int line) {
    if (resolver.service(name).kind() == Lookup.Kind.NOT_DEFINED) {
      r.error(line, subject + ": service '" + name + "' is not defined");
    }
  }

  /** Depth-first through static groups; a group met again on the path is a loop. */
  private void addressLoops(PanosResolver resolver, AddressGroup g, List<String> path) {
    if (!enter(g, g.name(), g.line(), "address group", path)) {
      return;
    }
    if (g.content() instanceof AddressGroup.Static s) {
      for (String m : s.members()) {
        Lookup l = resolver.address(m);
        if (l.kind() == Lookup.Kind.ADDRESS_GROUP) {
          addressLoops(resolver.from(l.index()), (AddressGroup) l.definition(), path);
        }
      }
    }
    leave(g, path);
  }

  private void serviceLoops(PanosResolver resolver, ServiceGroup g, List<String> path) {
    if (!enter(g, g.name(), g.line(), "service group", path)) {
      return;
    }
    for (String m : g.members()) {
      Lookup l = resolver.service(m);
      if (l.kind() == Lookup.Kind.SERVICE_GROUP) {
        serviceLoops(resolver.from(l.index()), (ServiceGroup) l.definition(), path);
      }
    }
    leave(g, path);
  }

  /** Whether to explore a group: not when done; a group being explored is a loop, reported. */
  private boolean enter(Object g, String name, int line, String what, List<String> path) {
    State s = groups.get(g);
    if (s == State.VISITING) {
      List<String> loop = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      loop.add(name);
      r.error(line, what + " '" + name + "' contains itself: " + String.join(" -> ", loop));
      return false;
    }
    if (s == State.DONE) {
      return false;
    }
    groups.put(g, State.VISITING);
    path.add(name);
    return true;
  }

  private void leave(Object g, List<String> path) {
    groups.put(g, State.DONE);
    path.remove(path.size() - 1);
  }
}
