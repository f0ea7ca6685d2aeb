package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.entries;
import static dev.zpaaudit.ingest.panos.Elements.members;
import static dev.zpaaudit.ingest.panos.Elements.membersOrAny;
import static dev.zpaaudit.ingest.panos.Elements.name;
import static dev.zpaaudit.ingest.panos.Elements.text;
import static dev.zpaaudit.ingest.panos.Elements.yes;

import dev.zpaaudit.io.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a rulebase: security, decryption and default security rules here, NAT and PBF aside. */
final class RuleReader {
  private final Reading r;

  RuleReader(Reading r) {
    this.r = r;
  }

  Rulebase rulebase(Optional<XmlElement> element) {
    if (element.isEmpty()) {
      return Rulebase.NONE;
    }
    XmlElement rb = element.get();
    List<SecurityRule> security = new ArrayList<>();
    for (XmlElement e : rules(rb, "security")) {
      security(e).ifPresent(security::add);
    }
    List<DecryptionRule> decryption = new ArrayList<>();
    for (XmlElement e : rules(rb, "decryption")) {
      decryption(e).ifPresent(decryption::add);
    }
    NatReader nat = new NatReader(r, this);
    return new Rulebase(
        security,
        nat.natRules(rules(rb, "nat")),
        decryption,
        nat.pbfRules(rules(rb, "pbf")),
        defaults(rules(rb, "default-security-rules")),
        rb.line());
  }

  /** The entries of {@code <kind><rules>} in a rulebase. */
  private List<XmlElement> rules(XmlElement rulebase, String kind) {
    Optional<XmlElement> rules = rulebase.child(kind).flatMap(k -> k.child("rules"));
    return rules.isEmpty() ? List.of() : entries(r, rules.get());
  }

  private Optional<SecurityRule> security(XmlElement e) {
    String subject = "security rule '" + name(e) + "'";
    Optional<SecurityAction> action = action(e, subject);
    Optional<RuleType> type = ruleType(e, subject);
    if (action.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    e.child("schedule")
        .filter(x -> !x.value().isEmpty())
        .ifPresent(
            x ->
                r.unmodelled(
                    x,
                    "schedule",
                    subject + " is active only during '" + x.value() + "'; " + INDETERMINATE));
    List<String> unmodelled = new ArrayList<>();
    for (String hip : List.of("hip-profiles", "source-hip", "destination-hip")) {
      checkAny(e, hip, subject, INDETERMINATE)
          .ifPresent(m -> unmodelled.add(hip + " " + m + ": host information is not modelled"));
    }
    if (checkTarget(e, subject, INDETERMINATE)) {
      unmodelled.add(
          "target: the rule is pushed only to some firewalls of the device group; which ones"
              + " is not modelled");
    }
    return Optional.of(
        new SecurityRule(
            name(e),
            match(e, subject, true),
            required(e, "application", subject),
            action.get(),
            type.get(),
            yes(r, e, "disabled", subject),
            text(e, "schedule"),
            unmodelled,
            hasProfiles(e),
            e.line()));
  }

  /** {@code <rule-type>}: universal when not written; anything else than the three is an error. */
  private Optional<RuleType> ruleType(XmlElement e, String subject) {
    Optional<String> written = text(e, "rule-type");
    if (written.isEmpty()) {
      return Optional.of(RuleType.UNIVERSAL);
    }
    Optional<RuleType> t = RuleType.tryParse(written.get());
    if (t.isEmpty()) {
      r.error(
          e.child("rule-type").orElseThrow(),
          subject + ": rule-type '" + written.get() + "' is not universal, intrazone or interzone");
    }
    return t;
  }

  private Optional<SecurityAction> action(XmlElement e, String subject) {
    Optional<String> text = text(e, "action");
    if (text.isEmpty()) {
      r.error(e, subject + " has no action");
      return Optional.empty();
    }
    Optional<SecurityAction> a = SecurityAction.tryParse(text.get());
    if (a.isEmpty()) {
      r.error(
          e.child("action").orElseThrow(),
          subject
              + ": action '"
              + text.get()
              + "' is not allow, deny, drop, reset-client,"
              + " reset-server or reset-both");
    }
    return a;
  }

  /**
   * The match of a security or decryption rule. A security rule must write its zones, addresses and
   * services; a decryption rule reads an unwritten service as any.
   */
  RuleMatch match(XmlElement e, String subject, boolean serviceRequired) {
    return new RuleMatch(
        required(e, "from", subject),
        required(e, "to", subject),
        required(e, "source", subject),
        yes(r, e, "negate-source", subject),
        required(e, "destination", subject),
        yes(r, e, "negate-destination", subject),
        membersOrAny(e, "source-user"),
        serviceRequired ? required(e, "service", subject) : membersOrAny(e, "service"),
        membersOrAny(e, "category"));
  }

  /** A member list PAN-OS requires: when missing, a warning and read as any. */
  List<String> required(XmlElement e, String child, String subject) {
    List<String> m = members(e, child);
    if (m.isEmpty()) {
      r.warning(e, subject + " has no " + child + " members; read as any");
      return RuleMatch.ANY;
    }
    return m;
  }

  /** What a security rule that matches on something not modelled decides: not known. */
  static final String INDETERMINATE = "what it decides is indeterminate";

  /** How a decryption or NAT rule is read when it matches on something not modelled. */
  private static final String READ_AS_ANY = "read as any";

  /**
   * A match this reader does not model, acceptable only as any: the members written when they are
   * not any, reported with how the rule is then read.
   */
  Optional<String> checkAny(XmlElement e, String child, String subject, String readAs) {
    List<String> m = members(e, child);
    if (m.isEmpty() || RuleMatch.isAny(m)) {
      return Optional.empty();
    }
    r.unmodelled(
        e.child(child).orElseThrow(),
        child,
        subject + " matches only " + String.join(", ", m) + "; " + readAs);
    return Optional.of(String.join(", ", m));
  }

  /**
   * Panorama's {@code <target>}: whether the rule is pushed only to some devices, reported with how
   * the rule is then read.
   */
  boolean checkTarget(XmlElement e, String subject, String readAs) {
    Optional<XmlElement> target = e.child("target");
    if (target.isEmpty()) {
      return false;
    }
    boolean some =
        target.get().child("devices").map(d -> !d.children().isEmpty()).orElse(false)
            || !members(target.get(), "tags").isEmpty();
    if (some) {
      r.unmodelled(target.get(), "target", subject + " applies only to some devices; " + readAs);
    }
    return some;
  }

  /** A NAT or PBF rule's {@code <target>}: a rule pushed only to some devices is read as to all. */
  void checkTarget(XmlElement e, String subject) {
    checkTarget(e, subject, "read as applying to all");
  }

  /** Whether {@code <profile-setting>} names a profile group or profiles. */
  private static boolean hasProfiles(XmlElement e) {
    Optional<XmlElement> ps = e.child("profile-setting");
    if (ps.isEmpty()) {
      return false;
    }
    boolean group = !members(ps.get(), "group").isEmpty();
    boolean profiles = ps.get().child("profiles").map(p -> !p.children().isEmpty()).orElse(false);
    return group || profiles;
  }

  private Optional<DecryptionRule> decryption(XmlElement e) {
    String subject = "decryption rule '" + name(e) + "'";
    Optional<String> a = text(e, "action");
    Optional<DecryptionRule.Action> action = a.flatMap(DecryptionRule.Action::tryParse);
    if (action.isEmpty()) {
      r.error(
          e.child("action").orElse(e),
          subject
              + ": action '"
              + a.orElse("")
              + "' is not decrypt, no-decrypt or decrypt-and-forward");
      return Optional.empty();
    }
    Optional<DecryptionRule.Type> type =
        e.child("type")
            .flatMap(Elements::firstChild)
            .map(XmlElement::name)
            .flatMap(DecryptionRule.Type::tryParse);
    if (type.isEmpty()) {
      r.error(
          e.child("type").orElse(e),
          subject + " has no type ssl-forward-proxy, ssl-inbound-inspection or ssh-proxy");
      return Optional.empty();
    }
    checkAny(e, "source-hip", subject, READ_AS_ANY);
    checkAny(e, "destination-hip", subject, READ_AS_ANY);
    checkTarget(e, subject);
    return Optional.of(
        new DecryptionRule(
            name(e),
            match(e, subject, false),
            action.get(),
            type.get(),
            yes(r, e, "disabled", subject),
            e.line()));
  }

  private DefaultSecurityRules defaults(List<XmlElement> entries) {
    DefaultSecurityRules.Rule intra = DefaultSecurityRules.IMPLICIT.intrazone();
    DefaultSecurityRules.Rule inter = DefaultSecurityRules.IMPLICIT.interzone();
    for (XmlElement e : entries) {
      String name = name(e);
      if (name.equals(DefaultSecurityRules.INTRAZONE)) {
        intra = defaultRule(e, intra);
      } else if (name.equals(DefaultSecurityRules.INTERZONE)) {
        inter = defaultRule(e, inter);
      } else {
        r.error(
            e,
            "default security rule '"
                + name
                + "' is not intrazone-default or"
                + " interzone-default");
      }
    }
    return new DefaultSecurityRules(intra, inter);
  }

  private DefaultSecurityRules.Rule defaultRule(XmlElement e, DefaultSecurityRules.Rule implicit) {
    SecurityAction action = implicit.action();
    if (text(e, "action").isPresent()) {
      action = action(e, "default security rule '" + implicit.name() + "'").orElse(action);
    }
    return new DefaultSecurityRules.Rule(implicit.name(), action, hasProfiles(e), e.line());
  }
}
