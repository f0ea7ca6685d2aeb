package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.entries;
import static dev.zpaaudit.ingest.panos.Elements.name;
import static dev.zpaaudit.ingest.panos.Elements.text;
import static dev.zpaaudit.ingest.panos.Elements.yes;

import dev.zpaaudit.ingest.panos.PanosInterface.Kind;
import dev.zpaaudit.ingest.panos.PanosInterface.Mode;
import dev.zpaaudit.io.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code <network><interface>}: ports, their units, tunnels and loopbacks. */
final class InterfaceReader {
  private static final Map<String, Mode> MODES =
      Map.of(
          "layer3", Mode.LAYER3,
          "layer2", Mode.LAYER2,
          "virtual-wire", Mode.VIRTUAL_WIRE,
          "tap", Mode.TAP,
          "ha", Mode.HA,
          "decrypt-mirror", Mode.DECRYPT_MIRROR,
          "aggregate-group", Mode.AGGREGATE_GROUP);

  private final Reading r;
  private final List<PanosInterface> read = new ArrayList<>();

  private InterfaceReader(Reading r) {
    this.r = r;
  }

  static List<PanosInterface> read(Reading r, Optional<XmlElement> interfaces) {
    InterfaceReader reader = new InterfaceReader(r);
    interfaces.ifPresent(reader::readAll);
    return List.copyOf(reader.read);
  }

  private void readAll(XmlElement i) {
    for (XmlElement e : entries(r, i, "ethernet")) {
      port(e, Kind.ETHERNET);
    }
    for (XmlElement e : entries(r, i, "aggregate-ethernet")) {
      port(e, Kind.AGGREGATE_ETHERNET);
    }
    i.child("tunnel").ifPresent(t -> unitsOnly(t, Kind.TUNNEL));
    i.child("loopback").ifPresent(l -> unitsOnly(l, Kind.LOOPBACK));
  }

  private void port(XmlElement e, Kind kind) {
    String name = name(e);
    Mode mode = Mode.NONE;
    for (XmlElement c : e.children()) {
      if (MODES.containsKey(c.name())) {
        mode = MODES.get(c.name());
        break;
      }
    }
    Optional<XmlElement> l3 = e.child("layer3");
    XmlElement settings = l3.orElse(e);
    read.add(
        layer3(
            name,
            kind,
            mode,
            Optional.empty(),
            Optional.empty(),
            settings,
            e.line(),
            text(e, "aggregate-group")));
    l3.ifPresent(l -> units(l, name, kind));
  }

  /** Tunnel and loopback: the bare interface when it has settings, then its units. */
  private void unitsOnly(XmlElement t, Kind kind) {
    String base = kind == Kind.TUNNEL ? "tunnel" : "loopback";
    boolean bare = t.children().stream().anyMatch(c -> !c.name().equals("units"));
    if (bare) {
      read.add(
          layer3(
              base,
              kind,
              Mode.LAYER3,
              Optional.empty(),
              Optional.empty(),
              t,
              t.line(),
              Optional.empty()));
    }
    units(t, base, kind);
  }

  private void units(XmlElement parent, String parentName, Kind kind) {
    for (XmlElement u : entries(r, parent, "units")) {
      String subject = "interface '" + name(u) + "'";
      Optional<Integer> tag = Elements.integer(r, u, "tag", 1, 4094, subject);
      Optional<String> p =
          kind == Kind.TUNNEL || kind == Kind.LOOPBACK ? Optional.empty() : Optional.of(parentName);
      read.add(layer3(name(u), kind, Mode.LAYER3, p, tag, u, u.line(), Optional.empty()));
    }
  }

  private PanosInterface layer3(
      String name,
      Kind kind,
      Mode mode,
      Optional<String> parent,
      Optional<Integer> tag,
      XmlElement settings,
      int line,
      Optional<String> aggregateGroup) {
    String subject = "interface '" + name + "'";
    List<String> addresses =
        settings
            .child("ip")
            .map(ip -> entries(r, ip).stream().map(Elements::name).toList())
            .orElse(List.of());
    return new PanosInterface(
        name,
        kind,
        mode,
        parent,
        tag,
        addresses,
        ipv6(settings, subject),
        Elements.integer(r, settings, "mtu", 576, 9216, subject),
        settings.child("adjust-tcp-mss").map(m -> adjustTcpMss(m, subject)),
        aggregateGroup,
        line);
  }

  private List<String> ipv6(XmlElement settings, String subject) {
    Optional<XmlElement> v6 = settings.child("ipv6");
    if (v6.isEmpty() || !yes(r, v6.get(), "enabled", subject)) {
      return List.of();
    }
    List<String> addresses = new ArrayList<>();
    for (XmlElement a : entries(r, v6.get(), "address")) {
      if (a.child("enable-on-interface").isEmpty() || yes(r, a, "enable-on-interface", subject)) {
        addresses.add(name(a));
      }
    }
    return addresses;
  }

  /** {@code <adjust-tcp-mss>}: yes/no before PAN-OS 7.1, then enable and the two adjustments. */
  private AdjustTcpMss adjustTcpMss(XmlElement m, String subject) {
    if (m.children().isEmpty()) {
      boolean on = m.value().equals("yes");
      return new AdjustTcpMss(on, AdjustTcpMss.DEFAULT_IPV4, AdjustTcpMss.DEFAULT_IPV6);
    }
    return new AdjustTcpMss(
        yes(r, m, "enable", subject),
        Elements.integer(r, m, "ipv4-mss-adjustment", 40, 300, subject)
            .orElse(AdjustTcpMss.DEFAULT_IPV4),
        Elements.integer(r, m, "ipv6-mss-adjustment", 60, 300, subject)
            .orElse(AdjustTcpMss.DEFAULT_IPV6));
  }
}
