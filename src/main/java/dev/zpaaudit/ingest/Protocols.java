package dev.zpaaudit.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Protocol and service names as firewall exports write them. */
public final class Protocols {
  private static final Map<String, Integer> PROTOCOLS =
      Map.ofEntries(
          Map.entry("icmp", 1),
          Map.entry("igmp", 2),
          Map.entry("ipencap", 4),
          Map.entry("tcp", 6),
          Map.entry("egp", 8),
          Map.entry("udp", 17),
          Map.entry("ipv6", 41),
          Map.entry("gre", 47),
          Map.entry("esp", 50),
          Map.entry("ah", 51),
          Map.entry("icmpv6", 58),
          Map.entry("ipv6-icmp", 58),
          Map.entry("eigrp", 88),
          Map.entry("ospf", 89),
          Map.entry("ospfigp", 89),
          Map.entry("pim", 103),
          Map.entry("vrrp", 112),
          Map.entry("l2tp", 115),
          Map.entry("sctp", 132),
          Map.entry("udplite", 136),
          Map.entry("dccp", 33),
          Map.entry("mh", 135));

  private static final Map<String, Integer> SERVICES =
      Map.ofEntries(
          Map.entry("ftp-data", 20),
          Map.entry("ftp", 21),
          Map.entry("ssh", 22),
          Map.entry("telnet", 23),
          Map.entry("smtp", 25),
          Map.entry("domain", 53),
          Map.entry("bootps", 67),
          Map.entry("bootpc", 68),
          Map.entry("tftp", 69),
          Map.entry("http", 80),
          Map.entry("www", 80),
          Map.entry("kerberos", 88),
          Map.entry("pop3", 110),
          Map.entry("sunrpc", 111),
          Map.entry("auth", 113),
          Map.entry("ntp", 123),
          Map.entry("netbios-ns", 137),
          Map.entry("netbios-dgm", 138),
          Map.entry("netbios-ssn", 139),
          Map.entry("imap", 143),
          Map.entry("imap2", 143),
          Map.entry("snmp", 161),
          Map.entry("snmp-trap", 162),
          Map.entry("bgp", 179),
          Map.entry("ldap", 389),
          Map.entry("https", 443),
          Map.entry("microsoft-ds", 445),
          Map.entry("isakmp", 500),
          Map.entry("syslog", 514),
          Map.entry("submission", 587),
          Map.entry("ldaps", 636),
          Map.entry("rsync", 873),
          Map.entry("imaps", 993),
          Map.entry("pop3s", 995),
          Map.entry("openvpn", 1194),
          Map.entry("ms-sql-s", 1433),
          Map.entry("nfs", 2049),
          Map.entry("mysql", 3306),
          Map.entry("ipsec-nat-t", 4500),
          Map.entry("postgresql", 5432),
          Map.entry("x11", 6000),
          Map.entry("http-alt", 8080),
          Map.entry("webcache", 8080),
          Map.entry("smtps", 465),
          Map.entry("urd", 465),
          Map.entry("xmpp-client", 5222),
          Map.entry("sip", 5060),
          Map.entry("ircd", 6667),
          Map.entry("pptp", 1723),
          Map.entry("svn", 3690),
          Map.entry("domain-s", 853),
          Map.entry("rdp", 3389),
          Map.entry("ms-wbt-server", 3389));

  private Protocols() {}

  /** The protocol number for a name or number, or empty. "all" is not a protocol here. */
  public static OptionalInt protocol(String s) {
    String k = s.toLowerCase(Locale.ROOT);
    if (digits(k, 3)) {
      int n = Integer.parseInt(k);
      return n <= 255 ? OptionalInt.of(n) : OptionalInt.empty();
    }
    Integer n = PROTOCOLS.get(k);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }

  /** Whether the text is 1 to {@code max} ASCII digits (as the regex \\d{1,max} matches). */
  public static boolean digits(String s, int max) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A port number or service name, or empty. */
  public static OptionalInt port(String s) {
    String k = s.toLowerCase(Locale.ROOT);
    if (digits(k, 5)) {
      int n = Integer.parseInt(k);
      return n <= 65535 ? OptionalInt.of(n) : OptionalInt.empty();
    }
    Integer n = SERVICES.get(k);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }
}
