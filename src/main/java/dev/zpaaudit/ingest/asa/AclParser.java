package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import java.util.Map;

/**
 * Parses the operands of an extended ACL line ({@code permit tcp any host 10.0.0.1 eq https log})
 * against the objects and object-groups of the configuration; what does not parse, or names what is
 * not defined, is an error with its reason.
 */
final class AclParser {
  /** A line that cannot be parsed, and why. */
  static final class AclError extends Exception {
    AclError(String message) {
      super(message, null, false, false);
    }
  }

  private final List<String> words;
  private final Map<String, AsaAddress> objects;
  private final Map<String, AsaProtocol> services;
  private final Map<String, ObjectGroup> groups;
  private final Map<String, String> names;
  private int at;

  AclParser(
      List<String> words,
      Map<String, AsaAddress> objects,
      Map<String, AsaProtocol> services,
      Map<String, ObjectGroup> groups,
      Map<String, String> names) {
    this.words = words;
    this.objects = objects;
    this.services = services;
    this.groups = groups;
    this.names = names;
  }

  /** The entry the words (after {@code extended}) make. */
  AclEntry parse(String acl, int index, String text, int line) throws AclError {
    String action = next("permit or deny");
    if (!action.equals("permit") && !action.equals("deny")) {
      throw new AclError("expected permit or deny, found '" + action + "'");
    }
    AsaProtocol protocol = protocol();
    AsaAddress src = address();
    PortSet srcPorts = null;
    String srcGroup = null;
    if (portsFollow()) {
      srcGroup = portGroup();
      srcPorts = srcGroup == null ? ports() : null;
    }
    AsaAddress dst = address();
    PortSet dstPorts = null;
    String dstGroup = null;
    if (portsFollow()) {
      dstGroup = portGroup();
      dstPorts = dstGroup == null ? ports() : null;
    }
    boolean inactive = false;
    String timeRange = null;
    while (at < words.size()) {
      String w = words.get(at++);
      switch (w) {
        case "inactive" -> inactive = true;
        case "time-range" -> timeRange = next("a time-range name");
        case "log" -> skipLogOptions();
        default -> {
          // An ICMP type or an icmp-type object-group after an ICMP line's addresses.
          if (w.equals("object-group")) {
            next("an object-group name");
          }
          dst = icmpType(protocol, dst, w);
        }
      }
    }
    return new AclEntry(
        acl,
        index,
        action.equals("permit"),
        protocol,
        src,
        srcPorts,
        srcGroup,
        dst,
        dstPorts,
        dstGroup,
        inactive,
        timeRange,
        text,
        line);
  }

  private AsaAddress icmpType(AsaProtocol protocol, AsaAddress dst, String w) throws AclError {
    if (protocol instanceof AsaProtocol.Number n && (n.protocol() == 1 || n.protocol() == 58)) {
      return dst; // ICMP types narrow ICMP only, which no check sends
    }
    throw new AclError("unexpected '" + w + "'");
  }

  private void skipLogOptions() {
    while (at < words.size()) {
      String w = words.get(at);
      if (w.equals("interval") || w.equals("disable") || w.equals("default")) {
        at += w.equals("interval") ? 2 : 1;
      } else if (w.matches(
          "\\d|emergencies|alerts|critical|errors|warnings|notifications"
              + "|informational|debugging")) {
        at++;
      } else {
        return;
      }
    }
  }

  private AsaProtocol protocol() throws AclError {
    String w = next("a protocol");
    if (w.equals("object-group")) {
      String g = next("an object-group name");
      ObjectGroup og = groups.get(g);
      if (og == null) {
        throw new AclError("object-group '" + g + "' is not defined");
      }
      if (og.kind() != ObjectGroup.Kind.PROTOCOL && og.kind() != ObjectGroup.Kind.SERVICE) {
        throw new AclError("object-group '" + g + "' is not a protocol or service group");
      }
      return new AsaProtocol.Group(g);
    }
    if (w.equals("object")) {
      String o = next("a service object name");
      if (!services.containsKey(o)) {
        throw new AclError("service object '" + o + "' is not defined");
      }
      return new AsaProtocol.Object(o);
    }
    return new AsaProtocol.Number(
        AsaNames.protocol(w).orElseThrow(() -> new AclError("unknown protocol '" + w + "'")));
  }

  AsaAddress address() throws AclError {
    String w = next("an address");
    switch (w) {
      case "any":
        return new AsaAddress.Any(null);
      case "any4":
        return new AsaAddress.Any(AddressFamily.IPV4);
      case "any6":
        return new AsaAddress.Any(AddressFamily.IPV6);
      case "host":
        return new AsaAddress.Set(host(next("a host address")));
      case "interface":
        return new AsaAddress.Iface(next("an interface name"));
      case "object":
        {
          String o = next("a network object name");
          if (!objects.containsKey(o)) {
            throw new AclError("network object '" + o + "' is not defined");
          }
          return new AsaAddress.Object(o);
        }
      case "object-group":
        {
          String g = next("an object-group name");
          ObjectGroup og = groups.get(g);
          if (og == null) {
            throw new AclError("object-group '" + g + "' is not defined");
          }
          if (og.kind() != ObjectGroup.Kind.NETWORK) {
            throw new AclError("object-group '" + g + "' is not a network group");
          }
          return new AsaAddress.Group(g);
        }
      case "user", "user-group", "object-group-user", "security-group", "object-group-security":
        return new AsaAddress.Unknown(w + " " + next("a name") + ": identity is not modelled");
      default:
        return prefix(w);
    }
  }

  /** {@code ADDRESS MASK} (IPv4, or a name for an address) or {@code ADDRESS/LENGTH} (IPv6). */
  private AsaAddress prefix(String w) throws AclError {
    if (w.contains("/")) {
      return new AsaAddress.Set(
          IpSet.tryParse(w).orElseThrow(() -> new AclError("'" + w + "' is not a prefix")));
    }
    String address = names.getOrDefault(w, w);
    String mask = next("a mask after " + w);
    return new AsaAddress.Set(
        Masks.of(address, mask)
            .orElseThrow(
                () -> new AclError("'" + w + " " + mask + "' is not an address and mask")));
  }

  private IpSet host(String w) throws AclError {
    String a = names.getOrDefault(w, w);
    return IpSet.tryParse(a).orElseThrow(() -> new AclError("'" + w + "' is not an address"));
  }

  private boolean portsFollow() {
    if (at >= words.size()) {
      return false;
    }
    String w = words.get(at);
    if (List.of("eq", "lt", "gt", "neq", "range").contains(w)) {
      return true;
    }
    if (w.equals("object-group") && at + 1 < words.size()) {
      ObjectGroup g = groups.get(words.get(at + 1));
      return g != null && g.kind() == ObjectGroup.Kind.SERVICE && g.portProtocol() != null;
    }
    return false;
  }

  private String portGroup() {
    if (words.get(at).equals("object-group")) {
      at += 2;
      return words.get(at - 1);
    }
    return null;
  }

  private PortSet ports() throws AclError {
    String op = next("a port operator");
    return Ports.of(op, this::next);
  }

  private String next(String what) throws AclError {
    if (at >= words.size()) {
      throw new AclError("ends where " + what + " was expected");
    }
    return words.get(at++);
  }

  /** The next word, for helpers that read operands. */
  interface Words {
    String next(String what) throws AclError;
  }
}
