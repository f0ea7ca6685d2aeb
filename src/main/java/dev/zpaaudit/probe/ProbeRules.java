package dev.zpaaudit.probe;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The probe rule pack ({@code rules/probe.yaml}): names to probe, ports, limits and thresholds.
 * Read by {@link ProbeRulesReader}; every value has the meaning documented in {@code
 * rules/README-probe.md}.
 */
public record ProbeRules(
    String file,
    int port,
    List<NameRule> names,
    List<String> vendorDomains,
    Dns dns,
    Tcp tcp,
    Tls tls,
    Ntp ntp,
    int concurrency) {

  /** Whether a server is expected to ask for a client certificate. */
  public enum ClientCert {
    EXPECTED,
    NOT_EXPECTED,
    UNKNOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A name the connector resolves; {@code line} is where the rule pack declares it. */
  public record NameRule(
      String name, String purpose, boolean tls, ClientCert clientCert, int line) {
    public NameRule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(clientCert, "clientCert");
    }
  }

  public record Dns(List<String> recordTypes, int timeoutMs, int maxCnameDepth) {
    public Dns {
      recordTypes = List.copyOf(recordTypes);
    }
  }

  public record Tcp(int timeoutMs, int samplePerRange, int maxSample, int localResetMs) {}

  public record Tls(int timeoutMs, int maxAddressesPerName) {}

  public record Ntp(List<String> servers, int timeoutMs, long maxOffsetMs) {
    public Ntp {
      servers = List.copyOf(servers);
    }
  }

  public ProbeRules {
    Objects.requireNonNull(file, "file");
    names = List.copyOf(names);
    vendorDomains = List.copyOf(vendorDomains);
  }

  /** The rule that declares a name, if any. */
  public java.util.Optional<NameRule> rule(String name) {
    return names.stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Whether the name is one of the vendor's domains or below one. */
  public boolean isVendorName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    for (String d : vendorDomains) {
      String x = d.toLowerCase(Locale.ROOT);
      if (n.equals(x) || n.endsWith("." + x)) {
        return true;
      }
    }
    return false;
  }
}
