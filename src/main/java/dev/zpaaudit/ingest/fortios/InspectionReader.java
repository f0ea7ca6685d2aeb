package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a VDOM's SSL/SSH inspection profiles ({@code firewall ssl-ssh-profile}): how each inspects
 * TLS ({@code config ssl} {@code inspect-all} for every port, else {@code config https} {@code
 * status} on its {@code ports}) and its {@code ssl-exempt} entries.
 */
final class InspectionReader {
  private InspectionReader() {}

  static Map<String, SslSshProfile> read(VdomNodes v) {
    Map<String, SslSshProfile> out = new HashMap<>();
    for (ConfigEntry e : v.own("firewall ssl-ssh-profile")) {
      out.put(e.name(), profile(e));
    }
    return out;
  }

  private static SslSshProfile profile(ConfigEntry e) {
    Optional<String> all =
        e.block("ssl").flatMap(b -> b.value("inspect-all")).filter(m -> !m.equals("disable"));
    Optional<ConfigBlock> https = e.block("https");
    String mode =
        all.orElse(
            https
                .flatMap(b -> b.value("status"))
                .orElse(Predefined.sslSshProfile(e.name()).map(SslSshProfile::mode).orElse(null)));
    List<Integer> ports = new ArrayList<>();
    for (String p : https.map(b -> b.values("ports")).orElse(List.of("443"))) {
      if (p.matches("\\d{1,5}") && Integer.parseInt(p) <= 65535) {
        ports.add(Integer.parseInt(p));
      }
    }
    List<SslSshProfile.Exemption> exempt = new ArrayList<>();
    e.block("ssl-exempt")
        .ifPresent(
            b -> {
              for (ConfigEntry x : b.entries()) {
                String type = x.value("type").orElse("fortiguard-category");
                exempt.add(
                    new SslSshProfile.Exemption(
                        x.name(), type, x.value(type).orElse(""), x.line()));
              }
            });
    return new SslSshProfile(e.name(), mode, all.isPresent(), ports, exempt, e.line());
  }
}
