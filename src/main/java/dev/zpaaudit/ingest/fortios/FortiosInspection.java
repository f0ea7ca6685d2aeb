package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A VDOM's TLS inspection policy in neutral form. FortiOS inspects what a policy accepts with the
 * SSL/SSH profile the policy names (where its security profiles are on): so, for each enabled
 * accepting policy, in policy order: none where it uses no profile; else the profile's exemptions
 * (for deep inspection: categories by name, server names of wildcard-FQDN and FQDN objects,
 * addresses), then the profile itself: deep inspection decrypts, certificate inspection and {@code
 * disable} do not.
 */
final class FortiosInspection {
  private final String file;
  private final Vdom vdom;
  private final FortiosMatches matches;

  FortiosInspection(String file, Vdom vdom, FortiosMatches matches) {
    this.file = file;
    this.vdom = vdom;
    this.matches = matches;
  }

  List<DecryptionRule> rules(List<Policy> policies, List<List<Condition>> policyMatches) {
    List<DecryptionRule> out = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      Policy p = policies.get(i);
      if (p.action() != Policy.Action.ACCEPT) {
        continue;
      }
      if (p.sslSshProfile().isEmpty()) {
        out.add(uninspected(p, policyMatches.get(i)));
        continue;
      }
      String name = p.sslSshProfile().get();
      SslSshProfile profile =
          vdom.sslSshProfiles().containsKey(name)
              ? vdom.sslSshProfiles().get(name)
              : Predefined.sslSshProfile(name).orElseThrow();
      out.addAll(rules(p, profile, policyMatches.get(i)));
    }
    return out;
  }

  /**
   * An accepting policy without an SSL/SSH profile in use (security profiles off, or none named:
   * FortiOS then applies {@code no-inspection}) decrypts nothing it accepts.
   */
  private DecryptionRule uninspected(Policy p, List<Condition> match) {
    return new DecryptionRule(
        new SourceLocation(file, p.line()),
        FortiosConversions.label(p) + " (no ssl-ssh-profile in use: not inspected)",
        match,
        List.of(),
        List.of(),
        DecryptionRule.Decision.BYPASS);
  }

  private List<DecryptionRule> rules(Policy p, SslSshProfile profile, List<Condition> base) {
    List<Condition> match = new ArrayList<>(base);
    if (!profile.allPorts()) {
      PortSet ports = PortSet.empty();
      for (int port : profile.ports()) {
        ports = ports.union(PortSet.of(port));
      }
      match.add(new Condition.Proto(Bits.of(256, 6)));
      match.add(new Condition.DstPort(ports));
    }
    String label = FortiosConversions.label(p) + " ssl-ssh-profile '" + profile.name() + "'";
    List<DecryptionRule> out = new ArrayList<>();
    String mode = profile.mode();
    if ("deep-inspection".equals(mode)) {
      for (SslSshProfile.Exemption x : profile.exempt()) {
        out.add(exemption(label, x, match));
      }
    }
    DecryptionRule.Decision d =
        mode == null
            ? DecryptionRule.Decision.UNKNOWN
            : mode.equals("deep-inspection")
                ? DecryptionRule.Decision.INSPECT
                : DecryptionRule.Decision.BYPASS;
    String on = profile.allPorts() ? "every port" : "TCP " + joined(profile.ports());
    out.add(
        new DecryptionRule(
            new SourceLocation(file, p.line()),
            label + " (" + (mode == null ? "inspection not said" : mode) + " on " + on + ")",
            match,
            List.of(),
            List.of(),
            d));
    return out;
  }

  private DecryptionRule exemption(String label, SslSshProfile.Exemption x, List<Condition> base) {
    List<Condition> match = new ArrayList<>(base);
    List<String> names = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    switch (x.type()) {
      case "fortiguard-category" -> categories.add(Predefined.category(x.value()));
      case "wildcard-fqdn" -> {
        String pattern = vdom.objects().wildcardFqdns().get(x.value());
        if (pattern != null) {
          names.add(pattern);
        } else {
          match.add(
              new Condition.Unknown(
                  "wildcard FQDN '" + x.value() + "' is not defined in the export"));
        }
      }
      case "address", "address6" -> address(x, match, names);
      default ->
          match.add(
              new Condition.Unknown(
                  "ssl-exempt "
                      + x.id()
                      + " ("
                      + x.type()
                      + " "
                      + x.value()
                      + ") is not modelled"));
    }
    return new DecryptionRule(
        new SourceLocation(file, x.line()),
        label + ": ssl-exempt " + x.id() + " (" + x.type() + " " + x.value() + ")",
        match,
        names,
        categories,
        DecryptionRule.Decision.BYPASS);
  }

  /** An address exemption: an FQDN object's name as a server name, else its destinations. */
  private void address(SslSshProfile.Exemption x, List<Condition> match, List<String> names) {
    boolean six = x.type().equals("address6");
    Address a = (six ? vdom.objects().addresses6() : vdom.objects().addresses()).get(x.value());
    if (a != null && a.value() instanceof AddressValue.Fqdn f) {
      names.add(f.name());
      return;
    }
    AddressFamily family = six ? AddressFamily.IPV6 : AddressFamily.IPV4;
    match.addAll(matches.side(List.of(x.value()), false, false, family));
  }

  private static String joined(List<Integer> ports) {
    return String.join(",", ports.stream().map(String::valueOf).toList());
  }
}
