package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers the PAN-OS policies that are not security rules into the neutral model: decryption rules
 * (what they match, the server names of the custom URL categories they name, other categories by
 * name, and whether they decrypt) and policy-based forwarding rules. Judging them is for the checks
 * of TLS interception and of the path.
 */
final class PanosPolicies {
  private final String file;
  private final PanosResolver resolver;
  private final PanosMatches matches;

  PanosPolicies(String file, PanosResolver resolver, PanosMatches matches) {
    this.file = file;
    this.resolver = resolver;
    this.matches = matches;
  }

  List<DecryptionRule> decryption(List<Rulebase> rulebases) {
    List<DecryptionRule> out = new ArrayList<>();
    for (Rulebase rb : rulebases) {
      for (dev.zpaaudit.ingest.panos.DecryptionRule r : rb.decryption()) {
        if (r.disabled() || r.type() == dev.zpaaudit.ingest.panos.DecryptionRule.Type.SSH_PROXY) {
          continue;
        }
        out.add(decryption(r));
      }
    }
    return out;
  }

  private DecryptionRule decryption(dev.zpaaudit.ingest.panos.DecryptionRule r) {
    RuleMatch m = r.match();
    List<Condition> match = new ArrayList<>(matches.zones(m.from(), m.to(), RuleType.UNIVERSAL));
    match.addAll(matches.addresses(m.source(), m.negateSource(), true, "source"));
    match.addAll(matches.addresses(m.destination(), m.negateDestination(), false, "destination"));
    if (!RuleMatch.isAny(m.sourceUsers()) && !m.sourceUsers().isEmpty()) {
      match.add(
          new Condition.Unknown(
              "source user " + String.join(", ", m.sourceUsers()) + ": users are not modelled"));
    }
    match.addAll(matches.services(m.services(), List.of("any")));
    List<String> names = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    if (!RuleMatch.isAny(m.categories())) {
      for (String c : m.categories()) {
        Optional<UrlCategory> custom = urlCategory(c);
        if (custom.isPresent() && custom.get().type() == UrlCategory.Type.URL_LIST) {
          names.addAll(custom.get().entries());
        } else {
          categories.add(c);
        }
      }
    }
    DecryptionRule.Decision d =
        switch (r.action()) {
          case NO_DECRYPT -> DecryptionRule.Decision.BYPASS;
          case DECRYPT, DECRYPT_AND_FORWARD -> DecryptionRule.Decision.INSPECT;
        };
    return new DecryptionRule(
        new SourceLocation(file, r.line()),
        "decryption rule '" + r.name() + "' (" + r.type().text() + ", " + r.action().text() + ")",
        match,
        names,
        categories,
        d);
  }

  private Optional<UrlCategory> urlCategory(String name) {
    for (PanosResolver.Scope s : resolver.scopes()) {
      UrlCategory c = s.objects().urlCategories().get(name);
      if (c != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  List<PolicyRoute> policyRoutes(List<Rulebase> rulebases) {
    List<PolicyRoute> out = new ArrayList<>();
    for (Rulebase rb : rulebases) {
      for (PbfRule r : rb.pbf()) {
        if (!r.disabled()) {
          out.add(policyRoute(r));
        }
      }
    }
    return out;
  }

  private PolicyRoute policyRoute(PbfRule r) {
    List<Condition> match = new ArrayList<>();
    if (r.from().kind() == PbfRule.From.Kind.ZONE) {
      match.addAll(matches.zones(r.from().names(), List.of("any"), RuleType.UNIVERSAL));
    } else {
      match.add(
          new Condition.Unknown(
              "arriving by interface "
                  + String.join(", ", r.from().names())
                  + " (the firewall's filters tell traffic apart by zone)"));
    }
    match.addAll(matches.addresses(r.source(), r.negateSource(), true, "source"));
    match.addAll(matches.addresses(r.destination(), r.negateDestination(), false, "destination"));
    if (!RuleMatch.isAny(r.sourceUsers()) && !r.sourceUsers().isEmpty()) {
      match.add(new Condition.Unknown("source user " + String.join(", ", r.sourceUsers())));
    }
    match.addAll(matches.applications(r.applications()));
    match.addAll(matches.services(r.services(), r.applications()));
    SourceLocation at = new SourceLocation(file, r.line());
    String text = "policy-based forwarding rule '" + r.name() + "'";
    if (r.action() instanceof PbfRule.Forward f) {
      IpSet hop = f.nexthop().flatMap(IpSet::tryParse).orElse(null);
      return new PolicyRoute(at, text, match, PolicyRoute.Kind.FORWARD, f.egressInterface(), hop);
    }
    if (r.action() instanceof PbfRule.Discard) {
      return new PolicyRoute(at, text, match, PolicyRoute.Kind.DISCARD, null, null);
    }
    return new PolicyRoute(at, text, match, PolicyRoute.Kind.ROUTE, null, null);
  }
}
