package dev.zpaaudit.ingest.fortios;

import java.util.Objects;

/**
 * What a FortiOS address object stands for, by its {@code type}: a prefix ({@code ipmask}, the
 * default, and {@code ipprefix} for IPv6), a range, an address with a care mask ({@code wildcard}),
 * or something the firewall settles at run time (an FQDN, a country, a wildcard FQDN, a dynamic or
 * MAC address...).
 */
sealed interface AddressValue {
  /** How the value reads: {@code 10.0.0.0/24}, {@code fqdn example.com}. */
  String text();

  /** A prefix, as {@code ADDRESS/LENGTH}. */
  record Prefix(String text) implements AddressValue {
    public Prefix {
      Objects.requireNonNull(text);
    }
  }

  record Range(String start, String end) implements AddressValue {
    public String text() {
      return start + "-" + end;
    }
  }

  /** An IPv4 address and a mask of the bits that must match it ({@code 255.255.0.255}). */
  record Wildcard(String address, String mask) implements AddressValue {
    public String text() {
      return "wildcard " + address + " " + mask;
    }
  }

  record Fqdn(String name) implements AddressValue {
    public String text() {
      return "fqdn " + name;
    }
  }

  record Geography(String country) implements AddressValue {
    public String text() {
      return "geography " + country;
    }
  }

  /** A wildcard FQDN ({@code *.example.com}), matched against names the firewall has seen. */
  record WildcardFqdn(String pattern) implements AddressValue {
    public String text() {
      return "wildcard-fqdn " + pattern;
    }
  }

  /** A type whose addresses are not in the export (dynamic, mac, interface-subnet...). */
  record Other(String type) implements AddressValue {
    public String text() {
      return "type " + type;
    }
  }
}
