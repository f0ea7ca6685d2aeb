package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads management objects into {@link CpObject}s and keeps them by uid. An object may be read more
 * than once (in a dictionary, in place in a rule or group, on a {@code show objects} page): the
 * fullest reading is kept. A value Check Point would refuse (an address that is not one, an
 * impossible port range) is an error at its line.
 */
final class ObjectReader {
  private static final int TCP = 6;
  private static final int UDP = 17;
  private static final int SCTP = 132;

  /** Each object with the number of fields it was read from. */
  private final Map<String, CpObject> objects = new HashMap<>();

  private final Map<String, Integer> fieldCounts = new HashMap<>();

  Map<String, CpObject> objects() {
    return objects;
  }

  /** Reads an object and keeps it, unless a fuller reading of the same uid is kept already. */
  void add(Reading r, Tree.Obj o) {
    Optional<String> uid = r.text(o, "uid");
    if (uid.isEmpty()) {
      r.error(o.line(), "an object without a 'uid'");
      return;
    }
    Integer had = fieldCounts.get(uid.get());
    if (had != null && had >= o.fields().size()) {
      return;
    }
    String type = r.text(o, "type").orElse("");
    String name = r.text(o, "name").orElse(uid.get());
    String label = (type.isEmpty() ? "object" : type) + " '" + name + "'";
    CpObject read = new CpObject(uid.get(), name, type, r.at(o), body(r, o, type, label));
    objects.put(uid.get(), read);
    fieldCounts.put(uid.get(), o.fields().size());
  }

  /**
   * A list of references: uids, or objects written in place (which are read and kept); one
   * reference where the list would hold only it.
   */
  List<Ref> refs(Reading r, Tree.Obj o, String key) {
    Tree value = o.fields().get(key);
    if (value == null || value instanceof Tree.Scalar s && s.value() == null) {
      return List.of();
    }
    List<Ref> out = new ArrayList<>();
    for (Tree t : value instanceof Tree.Seq seq ? seq.items() : List.of(value)) {
      ref(r, t, key).ifPresent(out::add);
    }
    return out;
  }

  /** One reference field, if present. */
  Optional<Ref> ref(Reading r, Tree.Obj o, String key) {
    Tree t = o.fields().get(key);
    return t == null || t instanceof Tree.Scalar s && s.value() == null
        ? Optional.empty()
        : ref(r, t, key);
  }

  private Optional<Ref> ref(Reading r, Tree t, String key) {
    if (t instanceof Tree.Scalar s && s.isString() && !s.text().isBlank()) {
      return Optional.of(new Ref(s.text().strip(), t.line()));
    }
    if (t instanceof Tree.Obj x && r.text(x, "uid").isPresent()) {
      if (x.fields().containsKey("type")) {
        add(r, x);
      }
      return Optional.of(new Ref(r.text(x, "uid").get(), t.line()));
    }
    r.error(t.line(), "'" + key + "' holds neither a uid nor an object with one");
    return Optional.empty();
  }

  private CpObject.Body body(Reading r, Tree.Obj o, String type, String name) {
    return switch (type) {
      case "CpmiAnyObject" -> new CpObject.Any();
      case "host", "CpmiHostCkp" -> new CpObject.Addresses(own(r, o, name));
      case "simple-gateway", "checkpoint-host" -> new CpObject.Addresses(gateway(r, o, name));
      case "network" -> new CpObject.Addresses(network(r, o, name));
      case "address-range", "multicast-address-range" -> new CpObject.Addresses(range(r, o, name));
      case "group", "service-group" -> new CpObject.Group(refs(r, o, "members"));
      case "group-with-exclusion" -> exclusion(r, o, name);
      case "service-tcp" -> ports(r, o, TCP, name);
      case "service-udp" -> ports(r, o, UDP, name);
      case "service-sctp" -> ports(r, o, SCTP, name);
      case "service-icmp" -> icmp(r, o, false, name);
      case "service-icmp6" -> icmp(r, o, true, name);
      case "service-other" ->
          new CpObject.Protocol(
              r.integer(o, "ip-protocol").orElse(null), r.text(o, "match").orElse(""));
      case "access-layer" -> new CpObject.Layer(r.text(o, "implicit-cleanup-action").orElse(null));
      default -> new CpObject.Other();
    };
  }

  /** The object's own {@code ipv4-address} and {@code ipv6-address}. */
  private List<IpSet> own(Reading r, Tree.Obj o, String name) {
    List<IpSet> out = new ArrayList<>();
    for (String key : List.of("ipv4-address", "ipv6-address")) {
      r.text(o, key).ifPresent(a -> address(r, o, key, a, name).ifPresent(out::add));
    }
    return out;
  }

  /** A gateway's own addresses and those of its interfaces. */
  private List<IpSet> gateway(Reading r, Tree.Obj o, String name) {
    List<IpSet> out = new ArrayList<>(own(r, o, name));
    for (Tree t : r.list(o, "interfaces")) {
      if (t instanceof Tree.Obj i) {
        out.addAll(own(r, i, name));
      }
    }
    return out;
  }

  private Optional<IpSet> address(Reading r, Tree.Obj o, String key, String text, String name) {
    Optional<IpSet> a =
        IpSet.tryParse(text).filter(s -> !text.contains("/") && !text.contains("-"));
    if (a.isEmpty()) {
      r.error(o.fields().get(key).line(), name + ": " + key + " '" + text + "' is not an address");
    }
    return a;
  }

  private List<IpSet> network(Reading r, Tree.Obj o, String name) {
    List<IpSet> out = new ArrayList<>();
    prefix(r, o, name, "subnet4", "mask-length4", 32).ifPresent(out::add);
    prefix(r, o, name, "subnet6", "mask-length6", 128).ifPresent(out::add);
    return out;
  }

  private Optional<IpSet> prefix(
      Reading r, Tree.Obj o, String name, String subnetKey, String lengthKey, int bits) {
    Optional<String> subnet = r.text(o, subnetKey);
    if (subnet.isEmpty()) {
      return Optional.empty();
    }
    Optional<Integer> len = r.integer(o, lengthKey);
    Optional<IpSet> s = IpSet.tryParse(subnet.get() + "/" + len.orElse(-1));
    if (len.isEmpty() || s.isEmpty() || s.get().family().bits() != bits) {
      r.error(
          o.fields().get(subnetKey).line(),
          name
              + ": "
              + subnetKey
              + " '"
              + subnet.get()
              + "' with "
              + lengthKey
              + " '"
              + len.map(String::valueOf).orElse("")
              + "' is not a network of "
              + (bits == 32 ? "IPv4" : "IPv6")
              + " addresses");
      return Optional.empty();
    }
    return s;
  }

  private List<IpSet> range(Reading r, Tree.Obj o, String name) {
    List<IpSet> out = new ArrayList<>();
    for (String v : List.of("ipv4", "ipv6")) {
      Optional<String> first = r.text(o, v + "-address-first");
      Optional<String> last = r.text(o, v + "-address-last");
      if (first.isEmpty() && last.isEmpty()) {
        continue;
      }
      Optional<IpSet> s =
          first.isPresent() && last.isPresent()
              ? IpSet.tryParse(first.get() + "-" + last.get())
              : Optional.empty();
      if (s.isEmpty()) {
        r.error(
            o.line(),
            name
                + ": "
                + first.orElse("?")
                + " to "
                + last.orElse("?")
                + " is not a range of addresses");
      }
      s.ifPresent(out::add);
    }
    return out;
  }

  private CpObject.Body exclusion(Reading r, Tree.Obj o, String name) {
    Optional<Ref> include = ref(r, o, "include");
    Optional<Ref> except = ref(r, o, "except");
    if (include.isEmpty() || except.isEmpty()) {
      r.error(o.line(), name + " lacks 'include' or 'except'");
      return new CpObject.Other();
    }
    return new CpObject.Exclusion(include.get(), except.get());
  }

  private CpObject.Body ports(Reading r, Tree.Obj o, int protocol, String name) {
    Optional<PortSet> ports = portField(r, o, "port", name);
    if (ports.isEmpty()) {
      if (!o.fields().containsKey("port")) {
        r.error(o.line(), name + " has no 'port'");
      }
      return new CpObject.Other();
    }
    PortSet source =
        r.text(o, "source-port").isPresent()
            ? portField(r, o, "source-port", name).orElse(PortSet.all())
            : null;
    boolean signature = r.bool(o, "match-by-protocol-signature", false);
    return new CpObject.Ports(protocol, ports.get(), source, signature);
  }

  private Optional<PortSet> portField(Reading r, Tree.Obj o, String key, String name) {
    Optional<String> text = r.text(o, key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<PortSet> p = Ports.parse(text.get());
    if (p.isEmpty()) {
      r.error(
          o.fields().get(key).line(),
          name
              + ": "
              + key
              + " '"
              + text.get()
              + "' is not a port range of 0 to 65535 (N, N-M, <N, >N)");
    }
    return p;
  }

  private CpObject.Body icmp(Reading r, Tree.Obj o, boolean v6, String name) {
    Integer type = r.integer(o, "icmp-type").orElse(null);
    Integer code = r.integer(o, "icmp-code").orElse(null);
    for (Integer v : java.util.Arrays.asList(type, code)) {
      if (v != null && (v < 0 || v > 255)) {
        r.error(o.line(), name + ": ICMP type and code are 0 to 255, not " + v);
        return new CpObject.Other();
      }
    }
    return new CpObject.Icmp(v6, type, code);
  }
}
