package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code object} and {@code object-group} blocks. */
final class ObjectReader {
  private final Map<String, String> names;

  ObjectReader(Map<String, String> names) {
    this.names = names;
  }

  /** A network object's body: {@code host}, {@code subnet}, {@code range}, {@code fqdn}. */
  AsaAddress networkObject(Block b) throws AclParser.AclError {
    for (Block.Line l : b.body()) {
      List<String> w = l.words();
      switch (w.get(0)) {
        case "host":
          return new AsaAddress.Set(address(arg(w, 1)));
        case "subnet":
          return w.get(1).contains("/")
              ? new AsaAddress.Set(prefix(w.get(1)))
              : new AsaAddress.Set(
                  Masks.of(arg(w, 1), arg(w, 2))
                      .orElseThrow(() -> error(l, "not an address and mask")));
        case "range":
          return new AsaAddress.Set(
              IpSet.tryParse(arg(w, 1) + "-" + arg(w, 2))
                  .orElseThrow(() -> error(l, "not an address range")));
        case "fqdn":
          return new AsaAddress.Unknown(
              "FQDN object '" + b.name() + "' (" + w.get(w.size() - 1) + "): resolved at run time");
        default:
          break;
      }
    }
    return new AsaAddress.Unknown("network object '" + b.name() + "' holds no address");
  }

  /** A service object's body: {@code service PROTO [source OP P] [destination OP P]}. */
  AsaProtocol serviceObject(Block b) throws AclParser.AclError {
    for (Block.Line l : b.body()) {
      if (l.words().get(0).equals("service")) {
        return service(l.words().subList(1, l.words().size()));
      }
    }
    throw new AclParser.AclError("service object '" + b.name() + "' has no service line");
  }

  /** {@code PROTO [source OP P...] [destination OP P...]}, with {@code tcp-udp} as both. */
  static AsaProtocol service(List<String> w) throws AclParser.AclError {
    String proto = w.get(0);
    int p =
        proto.equals("tcp-udp")
            ? -2
            : AsaNames.protocol(proto)
                .orElseThrow(() -> new AclParser.AclError("unknown protocol '" + proto + "'"));
    PortSet src = PortSet.all();
    PortSet dst = PortSet.all();
    int i = 1;
    while (i < w.size()) {
      String side = w.get(i);
      if (!side.equals("source") && !side.equals("destination")) {
        // An ICMP type, or a port operator with no side: the destination.
        if (List.of("eq", "lt", "gt", "neq", "range").contains(side)) {
          side = "destination";
          i--;
        } else {
          break;
        }
      }
      int[] at = {i + 2};
      PortSet ports =
          Ports.of(
              w.get(i + 1),
              what -> {
                if (at[0] >= w.size()) {
                  throw new AclParser.AclError("ends where " + what + " was expected");
                }
                return w.get(at[0]++);
              });
      i = at[0];
      if (side.equals("source")) {
        src = ports;
      } else {
        dst = ports;
      }
    }
    return new AsaProtocol.Service(p, src, dst);
  }

  ObjectGroup group(Block b) throws AclParser.AclError {
    List<String> head = b.head();
    String type = head.get(1);
    ObjectGroup.Kind kind =
        switch (type) {
          case "network" -> ObjectGroup.Kind.NETWORK;
          case "service" -> ObjectGroup.Kind.SERVICE;
          case "protocol" -> ObjectGroup.Kind.PROTOCOL;
          case "icmp-type" -> ObjectGroup.Kind.ICMP_TYPE;
          default -> ObjectGroup.Kind.OTHER;
        };
    String portProtocol = kind == ObjectGroup.Kind.SERVICE && head.size() > 3 ? head.get(3) : null;
    List<AsaAddress> addresses = new ArrayList<>();
    List<AsaProtocol> services = new ArrayList<>();
    List<PortSet> ports = new ArrayList<>();
    List<Integer> protocols = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (Block.Line l : b.body()) {
      List<String> w = l.words();
      switch (w.get(0)) {
        case "network-object" -> addresses.add(member(l));
        case "group-object" -> groups.add(arg(w, 1));
        case "port-object" -> ports.add(Ports.of(arg(w, 1), words(w, 2)));
        case "service-object" ->
            services.add(
                w.get(1).equals("object")
                    ? new AsaProtocol.Object(arg(w, 2))
                    : service(w.subList(1, w.size())));
        case "protocol-object" ->
            protocols.add(
                AsaNames.protocol(arg(w, 1))
                    .orElseThrow(() -> error(l, "unknown protocol '" + w.get(1) + "'")));
        default -> {
          // description, icmp-object and the like: nothing a check depends on
        }
      }
    }
    return new ObjectGroup(
        b.name(), kind, portProtocol, addresses, services, ports, protocols, groups, b.line());
  }

  private AsaAddress member(Block.Line l) throws AclParser.AclError {
    List<String> w = l.words();
    String a = arg(w, 1);
    if (a.equals("host")) {
      return new AsaAddress.Set(address(arg(w, 2)));
    }
    if (a.equals("object")) {
      return new AsaAddress.Object(arg(w, 2));
    }
    if (a.contains("/")) {
      return new AsaAddress.Set(prefix(a));
    }
    String addr = names.getOrDefault(a, a);
    String mask = arg(w, 2);
    if (Masks.v4(addr).isEmpty() || Masks.v4(mask).isEmpty()) {
      throw error(l, "not an address and mask");
    }
    return Masks.of(addr, mask)
        .<AsaAddress>map(AsaAddress.Set::new)
        .orElse(
            new AsaAddress.Unknown(
                addr
                    + " "
                    + mask
                    + ": a mask too scattered to expand (more than "
                    + Masks.MAX_BLOCKS
                    + " prefixes)"));
  }

  private IpSet address(String w) throws AclParser.AclError {
    String a = names.getOrDefault(w, w);
    return IpSet.tryParse(a)
        .filter(s -> !a.contains("/"))
        .orElseThrow(() -> new AclParser.AclError("'" + w + "' is not an address"));
  }

  private static IpSet prefix(String w) throws AclParser.AclError {
    return IpSet.tryParse(w)
        .orElseThrow(() -> new AclParser.AclError("'" + w + "' is not a prefix"));
  }

  private static String arg(List<String> w, int i) throws AclParser.AclError {
    if (i >= w.size()) {
      throw new AclParser.AclError("'" + String.join(" ", w) + "' is incomplete");
    }
    return w.get(i);
  }

  private static AclParser.Words words(List<String> w, int from) {
    int[] at = {from};
    return what -> {
      if (at[0] >= w.size()) {
        throw new AclParser.AclError("ends where " + what + " was expected");
      }
      return w.get(at[0]++);
    };
  }

  private static AclParser.AclError error(Block.Line l, String what) {
    return new AclParser.AclError("'" + String.join(" ", l.words()) + "': " + what);
  }
}
