package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.members;
import static dev.zpaaudit.ingest.panos.Elements.membersOrAny;
import static dev.zpaaudit.ingest.panos.Elements.name;
import static dev.zpaaudit.ingest.panos.Elements.text;
import static dev.zpaaudit.ingest.panos.Elements.yes;

import dev.zpaaudit.io.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads NAT and policy-based forwarding rules. */
final class NatReader {
  private final Reading r;
  private final RuleReader rules;

  NatReader(Reading r, RuleReader rules) {
    this.r = r;
    this.rules = rules;
  }

  List<NatRule> natRules(List<XmlElement> entries) {
    List<NatRule> read = new ArrayList<>();
    for (XmlElement e : entries) {
      nat(e).ifPresent(read::add);
    }
    return read;
  }

  List<PbfRule> pbfRules(List<XmlElement> entries) {
    List<PbfRule> read = new ArrayList<>();
    for (XmlElement e : entries) {
      pbf(e).ifPresent(read::add);
    }
    return read;
  }

  private Optional<NatRule> nat(XmlElement e) {
    String subject = "NAT rule '" + name(e) + "'";
    String typeText = text(e, "nat-type").orElse("ipv4");
    Optional<NatRule.Type> type = NatRule.Type.tryParse(typeText);
    if (type.isEmpty()) {
      r.error(
          e.child("nat-type").orElseThrow(),
          subject + ": nat-type '" + typeText + "' is not ipv4, nat64 or nptv6");
      return Optional.empty();
    }
    Optional<Optional<SourceTranslation>> source = sourceTranslation(e, subject);
    Optional<Optional<DestinationTranslation>> destination = destinationTranslation(e, subject);
    if (source.isEmpty() || destination.isEmpty()) {
      return Optional.empty();
    }
    rules.checkTarget(e, subject);
    return Optional.of(
        new NatRule(
            name(e),
            type.get(),
            rules.required(e, "from", subject),
            rules.required(e, "to", subject),
            text(e, "to-interface").orElse("any"),
            rules.required(e, "source", subject),
            rules.required(e, "destination", subject),
            text(e, "service").orElse("any"),
            source.get(),
            destination.get(),
            yes(r, e, "disabled", subject),
            e.line()));
  }

  /** The source translation (empty inside: none written); empty outside: unreadable. */
  private Optional<Optional<SourceTranslation>> sourceTranslation(XmlElement e, String subject) {
    Optional<XmlElement> st = e.child("source-translation");
    if (st.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    Optional<XmlElement> kind = Elements.firstChild(st.get());
    Optional<SourceTranslation> t = kind.flatMap(k -> translation(k, subject));
    if (t.isEmpty()) {
      if (kind.isEmpty()) {
        r.error(st.get(), subject + " has an empty source-translation");
      }
      return Optional.empty();
    }
    return Optional.of(t);
  }

  private Optional<SourceTranslation> translation(XmlElement kind, String subject) {
    switch (kind.name()) {
      case "dynamic-ip-and-port" -> {
        Optional<XmlElement> ifa = kind.child("interface-address");
        if (ifa.isPresent()) {
          Optional<String> name = text(ifa.get(), "interface");
          if (name.isEmpty()) {
            r.error(ifa.get(), subject + ": interface-address has no interface");
            return Optional.empty();
          }
          return Optional.of(
              new SourceTranslation.InterfaceAddress(name.get(), text(ifa.get(), "ip")));
        }
        return translated(kind, subject).map(SourceTranslation.DynamicIpAndPort::new);
      }
      case "dynamic-ip" -> {
        return translated(kind, subject).map(SourceTranslation.DynamicIp::new);
      }
      case "static-ip" -> {
        Optional<String> to = text(kind, "translated-address");
        if (to.isEmpty()) {
          r.error(kind, subject + ": static-ip has no translated-address");
          return Optional.empty();
        }
        return Optional.of(
            new SourceTranslation.StaticIp(to.get(), yes(r, kind, "bi-directional", subject)));
      }
      default -> {
        return Optional.empty(); // reported as not modelled by the support check
      }
    }
  }

  private Optional<List<String>> translated(XmlElement kind, String subject) {
    List<String> to = members(kind, "translated-address");
    if (to.isEmpty()) {
      r.error(kind, subject + ": " + kind.name() + " has no translated-address");
      return Optional.empty();
    }
    return Optional.of(to);
  }

  private Optional<Optional<DestinationTranslation>> destinationTranslation(
      XmlElement e, String subject) {
    // A load-balanced translation (not modelled, and reported so) rewrites the destination too.
    Optional<XmlElement> dt =
        e.child("destination-translation").or(() -> e.child("dynamic-destination-translation"));
    if (dt.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    Optional<String> to = text(dt.get(), "translated-address");
    if (to.isEmpty()) {
      r.error(dt.get(), subject + ": " + dt.get().name() + " has no translated-address");
      return Optional.empty();
    }
    Optional<Integer> port = Elements.integer(r, dt.get(), "translated-port", 1, 65535, subject);
    if (port.isEmpty() && dt.get().child("translated-port").isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Optional.of(new DestinationTranslation(to.get(), port)));
  }

  private Optional<PbfRule> pbf(XmlElement e) {
    String subject = "policy-based forwarding rule '" + name(e) + "'";
    Optional<PbfRule.From> from = pbfFrom(e, subject);
    Optional<PbfRule.Action> action = pbfAction(e, subject);
    if (from.isEmpty() || action.isEmpty()) {
      return Optional.empty();
    }
    e.child("enforce-symmetric-return")
        .filter(s -> yes(r, s, "enabled", subject))
        .ifPresent(
            s ->
                r.unmodelled(
                    s,
                    "enforce-symmetric-return",
                    subject + " sends replies back the way they came"));
    rules.checkTarget(e, subject);
    return Optional.of(
        new PbfRule(
            name(e),
            from.get(),
            rules.required(e, "source", subject),
            yes(r, e, "negate-source", subject),
            rules.required(e, "destination", subject),
            yes(r, e, "negate-destination", subject),
            membersOrAny(e, "source-user"),
            membersOrAny(e, "application"),
            membersOrAny(e, "service"),
            action.get(),
            yes(r, e, "disabled", subject),
            e.line()));
  }

  private Optional<PbfRule.From> pbfFrom(XmlElement e, String subject) {
    Optional<XmlElement> from = e.child("from");
    List<String> zones = from.map(f -> members(f, "zone")).orElse(List.of());
    List<String> interfaces = from.map(f -> members(f, "interface")).orElse(List.of());
    if (!zones.isEmpty()) {
      return Optional.of(new PbfRule.From(PbfRule.From.Kind.ZONE, zones));
    }
    if (!interfaces.isEmpty()) {
      return Optional.of(new PbfRule.From(PbfRule.From.Kind.INTERFACE, interfaces));
    }
    r.error(from.orElse(e), subject + " has no from zone or interface");
    return Optional.empty();
  }

  private Optional<PbfRule.Action> pbfAction(XmlElement e, String subject) {
    Optional<XmlElement> action = e.child("action").flatMap(Elements::firstChild);
    if (action.isEmpty()) {
      r.error(e.child("action").orElse(e), subject + " has no action");
      return Optional.empty();
    }
    XmlElement a = action.get();
    switch (a.name()) {
      case "forward" -> {
        Optional<String> egress = text(a, "egress-interface");
        if (egress.isEmpty()) {
          r.error(a, subject + ": forward has no egress-interface");
          return Optional.empty();
        }
        Optional<String> nexthop = a.child("nexthop").flatMap(n -> text(n, "ip-address"));
        return Optional.of(new PbfRule.Forward(egress.get(), nexthop));
      }
      case "discard" -> {
        return Optional.of(new PbfRule.Discard());
      }
      case "no-pbf" -> {
        return Optional.of(new PbfRule.NoPbf());
      }
      default -> {
        return Optional.empty(); // reported as not modelled by the support check
      }
    }
  }
}
