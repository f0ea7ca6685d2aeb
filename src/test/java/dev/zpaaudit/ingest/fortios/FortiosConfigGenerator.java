package dev.zpaaudit.ingest.fortios;

import java.util.Random;

/**
 * Writes a large synthetic FortiGate configuration the way FortiOS writes one: interfaces, zones, a
 * static route, addresses, address groups, custom services, and firewall policies using all of
 * them, with ids that do not follow the order the policies stand in. Deterministic for a seed.
 */
public final class FortiosConfigGenerator {
  private static final String[] INTERFACES = {"port1", "port2", "port3", "port4"};
  private static final String[] SERVICES = {"ALL", "HTTPS", "DNS", "SSH", "NTP"};

  private final int policies;
  private final int addresses;
  private final int groups;
  private final int services;
  private final Random random;
  private final StringBuilder out = new StringBuilder();

  public FortiosConfigGenerator(int policies, int addresses, long seed) {
    this.policies = policies;
    this.addresses = addresses;
    this.groups = Math.max(1, addresses / 25);
    this.services = Math.max(1, policies / 100);
    this.random = new Random(seed);
  }

  /** The configuration's text. */
  public String generate() {
    out.append("#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin\n");
    interfaces();
    config("firewall address");
    edit("all");
    next();
    for (int i = 0; i < addresses; i++) {
      edit("host-" + i);
      set("subnet", host(i) + " 255.255.255.255");
      next();
    }
    end();
    groups();
    services();
    config("firewall policy");
    for (int i = 0; i < policies; i++) {
      policy(i);
    }
    end();
    config("router static");
    edit("1");
    set("gateway", "203.0.113.1");
    set("device", "\"port1\"");
    next();
    end();
    return out.toString();
  }

  /** Addresses spread over the whole IPv4 space, so that denies cut into the published ranges. */
  private static String host(int i) {
    long a = (i * 2654435761L) & 0xffffffffL;
    return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
  }

  private void interfaces() {
    config("system interface");
    String[] nets = {"203.0.113.2 255.255.255.0", "10.0.0.1 255.255.0.0", "10.1.0.1 255.255.0.0"};
    for (int i = 0; i < INTERFACES.length; i++) {
      edit(INTERFACES[i]);
      set("vdom", "\"root\"");
      set("ip", i < nets.length ? nets[i] : "192.168." + i + ".1 255.255.255.0");
      set("type", "physical");
      next();
    }
    end();
  }

  private void groups() {
    config("firewall addrgrp");
    for (int g = 0; g < groups; g++) {
      edit("group-" + g);
      StringBuilder members = new StringBuilder();
      for (int m = 0; m < 10; m++) {
        members.append(m == 0 ? "" : " ").append("\"host-").append(random.nextInt(addresses));
        members.append('"');
      }
      set("member", members.toString());
      next();
    }
    end();
  }

  private void services() {
    config("firewall service custom");
    for (int s = 0; s < services; s++) {
      edit("svc-" + s);
      String proto = s % 3 == 0 ? "udp" : "tcp";
      set(proto + "-portrange", (1024 + s) + " " + (20000 + s) + "-" + (20010 + s));
      next();
    }
    end();
  }

  private void policy(int i) {
    edit(String.valueOf(policies - i));
    set("name", "\"policy-" + i + "\"");
    set("srcintf", quoted(INTERFACES[random.nextInt(INTERFACES.length)]));
    set("dstintf", quoted(INTERFACES[random.nextInt(INTERFACES.length)]));
    set("srcaddr", endpoints());
    set("dstaddr", endpoints());
    boolean accept = random.nextInt(5) < 3;
    if (accept) {
      set("action", "accept");
    }
    set("schedule", "\"always\"");
    int pick = random.nextInt(3);
    set(
        "service",
        quoted(pick == 0 ? "svc-" + random.nextInt(services) : SERVICES[random.nextInt(5)]));
    if (random.nextInt(50) == 0) {
      set("status", "disable");
    }
    set("logtraffic", "all");
    next();
  }

  private String endpoints() {
    int n = 1 + random.nextInt(4);
    StringBuilder names = new StringBuilder();
    for (int k = 0; k < n; k++) {
      int pick = random.nextInt(10);
      String name =
          pick == 0
              ? "all"
              : pick < 3 ? "group-" + random.nextInt(groups) : "host-" + random.nextInt(addresses);
      names.append(k == 0 ? "" : " ").append(quoted(name));
    }
    return names.toString();
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  private void config(String path) {
    out.append("config ").append(path).append('\n');
  }

  private void edit(String name) {
    out.append("    edit ").append(quoted(name)).append('\n');
  }

  private void set(String key, String value) {
    out.append("        set ").append(key).append(' ').append(value).append('\n');
  }

  private void next() {
    out.append("    next\n");
  }

  private void end() {
    out.append("end\n");
  }
}
