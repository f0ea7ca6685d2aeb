package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a VDOM's named objects: addresses and groups of both families, custom services and groups,
 * wildcard FQDNs, and the names policies may use for what is not modelled (virtual IPs, external
 * address lists). A value FortiOS would refuse is an error at its line.
 */
final class ObjectReader {
  private final Reading r;

  ObjectReader(Reading r) {
    this.r = r;
  }

  FortiosObjects read(VdomNodes v) {
    Map<String, Address> a4 = new HashMap<>();
    Map<String, Address> a6 = new HashMap<>();
    for (ConfigEntry e : v.own("firewall address")) {
      a4.put(e.name(), new Address(e.name(), address4(e), e.line()));
    }
    for (ConfigEntry e : v.own("firewall address6")) {
      a6.put(e.name(), new Address(e.name(), address6(e), e.line()));
    }
    Map<String, ServiceGroup> sg = new HashMap<>();
    for (ConfigEntry e : v.own("firewall service group")) {
      sg.put(e.name(), new ServiceGroup(e.name(), e.values("member"), e.line()));
    }
    Map<String, Service> services = new HashMap<>();
    for (ConfigEntry e : v.own("firewall service custom")) {
      services.put(e.name(), new ServiceReader(r).service(e));
    }
    return new FortiosObjects(
        a4,
        groups(v, "firewall addrgrp"),
        a6,
        groups(v, "firewall addrgrp6"),
        services,
        sg,
        wildcardFqdns(v),
        unmodelled(v));
  }

  private Map<String, AddressGroup> groups(VdomNodes v, String path) {
    Map<String, AddressGroup> out = new HashMap<>();
    for (ConfigEntry e : v.own(path)) {
      List<String> excluded = e.is("exclude", "enable") ? e.values("exclude-member") : List.of();
      out.put(e.name(), new AddressGroup(e.name(), e.values("member"), excluded, e.line()));
    }
    return out;
  }

  private AddressValue address4(ConfigEntry e) {
    String type = e.value("type").orElse("ipmask");
    return switch (type) {
      case "ipmask" -> prefix(e, "subnet", "0.0.0.0/0");
      case "interface-subnet" ->
          e.setting("subnet").isPresent()
              ? prefix(e, "subnet", "0.0.0.0/0")
              : new AddressValue.Other(type);
      case "iprange" -> range(e, "0.0.0.0");
      case "wildcard" -> wildcard(e);
      default -> named(e, type);
    };
  }

  private AddressValue address6(ConfigEntry e) {
    String type = e.value("type").orElse("ipprefix");
    return switch (type) {
      case "ipprefix" -> prefix(e, "ip6", "::/0");
      case "iprange" -> range(e, "::");
      default -> named(e, type);
    };
  }

  /** The types whose value is a name the firewall resolves at run time. */
  private static AddressValue named(ConfigEntry e, String type) {
    return switch (type) {
      case "fqdn" -> new AddressValue.Fqdn(e.value("fqdn").orElse(""));
      case "geography" -> new AddressValue.Geography(e.value("country").orElse(""));
      case "wildcard-fqdn" -> new AddressValue.WildcardFqdn(e.value("wildcard-fqdn").orElse(""));
      default -> new AddressValue.Other(type);
    };
  }

  private AddressValue prefix(ConfigEntry e, String key, String unset) {
    List<String> words = e.values(key);
    if (words.isEmpty()) {
      return new AddressValue.Prefix(unset);
    }
    Optional<String> p = Prefixes.of(words);
    if (p.isEmpty()) {
      r.error(
          e.setting(key).get().line(),
          "address '"
              + e.name()
              + "': "
              + key
              + " '"
              + String.join(" ", words)
              + "' is not an address with a prefix length or contiguous mask");
      return new AddressValue.Other("unreadable " + key);
    }
    return new AddressValue.Prefix(p.get());
  }

  private AddressValue range(ConfigEntry e, String unset) {
    String start = e.value("start-ip").orElse(unset);
    String end = e.value("end-ip").orElse(unset);
    if (dev.zpaaudit.model.IpSet.tryParse(start + "-" + end).isEmpty()) {
      r.error(
          e.line(),
          "address '" + e.name() + "': iprange " + start + "-" + end + " is not an address range");
      return new AddressValue.Other("unreadable iprange");
    }
    return new AddressValue.Range(start, end);
  }

  private AddressValue wildcard(ConfigEntry e) {
    List<String> w = e.values("wildcard");
    if (w.isEmpty()) {
      return new AddressValue.Wildcard("0.0.0.0", "0.0.0.0");
    }
    if (w.size() != 2 || Prefixes.ipv4(w.get(0)).isEmpty() || Prefixes.ipv4(w.get(1)).isEmpty()) {
      r.error(
          e.setting("wildcard").get().line(),
          "address '"
              + e.name()
              + "': wildcard '"
              + String.join(" ", w)
              + "' is not an IPv4 address and mask");
      return new AddressValue.Other("unreadable wildcard");
    }
    return new AddressValue.Wildcard(w.get(0), w.get(1));
  }

  /** Wildcard FQDN objects and groups of them, each with the patterns it stands for. */
  private static Map<String, String> wildcardFqdns(VdomNodes v) {
    Map<String, String> out = new HashMap<>();
    for (ConfigEntry e : v.entries("firewall wildcard-fqdn custom")) {
      e.value("wildcard-fqdn").ifPresent(p -> out.put(e.name(), p));
    }
    return out;
  }

  /** Names a policy may use as an address whose addresses are not modelled, with why. */
  private static Map<String, String> unmodelled(VdomNodes v) {
    Map<String, String> out = new HashMap<>();
    String vip = "a virtual IP: destination NAT is not modelled";
    for (String t : List.of("vip", "vip6", "vip46", "vip64", "vipgrp", "vipgrp6")) {
      v.own("firewall " + t).forEach(e -> out.put(e.name(), vip));
    }
    for (ConfigEntry e : v.entries("system external-resource")) {
      out.put(e.name(), "an external address list, fetched by the firewall at run time");
    }
    v.own("firewall internet-service-custom")
        .forEach(e -> out.put(e.name(), "a custom internet service"));
    return out;
  }

  /** The members of every list: for the reference check. */
  static List<String> names(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
