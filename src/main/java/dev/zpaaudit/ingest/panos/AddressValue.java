package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.model.IpSet;
import java.util.regex.Pattern;

/** What an address object stands for, as written. */
public sealed interface AddressValue {
  /** The text as the config writes it. */
  String text();

  /** {@code <ip-netmask>}: an address or a prefix ("10.0.0.0/8", "10.1.1.1", "2001:db8::/32"). */
  record IpNetmask(String text) implements AddressValue {
    public IpNetmask {
      if (text.indexOf('-') >= 0 || IpSet.tryParse(text).isEmpty()) {
        throw new IllegalArgumentException("not an IP address or prefix: '" + text + "'");
      }
    }
  }

  /** {@code <ip-range>}: first and last address ("10.0.0.1-10.0.0.9"). */
  record IpRange(String text) implements AddressValue {
    public IpRange {
      if (text.indexOf('-') <= 0 || IpSet.tryParse(text).isEmpty()) {
        throw new IllegalArgumentException("not an IP address range: '" + text + "'");
      }
    }
  }

  /** {@code <ip-wildcard>}: an IPv4 address and a wildcard mask ("10.0.1.0/0.0.254.255"). */
  record IpWildcard(String text) implements AddressValue {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public IpWildcard {
      int slash = text.indexOf('/');
      if (slash < 0 || !isIpv4(text.substring(0, slash)) || !isIpv4(text.substring(slash + 1))) {
        throw new IllegalArgumentException("not an IPv4 address and wildcard mask: '" + text + "'");
      }
    }

    private static boolean isIpv4(String s) {
      return IPV4.matcher(s).matches() && IpSet.tryParse(s).isPresent();
    }
  }

  /** {@code <fqdn>}: a name the firewall resolves ("update.example.com"). */
  record Fqdn(String text) implements AddressValue {
    private static final Pattern NAME =
        Pattern.compile(
            "(?i)[a-z0-9_*]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");

    public Fqdn {
      if (text.length() > 255 || !NAME.matcher(text).matches()) {
        throw new IllegalArgumentException("not a domain name: '" + text + "'");
      }
    }
  }
}
