package dev.zpaaudit.ingest.panos;

import java.util.Random;

/**
 * Writes a large synthetic firewall config the way PAN-OS writes one (an element a line): shared
 * and vsys addresses, address groups, services, zones, interfaces, a virtual router with static
 * routes, and security rules using all of them. Deterministic for a seed.
 */
public final class PanosConfigGenerator {
  private static final String[] ZONES = {"trust", "untrust", "dmz", "servers"};
  private static final String[] ACTIONS = {"allow", "allow", "allow", "deny", "drop"};
  private static final String[] APPS = {"ssl", "web-browsing", "dns", "ssh", "ntp"};

  private final int rules;
  private final int addresses;
  private final int groups;
  private final int services;
  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int depth;

  public PanosConfigGenerator(int rules, int addresses, long seed) {
    this.rules = rules;
    this.addresses = addresses;
    this.groups = Math.max(1, addresses / 25);
    this.services = Math.max(1, rules / 100);
    this.random = new Random(seed);
  }

  /** The config's text. */
  public String generate() {
    line("<?xml version=\"1.0\"?>");
    open("config version=\"10.1.0\" urldb=\"paloaltonetworks\"");
    open("shared");
    addresses(0, addresses / 10);
    close("shared");
    open("devices");
    open("entry name=\"localhost.localdomain\"");
    network();
    open("vsys");
    open("entry name=\"vsys1\"");
    zones();
    addresses(addresses / 10, addresses);
    groups();
    services();
    open("rulebase");
    open("security");
    open("rules");
    for (int i = 0; i < rules; i++) {
      rule(i);
    }
    close("rules");
    close("security");
    close("rulebase");
    close("entry");
    close("vsys");
    close("entry");
    close("devices");
    close("config");
    return out.toString();
  }

  private void addresses(int from, int to) {
    open("address");
    for (int i = from; i < to; i++) {
      open("entry name=\"host-" + i + "\"");
      value("ip-netmask", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
      close("entry");
    }
    close("address");
  }

  private void groups() {
    open("address-group");
    for (int g = 0; g < groups; g++) {
      open("entry name=\"group-" + g + "\"");
      open("static");
      for (int m = 0; m < 10; m++) {
        value("member", "host-" + random.nextInt(addresses));
      }
      close("static");
      close("entry");
    }
    close("address-group");
  }

  private void services() {
    open("service");
    for (int s = 0; s < services; s++) {
      open("entry name=\"svc-" + s + "\"");
      open("protocol");
      String proto = s % 3 == 0 ? "udp" : "tcp";
      open(proto);
      value("port", (1024 + s) + "," + (20000 + s) + "-" + (20010 + s));
      close(proto);
      close("protocol");
      close("entry");
    }
    close("service");
  }

  private void zones() {
    open("zone");
    for (int z = 0; z < ZONES.length; z++) {
      open("entry name=\"" + ZONES[z] + "\"");
      open("network");
      open("layer3");
      value("member", "ethernet1/" + (z + 1));
      close("layer3");
      close("network");
      close("entry");
    }
    close("zone");
  }

  private void network() {
    open("network");
    open("interface");
    open("ethernet");
    for (int z = 0; z < ZONES.length; z++) {
      open("entry name=\"ethernet1/" + (z + 1) + "\"");
      open("layer3");
      open("ip");
      line("<entry name=\"192.168." + z + ".1/24\"/>");
      close("ip");
      close("layer3");
      close("entry");
    }
    close("ethernet");
    close("interface");
    open("virtual-router");
    open("entry name=\"default\"");
    open("routing-table");
    open("ip");
    open("static-route");
    for (int r = 0; r < 100; r++) {
      open("entry name=\"route-" + r + "\"");
      value("destination", "172." + (16 + r / 256) + "." + (r % 256) + ".0/24");
      open("nexthop");
      value("ip-address", "192.168.0.254");
      close("nexthop");
      close("entry");
    }
    close("static-route");
    close("ip");
    close("routing-table");
    close("entry");
    close("virtual-router");
    close("network");
  }

  private void rule(int i) {
    open("entry name=\"rule-" + i + "\"");
    members("from", ZONES[random.nextInt(ZONES.length)]);
    members("to", ZONES[random.nextInt(ZONES.length)]);
    members("source", endpoints());
    members("destination", endpoints());
    members("source-user", "any");
    members("category", "any");
    members("application", random.nextInt(3) == 0 ? "any" : APPS[random.nextInt(APPS.length)]);
    members("service", service());
    String action = ACTIONS[random.nextInt(ACTIONS.length)];
    value("action", action);
    if (action.equals("allow")) {
      open("profile-setting");
      members("group", "default");
      close("profile-setting");
    }
    if (random.nextInt(50) == 0) {
      value("disabled", "yes");
    }
    value("log-end", "yes");
    close("entry");
  }

  private String[] endpoints() {
    int n = 1 + random.nextInt(4);
    String[] names = new String[n];
    for (int k = 0; k < n; k++) {
      int pick = random.nextInt(10);
      names[k] =
          pick == 0
              ? "any"
              : pick < 3 ? "group-" + random.nextInt(groups) : "host-" + random.nextInt(addresses);
    }
    return names;
  }

  private String service() {
    int pick = random.nextInt(4);
    return switch (pick) {
      case 0 -> "application-default";
      case 1 -> "service-https";
      default -> "svc-" + random.nextInt(services);
    };
  }

  private void members(String element, String... values) {
    open(element);
    for (String v : values) {
      value("member", v);
    }
    close(element);
  }

  private void value(String element, String text) {
    line("<" + element + ">" + text + "</" + element + ">");
  }

  private void open(String tag) {
    line("<" + tag + ">");
    depth++;
  }

  private void close(String element) {
    depth--;
    line("</" + element + ">");
  }

  private void line(String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
