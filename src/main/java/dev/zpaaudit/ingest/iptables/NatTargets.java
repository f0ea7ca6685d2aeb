package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The source NAT targets of iptables-save: where SNAT ({@code --to-source
 * ADDR[-ADDR][:PORT[-PORT]]}, repeatable; IPv6 addresses with ports in brackets), MASQUERADE
 * ({@code --to-ports}) and NETMAP ({@code --to PREFIX}) send the packet's source. What cannot be
 * read leaves the address unknown.
 */
final class NatTargets {
  private NatTargets() {}

  static Action.SrcNat sourceNat(String target, List<String> opts) {
    String name = (target + " " + String.join(" ", opts)).strip();
    List<IpSet> to = new ArrayList<>();
    PortSet ports = null;
    boolean known = true;
    for (int i = 0; i + 1 < opts.size(); i++) {
      String opt = opts.get(i);
      String value = opts.get(i + 1);
      if (opt.equals("--to-source") || opt.equals("--to")) {
        Optional<IpSet> a = address(value);
        Optional<PortSet> p = portsOf(value);
        known &= a.isPresent();
        a.ifPresent(to::add);
        if (p.isPresent()) {
          ports = ports == null ? p.get() : ports.union(p.get());
        }
      } else if (opt.equals("--to-ports")) {
        ports = range(value).orElse(null);
      }
    }
    if (target.equals("MASQUERADE")) {
      return new Action.SrcNat(name, true, List.of(), ports);
    }
    return new Action.SrcNat(name, false, known ? to : List.of(), ports);
  }

  /** The address part: "1.2.3.4", "1.2.3.4-1.2.3.9:80", "[2001:db8::1]:80", "10.0.0.0/24". */
  private static Optional<IpSet> address(String v) {
    String a;
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      if (end < 0) {
        return Optional.empty();
      }
      a = v.substring(1, end);
      int dash = v.indexOf("-[", end);
      if (dash > 0 && v.indexOf(']', dash) > 0) {
        a = a + "-" + v.substring(dash + 2, v.indexOf(']', dash));
      }
    } else if (v.indexOf(':') != v.lastIndexOf(':')) {
      a = v;
    } else {
      int colon = v.indexOf(':');
      a = colon < 0 ? v : v.substring(0, colon);
    }
    return IpSet.tryParse(a);
  }

  private static Optional<PortSet> portsOf(String v) {
    int colon;
    if (v.startsWith("[")) {
      int end = v.lastIndexOf(']');
      colon = end >= 0 && end + 1 < v.length() && v.charAt(end + 1) == ':' ? end + 1 : -1;
    } else {
      colon = v.indexOf(':') == v.lastIndexOf(':') ? v.indexOf(':') : -1;
    }
    return colon < 0 ? Optional.empty() : range(v.substring(colon + 1));
  }

  private static Optional<PortSet> range(String v) {
    String[] p = v.split("-", -1);
    try {
      int from = Integer.parseInt(p[0]);
      int to = p.length > 1 ? Integer.parseInt(p[1]) : from;
      if (p.length > 2 || from < 0 || to > PortSet.MAX || from > to) {
        return Optional.empty();
      }
      return Optional.of(PortSet.range(from, to));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
