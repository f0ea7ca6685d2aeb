package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects a FortiGate is shipped with, for configurations that name them without defining them
 * (a configuration written by hand, or a part of one): a FortiGate's own {@code show} output holds
 * its predefined services and addresses, and those definitions win. The table is small on purpose:
 * {@code all} and {@code none} addresses of both families, and the services below.
 */
final class Predefined {
  /** The predefined services read here: name, TCP ports, UDP ports (ranges as FortiOS writes). */
  private static final String[][] PORT_SERVICES = {
    {"ALL_TCP", "1-65535", ""},
    {"ALL_UDP", "", "1-65535"},
    {"HTTP", "80", ""},
    {"HTTPS", "443", ""},
    {"DNS", "53", "53"},
    {"NTP", "123", "123"},
    {"SSH", "22", ""},
    {"TELNET", "23", ""},
    {"FTP", "21", ""},
    {"SMTP", "25", ""},
    {"SMTPS", "465", ""},
    {"IMAP", "143", ""},
    {"IMAPS", "993", ""},
    {"POP3", "110", ""},
    {"POP3S", "995", ""},
    {"SNMP", "161-162", "161-162"},
    {"SYSLOG", "", "514"},
    {"DHCP", "", "67-68"},
    {"LDAP", "389", ""},
    {"KERBEROS", "88 464", "88 464"},
    {"RDP", "3389", ""},
    {"SAMBA", "139", ""},
    {"SMB", "445", ""},
    {"IKE", "", "500 4500"},
    {"BGP", "179", ""},
    {"TRACEROUTE", "", "33434-33535"},
  };

  private static final Map<String, Service> SERVICES = services();

  private Predefined() {}

  private static Map<String, Service> services() {
    Map<String, Service> out = new java.util.HashMap<>();
    for (String[] s : PORT_SERVICES) {
      out.put(s[0], Service.ports(s[0], ranges(s[1]), ranges(s[2])));
    }
    out.put("ALL", protocol("ALL", Service.Protocol.IP, null, 0));
    out.put("ALL_ICMP", protocol("ALL_ICMP", Service.Protocol.ICMP, null, 0));
    out.put("ALL_ICMP6", protocol("ALL_ICMP6", Service.Protocol.ICMP6, null, 0));
    out.put("PING", protocol("PING", Service.Protocol.ICMP, 8, 0));
    out.put("PING6", protocol("PING6", Service.Protocol.ICMP6, 128, 0));
    out.put("GRE", protocol("GRE", Service.Protocol.IP, null, 47));
    out.put("ESP", protocol("ESP", Service.Protocol.IP, null, 50));
    out.put("AH", protocol("AH", Service.Protocol.IP, null, 51));
    return Map.copyOf(out);
  }

  private static Service protocol(String name, Service.Protocol p, Integer type, int number) {
    return new Service(name, p, List.of(), List.of(), List.of(), type, null, number, null, null, 0);
  }

  private static List<PortRange> ranges(String text) {
    List<PortRange> out = new ArrayList<>();
    for (String r : text.split(" ")) {
      if (!r.isEmpty()) {
        out.add(PortRange.parse(r).orElseThrow());
      }
    }
    return out;
  }

  /** The predefined service of this name, if the table has it. */
  static Optional<Service> service(String name) {
    return Optional.ofNullable(SERVICES.get(name));
  }

  /** The names of the predefined services, for the documentation and the tests. */
  static List<String> serviceNames() {
    return SERVICES.keySet().stream().sorted().toList();
  }

  /** The predefined address of this name in a family's table ({@code all}, {@code none}). */
  static Optional<Address> address(String name, boolean ipv6) {
    return switch (name) {
      case "all" ->
          Optional.of(new Address(name, new AddressValue.Prefix(ipv6 ? "::/0" : "0.0.0.0/0"), 0));
      case "none" ->
          Optional.of(
              new Address(name, new AddressValue.Prefix(ipv6 ? "::/128" : "0.0.0.0/32"), 0));
      default -> Optional.empty();
    };
  }

  /**
   * The SSL/SSH inspection profiles every FortiGate has, by what their names say they do: {@code
   * no-inspection}, {@code certificate-inspection} (TLS is not decrypted), {@code deep-inspection}
   * and {@code custom-deep-inspection} (decrypted on HTTPS port 443).
   */
  static Optional<SslSshProfile> sslSshProfile(String name) {
    String mode =
        switch (name) {
          case "no-inspection" -> "disable";
          case "certificate-inspection" -> "certificate-inspection";
          case "deep-inspection", "custom-deep-inspection" -> "deep-inspection";
          default -> null;
        };
    return mode == null
        ? Optional.empty()
        : Optional.of(new SslSshProfile(name, mode, false, List.of(443), List.of(), 0));
  }

  /** The FortiGuard web filter categories a deep-inspection profile exempts by default. */
  static String category(String id) {
    return switch (id) {
      case "31" -> "Finance and Banking";
      case "33" -> "Health and Wellness";
      case "87" -> "Personal Privacy";
      default -> "FortiGuard category " + id;
    };
  }
}
