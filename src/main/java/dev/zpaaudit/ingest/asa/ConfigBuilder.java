package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds an {@link AsaConfig} from the configuration's blocks, objects first, then the ACLs. */
final class ConfigBuilder {
  private final String file;
  private final Diagnostics diagnostics;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AsaAddress> objects = new LinkedHashMap<>();
  private final Map<String, AsaProtocol> services = new LinkedHashMap<>();
  private final Map<String, ObjectGroup> groups = new LinkedHashMap<>();
  private final Map<String, List<AclEntry>> acls = new LinkedHashMap<>();
  private final Map<String, Integer> aclLines = new HashMap<>();
  private final List<AsaInterface> interfaces = new ArrayList<>();
  private final List<AsaConfig.AccessGroup> accessGroups = new ArrayList<>();
  private final List<AsaConfig.StaticRoute> routes = new ArrayList<>();
  private final Map<String, Integer> mtus = new LinkedHashMap<>();
  private final Map<String, AsaConfig.CryptoMap> crypto = new LinkedHashMap<>();
  private final Map<String, String> cryptoInterfaces = new HashMap<>();
  private final List<AsaConfig.DestinationNat> destinationNats = new ArrayList<>();
  private boolean inter;
  private boolean intra;

  ConfigBuilder(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  AsaConfig build(List<Block> blocks) {
    ObjectReader reader = new ObjectReader(names);
    List<Block> aclBlocks = new ArrayList<>();
    for (Block b : blocks) {
      try {
        if (!first(b, reader)) {
          aclBlocks.add(b);
        }
      } catch (AclParser.AclError e) {
        error(b.line(), e.getMessage());
      }
    }
    checkGroups();
    for (Block b : aclBlocks) {
      acl(b);
    }
    acls.replaceAll((name, lines) -> renumbered(lines));
    checkReferences();
    List<AsaConfig.CryptoMap> maps = new ArrayList<>();
    crypto.forEach(
        (key, m) ->
            maps.add(
                new AsaConfig.CryptoMap(
                    m.name(), m.sequence(), m.acl(), cryptoInterfaces.get(m.name()), m.line())));
    return new AsaConfig(
        file,
        interfaces,
        objects,
        services,
        groups,
        acls,
        accessGroups,
        routes,
        mtus,
        maps,
        destinationNats,
        inter,
        intra);
  }

  /** Reads a block other than an ACL line; false for an {@code access-list} line. */
  private boolean first(Block b, ObjectReader reader) throws AclParser.AclError {
    List<String> w = b.head();
    String key = w.get(0) + (w.size() > 1 ? " " + w.get(1) : "");
    switch (key) {
      case "object network" -> objects.put(b.name(), reader.networkObject(b));
      case "object service" -> services.put(b.name(), reader.serviceObject(b));
      default -> {
        switch (w.get(0)) {
          case "access-list":
            return false;
          case "object-group":
            groups.put(b.name(), reader.group(b));
            break;
          case "name":
            if (w.size() > 2) {
              names.put(w.get(2), w.get(1));
            }
            break;
          case "interface":
            interfaces.add(InterfaceReader.read(b));
            break;
          case "access-group":
            accessGroup(b);
            break;
          case "route":
            route(b);
            break;
          case "mtu":
            mtus.put(arg(w, 1), Integer.parseInt(arg(w, 2)));
            break;
          case "crypto":
            cryptoMap(b);
            break;
          case "nat":
            nat(b);
            break;
          case "router":
            diagnostics.warning(
                AsaReader.at(file, b.line()),
                "'"
                    + String.join(" ", w)
                    + "' is not modelled: the routes it learns are not in the"
                    + " export");
            break;
          case "same-security-traffic":
            inter |= w.contains("inter-interface");
            intra |= w.contains("intra-interface");
            break;
          default:
            break;
        }
      }
    }
    return true;
  }

  /**
   * Twice NAT. ACLs of ASA 8.3 and later match real addresses, so a source translation changes no
   * verdict; a destination translation is said, as what the connectors reach may be another address
   * than the one they connect to.
   */
  private void nat(Block b) {
    List<String> w = b.head();
    int d = w.indexOf("destination");
    if (d > 0 && d + 2 < w.size()) {
      String mapped = w.get(d + 2);
      AsaAddress a =
          mapped.equals("any")
              ? new AsaAddress.Any(null)
              : groups.containsKey(mapped)
                  ? new AsaAddress.Group(mapped)
                  : objects.containsKey(mapped)
                      ? new AsaAddress.Object(mapped)
                      : new AsaAddress.Unknown("object '" + mapped + "' is not defined");
      destinationNats.add(new AsaConfig.DestinationNat(a, String.join(" ", w), b.line()));
    }
  }

  private void accessGroup(Block b) throws AclParser.AclError {
    List<String> w = b.head();
    if (w.size() >= 3 && w.get(2).equals("global")) {
      accessGroups.add(new AsaConfig.AccessGroup(w.get(1), true, null, b.line()));
    } else if (w.size() >= 5 && w.get(3).equals("interface")) {
      accessGroups.add(
          new AsaConfig.AccessGroup(w.get(1), w.get(2).equals("in"), w.get(4), b.line()));
    } else {
      throw new AclParser.AclError("'" + String.join(" ", w) + "' is not an access-group");
    }
  }

  private void route(Block b) throws AclParser.AclError {
    List<String> w = b.head();
    Optional<IpSet> dst = Masks.of(arg(w, 2), arg(w, 3));
    int len = Masks.length(arg(w, 3));
    Optional<IpSet> gw = IpSet.tryParse(names.getOrDefault(arg(w, 4), arg(w, 4)));
    if (dst.isEmpty() || len < 0 || gw.isEmpty()) {
      throw new AclParser.AclError("'" + String.join(" ", w) + "' is not a route");
    }
    int distance = w.size() > 5 && w.get(5).matches("\\d+") ? Integer.parseInt(w.get(5)) : 1;
    routes.add(new AsaConfig.StaticRoute(w.get(1), dst.get(), len, gw.get(), distance, b.line()));
  }

  private void cryptoMap(Block b) {
    List<String> w = b.head();
    if (w.size() >= 7
        && w.get(1).equals("map")
        && w.get(4).equals("match")
        && w.get(5).equals("address")) {
      crypto.put(
          w.get(2) + " " + w.get(3),
          new AsaConfig.CryptoMap(w.get(2), Integer.parseInt(w.get(3)), w.get(6), null, b.line()));
    } else if (w.size() >= 5 && w.get(1).equals("map") && w.get(3).equals("interface")) {
      cryptoInterfaces.put(w.get(2), w.get(4));
    }
  }

  private void acl(Block b) {
    List<String> w = b.head();
    if (w.size() < 3) {
      error(b.line(), "'" + String.join(" ", w) + "' is incomplete");
      return;
    }
    String name = w.get(1);
    int i = 2;
    int position = -1;
    if (w.get(i).equals("line") && w.size() > i + 2 && w.get(i + 1).matches("\\d{1,6}")) {
      position = Integer.parseInt(w.get(i + 1)); // as the CLI inserts it: before that line
      i += 2;
    }
    String type = w.get(i);
    if (type.equals("remark")) {
      return;
    }
    if (!type.equals("extended")) {
      diagnostics.warning(
          AsaReader.at(file, b.line()),
          "access-list " + name + " (" + type + ") is not modelled: only extended ACLs filter");
      return;
    }
    int index = aclLines.merge(name, 1, Integer::sum);
    try {
      AclEntry e =
          new AclParser(w.subList(i + 1, w.size()), objects, services, groups, names)
              .parse(name, index, String.join(" ", w), b.line());
      List<AclEntry> lines = acls.computeIfAbsent(name, k -> new ArrayList<>());
      lines.add(position < 1 ? lines.size() : Math.min(position - 1, lines.size()), e);
    } catch (AclParser.AclError e) {
      error(b.line(), "access-list " + name + " line " + index + ": " + e.getMessage());
    }
  }

  /** The lines numbered in the order they stand, once lines inserted at a position are in place. */
  private static List<AclEntry> renumbered(List<AclEntry> lines) {
    List<AclEntry> out = new ArrayList<>();
    for (AclEntry e : lines) {
      out.add(
          new AclEntry(
              e.acl(),
              out.size() + 1,
              e.permit(),
              e.protocol(),
              e.source(),
              e.sourcePorts(),
              e.sourcePortGroup(),
              e.destination(),
              e.destinationPorts(),
              e.destinationPortGroup(),
              e.inactive(),
              e.timeRange(),
              e.text(),
              e.line()));
    }
    return out;
  }

  private void checkGroups() {
    for (ObjectGroup g : groups.values()) {
      for (String nested : g.groups()) {
        if (!groups.containsKey(nested)) {
          error(g.line(), "object-group '" + g.name() + "' nests undefined group '" + nested + "'");
        }
      }
      for (AsaAddress a : g.addresses()) {
        if (a instanceof AsaAddress.Object o && !objects.containsKey(o.name())) {
          error(
              g.line(),
              "object-group '" + g.name() + "' names undefined object '" + o.name() + "'");
        }
      }
    }
  }

  private void checkReferences() {
    for (AsaConfig.AccessGroup g : accessGroups) {
      if (!acls.containsKey(g.acl())) {
        // The ASA refuses such a command; an export holding one is taken to permit nothing there.
        diagnostics.warning(
            AsaReader.at(file, g.line()),
            "access-group applies access-list '"
                + g.acl()
                + "', which is not defined: read as permitting nothing");
      }
    }
    if (interfaces.stream().noneMatch(i -> i.nameif() != null)) {
      diagnostics.warning(
          AsaReader.at(file, 1), "no interface has a nameif: the configuration forwards nothing");
    }
    for (AsaConfig.CryptoMap m : crypto.values()) {
      if (!acls.containsKey(m.acl())) {
        error(
            m.line(),
            "crypto map "
                + m.name()
                + " matches access-list '"
                + m.acl()
                + "', which is not defined");
      }
    }
  }

  private static String arg(List<String> w, int i) throws AclParser.AclError {
    if (i >= w.size()) {
      throw new AclParser.AclError("'" + String.join(" ", w) + "' is incomplete");
    }
    return w.get(i);
  }

  private void error(int line, String message) {
    diagnostics.error(AsaReader.at(file, line), message);
  }
}
