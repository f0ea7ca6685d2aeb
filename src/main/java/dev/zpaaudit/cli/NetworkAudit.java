package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.network.DefaultGateway;
import dev.zpaaudit.checks.network.MtuPath;
import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.checks.tls.DecryptionPolicy;
import dev.zpaaudit.checks.tls.ShadowedBypass;
import dev.zpaaudit.checks.tls.TlsRules;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The network checks of an audit, each on the devices it applies to. */
final class NetworkAudit {
  private NetworkAudit() {}

  /**
   * The filter checks (zen-egress with its fixes, zen-return, dns-egress; ssl-bypass where a
   * network firewall may decrypt; range-change when {@code announced} is given) on the devices that
   * filter, and the path checks (mtu-path, default-gateway) on those whose exports describe their
   * network.
   */
  /**
   * ssl-bypass over the devices that filter and the proxies (exports of TLS inspection only), when
   * one of them can decrypt TLS: a network firewall or a proxy; a Linux ruleset cannot.
   */
  private static java.util.Optional<CheckResult> sslBypass(
      List<Device> devices, List<Placement> placements, PublishedRanges ranges) {
    List<Device> tls = new ArrayList<>();
    List<Placement> at = new ArrayList<>();
    boolean decrypts = false;
    for (int i = 0; i < devices.size(); i++) {
      Device d = devices.get(i);
      boolean filters = d.exports().stream().anyMatch(f -> !f.families().isEmpty());
      boolean proxy =
          d.exports().stream()
              .anyMatch(f -> f.attachments().isEmpty() && !f.decryption().isEmpty());
      if (filters || proxy) {
        tls.add(d);
        at.add(placements.get(i));
        decrypts |= d.exports().stream().anyMatch(f -> f.zoned() || !f.decryption().isEmpty());
      }
    }
    if (!decrypts) {
      return java.util.Optional.empty();
    }
    List<String> names = TlsRules.embedded().bypassNames();
    List<Device> policies =
        tls.stream()
            .map(
                d ->
                    new Device(
                        d.exports().stream().map(f -> DecryptionPolicy.of(f, names)).toList()))
            .toList();
    CheckResult bypass = new NetworkChecks(policies, ranges, at).sslBypass();
    return java.util.Optional.of(ShadowedBypass.annotate(bypass, tls, at, ranges, names));
  }

  static List<CheckResult> run(
      List<Device> devices,
      List<Placement> placements,
      PublishedRanges ranges,
      List<IpSet> resolvers,
      PublishedRanges announced,
      LocalDate activation) {
    List<CheckResult> checks = new ArrayList<>();
    // A capture of a host's routes alone filters nothing: the filter checks are for the rest.
    List<Device> filtering = new ArrayList<>();
    List<Placement> at = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      if (devices.get(i).exports().stream().anyMatch(f -> !f.families().isEmpty())) {
        filtering.add(devices.get(i));
        at.add(placements.get(i));
      }
    }
    if (!filtering.isEmpty()) {
      NetworkChecks network = new NetworkChecks(filtering, ranges, at);
      checks.addAll(Fixes.add(network.run(resolvers), network.egressFixes()));
      if (announced != null) {
        checks.add(
            new NetworkChecks(filtering, announced, at).rangeChange(activation, LocalDate.now()));
      }
    }
    Map<AddressFamily, IpSet> connectors = new EnumMap<>(AddressFamily.class);
    if (!placements.isEmpty()) {
      for (AddressFamily f : AddressFamily.values()) {
        connectors.put(f, placements.get(0).connectorSet(f));
      }
    }
    sslBypass(devices, placements, ranges).ifPresent(checks::add);
    CheckResult mtu = MtuPath.check(devices, ranges, connectors);
    if (mtu != null) {
      checks.add(mtu);
    }
    CheckResult gateway = DefaultGateway.check(devices, placements);
    if (gateway != null) {
      checks.add(gateway);
    }
    return checks;
  }
}
