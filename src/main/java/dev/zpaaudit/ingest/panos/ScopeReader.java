package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.entries;
import static dev.zpaaudit.ingest.panos.Elements.members;
import static dev.zpaaudit.ingest.panos.Elements.name;

import dev.zpaaudit.io.XmlElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the scopes of a config (shared, vsys, device groups) and templates. */
final class ScopeReader {
  private final Reading r;
  private final RuleReader rules;

  ScopeReader(Reading r) {
    this.r = r;
    this.rules = new RuleReader(r);
  }

  SharedScope shared(Optional<XmlElement> shared) {
    if (shared.isEmpty()) {
      return SharedScope.NONE;
    }
    XmlElement s = shared.get();
    PanosObjects o = ObjectReader.read(r, s);
    return new SharedScope(
        o,
        rules.rulebase(s.child("pre-rulebase")),
        rules.rulebase(s.child("post-rulebase")),
        s.line());
  }

  List<Vsys> vsys(XmlElement device) {
    List<Vsys> read = new ArrayList<>();
    for (XmlElement v : entries(r, device, "vsys")) {
      PanosObjects o = ObjectReader.read(r, v);
      read.add(
          new Vsys(
              name(v),
              o,
              rules.rulebase(v.child("rulebase")),
              zones(v),
              v.child("import")
                  .flatMap(i -> i.child("network"))
                  .map(n -> members(n, "interface"))
                  .orElse(List.of()),
              v.line()));
    }
    return read;
  }

  private List<Zone> zones(XmlElement vsys) {
    List<Zone> zones = new ArrayList<>();
    for (XmlElement z : entries(r, vsys, "zone")) {
      Zone.Type type = Zone.Type.NONE;
      List<String> interfaces = List.of();
      Optional<XmlElement> network = z.child("network");
      for (Zone.Type t : Zone.Type.values()) {
        if (network.isPresent() && network.get().child(t.text()).isPresent()) {
          type = t;
          interfaces = members(network.get(), t.text());
          break;
        }
      }
      if (type != Zone.Type.LAYER3 && type != Zone.Type.NONE) {
        r.unmodelled(
            network.get().child(type.text()).orElseThrow(),
            type.text() + " zones",
            "zone '" + name(z) + "' is read by name and interfaces only");
      }
      zones.add(new Zone(name(z), type, interfaces, z.line()));
    }
    return zones;
  }

  /** Device groups, with the parents that Panorama records in the readonly section. */
  List<DeviceGroup> deviceGroups(XmlElement device, Map<String, String> parents) {
    List<DeviceGroup> read = new ArrayList<>();
    for (XmlElement g : entries(r, device, "device-group")) {
      PanosObjects o = ObjectReader.read(r, g);
      List<String> devices =
          g.child("devices")
              .map(d -> entries(r, d).stream().map(Elements::name).toList())
              .orElse(List.of());
      read.add(
          new DeviceGroup(
              name(g),
              Optional.ofNullable(parents.get(name(g))),
              devices,
              o,
              rules.rulebase(g.child("pre-rulebase")),
              rules.rulebase(g.child("post-rulebase")),
              g.line()));
    }
    return read;
  }

  List<Template> templates(XmlElement device) {
    List<Template> read = new ArrayList<>();
    for (XmlElement t : entries(r, device, "template")) {
      read.add(template(t, false));
    }
    for (XmlElement t : entries(r, device, "template-stack")) {
      read.add(template(t, true));
    }
    return read;
  }

  private Template template(XmlElement t, boolean stack) {
    List<Vsys> vsys = new ArrayList<>();
    List<XmlElement> networks = new ArrayList<>();
    Optional<XmlElement> config = t.child("config");
    for (XmlElement d : config.map(c -> entries(r, c, "devices")).orElse(List.of())) {
      vsys.addAll(vsys(d));
      d.child("network").ifPresent(networks::add);
    }
    return new Template(
        name(t),
        stack,
        stack ? members(t, "templates") : List.of(),
        vsys,
        network(networks),
        t.line());
  }

  /**
   * The interfaces, virtual routers and tunnel encapsulations of one or more {@code <network>}
   * elements.
   */
  Network network(List<XmlElement> networks) {
    List<PanosInterface> interfaces = new ArrayList<>();
    List<VirtualRouter> routers = new ArrayList<>();
    Map<String, String> encapsulations = new HashMap<>();
    for (XmlElement n : networks) {
      interfaces.addAll(InterfaceReader.read(r, n.child("interface")));
      routers.addAll(new RoutingReader(r).read(n));
      n.child("tunnel").ifPresent(t -> tunnels(t, encapsulations));
    }
    return new Network(interfaces, routers, encapsulations);
  }

  /**
   * The tunnel interfaces {@code <tunnel><ipsec>} and {@code <tunnel><gre>} entries are bound to
   * ({@code tunnel-interface}), with their encapsulation.
   */
  private void tunnels(XmlElement tunnel, Map<String, String> out) {
    for (String kind : List.of("ipsec", "gre")) {
      for (XmlElement e : entries(r, tunnel, kind)) {
        e.child("tunnel-interface").ifPresent(i -> out.putIfAbsent(i.value().strip(), kind));
      }
    }
  }
}
