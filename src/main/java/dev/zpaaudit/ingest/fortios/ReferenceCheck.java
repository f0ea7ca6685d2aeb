package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks that what a VDOM's policies and groups name is defined: addresses and groups of the
 * policy's family (or a name for something not modelled), services and groups, SSL/SSH profiles;
 * and that no group contains itself. Each miss is an error at the line that names it.
 */
final class ReferenceCheck {
  /** How deeply groups may nest in groups. */
  static final int MAX_NESTING = 64;

  private final Reading r;

  ReferenceCheck(Reading r) {
    this.r = r;
  }

  void check(Vdom v) {
    FortiosObjects o = v.objects();
    o.groups().values().forEach(g -> group(o, g, false));
    o.groups6().values().forEach(g -> group(o, g, true));
    groupCycles("address group", o.groups());
    groupCycles("address group", o.groups6());
    Map<String, List<String>> services = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (ServiceGroup g : o.serviceGroups().values()) {
      for (String m : g.members()) {
        if (!isService(o, m)) {
          r.error(g.line(), "service group '" + g.name() + "': member '" + m + "' is not defined");
        }
      }
      services.put(g.name(), g.members());
      lines.put(g.name(), g.line());
    }
    cycles("service group", services, lines);
    for (Policy p : v.policies()) {
      policy(v, p);
    }
  }

  private void group(FortiosObjects o, AddressGroup g, boolean six) {
    List<String> all = new ArrayList<>(g.members());
    all.addAll(g.excluded());
    for (String m : all) {
      if (!isAddress(o, m, six)) {
        r.error(g.line(), "address group '" + g.name() + "': member '" + m + "' is not defined");
      }
    }
  }

  private void groupCycles(String kind, Map<String, AddressGroup> groups) {
    Map<String, List<String>> members = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (AddressGroup g : groups.values()) {
      List<String> all = new ArrayList<>(g.members());
      all.addAll(g.excluded());
      members.put(g.name(), all);
      lines.put(g.name(), g.line());
    }
    cycles(kind, members, lines);
  }

  private void policy(Vdom v, Policy p) {
    FortiosObjects o = v.objects();
    PolicyMatch m = p.match();
    String label = "policy " + p.id();
    addresses(o, label, "srcaddr", m.srcaddr(), false, p.line());
    addresses(o, label, "dstaddr", m.dstaddr(), false, p.line());
    String six = p.table().equals(PolicyReader.POLICY6) ? "" : "6";
    addresses(o, label, "srcaddr" + six, m.srcaddr6(), true, p.line());
    addresses(o, label, "dstaddr" + six, m.dstaddr6(), true, p.line());
    for (String s : m.services()) {
      if (!isService(o, s)) {
        r.error(p.line(), label + ": service '" + s + "' is not defined");
      }
    }
    p.sslSshProfile()
        .filter(n -> !v.sslSshProfiles().containsKey(n) && Predefined.sslSshProfile(n).isEmpty())
        .ifPresent(n -> r.error(p.line(), label + ": ssl-ssh-profile '" + n + "' is not defined"));
  }

  private void addresses(
      FortiosObjects o, String label, String key, List<String> names, boolean six, int line) {
    for (String n : names) {
      if (!isAddress(o, n, six)) {
        r.error(line, label + ": " + key + " '" + n + "' is not defined");
      }
    }
  }

  static boolean isAddress(FortiosObjects o, String name, boolean six) {
    return (six ? o.addresses6() : o.addresses()).containsKey(name)
        || (six ? o.groups6() : o.groups()).containsKey(name)
        || o.unmodelledAddresses().containsKey(name)
        || Predefined.address(name, six).isPresent();
  }

  static boolean isService(FortiosObjects o, String name) {
    return o.services().containsKey(name)
        || o.serviceGroups().containsKey(name)
        || Predefined.service(name).isPresent();
  }

  /**
   * Reports each group that contains itself, once: a depth-first walk over the groups that marks
   * those it is inside of, so that shared subgroups are walked once.
   */
  private void cycles(String kind, Map<String, List<String>> members, Map<String, Integer> lines) {
    Map<String, Boolean> done = new HashMap<>();
    for (String g : new TreeSet<>(members.keySet())) {
      walk(kind, g, members, lines, done, new ArrayList<>());
    }
  }

  private void walk(
      String kind,
      String g,
      Map<String, List<String>> members,
      Map<String, Integer> lines,
      Map<String, Boolean> done,
      List<String> path) {
    Boolean state = done.get(g);
    if (Boolean.TRUE.equals(state)) {
      return;
    }
    if (Boolean.FALSE.equals(state)) {
      List<String> loop = new ArrayList<>(path.subList(path.indexOf(g), path.size()));
      r.error(lines.get(g), kind + " '" + g + "' contains itself: " + cycle(loop, g));
      return;
    }
    if (path.size() >= MAX_NESTING) {
      r.error(lines.get(g), kind + " '" + g + "' is nested deeper than " + MAX_NESTING + " groups");
      done.put(g, true);
      return;
    }
    done.put(g, false);
    path.add(g);
    for (String m : members.get(g)) {
      if (members.containsKey(m)) {
        walk(kind, m, members, lines, done, path);
      }
    }
    path.remove(path.size() - 1);
    done.put(g, true);
  }

  private static String cycle(List<String> path, String name) {
    List<String> names = new ArrayList<>(path);
    names.add(name);
    return String.join(" -> ", names);
  }
}
