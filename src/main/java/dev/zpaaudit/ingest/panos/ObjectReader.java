package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.entries;
import static dev.zpaaudit.ingest.panos.Elements.members;
import static dev.zpaaudit.ingest.panos.Elements.name;
import static dev.zpaaudit.ingest.panos.Elements.text;

import dev.zpaaudit.io.XmlElement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads the objects of one scope. */
final class ObjectReader {
  private final Reading r;
  private final PanosObjects.Builder objects = new PanosObjects.Builder();

  private ObjectReader(Reading r) {
    this.r = r;
  }

  static PanosObjects read(Reading r, XmlElement scope) {
    ObjectReader o = new ObjectReader(r);
    o.readAll(scope);
    return o.objects.build();
  }

  private void readAll(XmlElement s) {
    for (XmlElement e : entries(r, s, "address")) {
      address(e).ifPresentOrElse(objects::address, () -> objects.unreadable(name(e)));
    }
    for (XmlElement e : entries(r, s, "address-group")) {
      addressGroup(e).ifPresentOrElse(objects::addressGroup, () -> objects.unreadable(name(e)));
    }
    for (XmlElement e : entries(r, s, "service")) {
      service(e).ifPresentOrElse(objects::service, () -> objects.unreadable(name(e)));
    }
    for (XmlElement e : entries(r, s, "service-group")) {
      objects.serviceGroup(new ServiceGroup(name(e), groupMembers(e), members(e, "tag"), e.line()));
    }
    for (XmlElement e : entries(r, s, "application-group")) {
      objects.applicationGroup(new ApplicationGroup(name(e), groupMembers(e), e.line()));
    }
    for (XmlElement e : entries(r, s, "application-filter")) {
      objects.applicationFilter(new ApplicationFilter(name(e), e.line()));
    }
    for (XmlElement e : entries(r, s, "tag")) {
      objects.tag(new Tag(name(e), e.line()));
    }
    for (XmlElement e : entries(r, s, "region")) {
      objects.region(new Region(name(e), members(e, "address"), e.line()));
    }
    for (XmlElement e : entries(r, s, "external-list")) {
      objects.externalList(new ExternalList(name(e), externalListType(e), e.line()));
    }
    s.child("profiles")
        .ifPresent(
            p -> {
              for (XmlElement e : entries(r, p, "custom-url-category")) {
                objects.urlCategory(urlCategory(e));
              }
            });
  }

  private static final List<String> ADDRESS_KINDS =
      List.of("ip-netmask", "ip-range", "ip-wildcard", "fqdn");

  private Optional<Address> address(XmlElement e) {
    String name = name(e);
    for (String kind : ADDRESS_KINDS) {
      Optional<XmlElement> v = e.child(kind);
      if (v.isPresent()) {
        try {
          AddressValue value = addressValue(kind, v.get().value());
          return Optional.of(new Address(name, value, members(e, "tag"), e.line()));
        } catch (IllegalArgumentException bad) {
          r.error(v.get(), "address '" + name + "': " + kind + " " + quoted(bad));
          return Optional.empty();
        }
      }
    }
    r.error(e, "address '" + name + "' has no ip-netmask, ip-range, ip-wildcard or fqdn");
    return Optional.empty();
  }

  private static AddressValue addressValue(String kind, String text) {
    Function<String, AddressValue> make =
        switch (kind) {
          case "ip-netmask" -> AddressValue.IpNetmask::new;
          case "ip-range" -> AddressValue.IpRange::new;
          case "ip-wildcard" -> AddressValue.IpWildcard::new;
          default -> AddressValue.Fqdn::new;
        };
    return make.apply(text);
  }

  /** The message of a refusal, from the quoted value on ("'x' is not ..."). */
  private static String quoted(IllegalArgumentException e) {
    String m = e.getMessage();
    int colon = m.indexOf(": '");
    return colon < 0 ? m : m.substring(colon + 2) + " is " + m.substring(0, colon);
  }

  private Optional<AddressGroup> addressGroup(XmlElement e) {
    String name = name(e);
    List<String> tags = members(e, "tag");
    if (e.child("dynamic").isPresent()) {
      Optional<String> filter = e.child("dynamic").flatMap(d -> text(d, "filter"));
      if (filter.isEmpty()) {
        r.error(e, "address group '" + name + "' is dynamic but has no filter");
        return Optional.empty();
      }
      return Optional.of(
          new AddressGroup(name, new AddressGroup.Dynamic(filter.get()), tags, e.line()));
    }
    if (e.child("static").isEmpty() && e.child("member").isEmpty()) {
      r.error(e, "address group '" + name + "' is neither static nor dynamic");
      return Optional.empty();
    }
    List<String> m = e.child("static").isPresent() ? members(e, "static") : legacyMembers(e);
    return Optional.of(new AddressGroup(name, new AddressGroup.Static(m), tags, e.line()));
  }

  /** Members written as {@code <members>} or, by older releases, straight in the entry. */
  private static List<String> groupMembers(XmlElement e) {
    return e.child("members").isPresent() ? members(e, "members") : legacyMembers(e);
  }

  private static List<String> legacyMembers(XmlElement e) {
    return e.children("member").stream().map(XmlElement::value).filter(v -> !v.isEmpty()).toList();
  }

  private Optional<Service> service(XmlElement e) {
    String name = name(e);
    Optional<XmlElement> protocol = e.child("protocol");
    Optional<XmlElement> tcp = protocol.flatMap(p -> p.child("tcp"));
    Optional<XmlElement> udp = protocol.flatMap(p -> p.child("udp"));
    if (tcp.isEmpty() && udp.isEmpty()) {
      if (protocol.flatMap(p -> p.child("sctp")).isEmpty()) {
        r.error(e, "service '" + name + "' has no tcp or udp protocol");
      }
      return Optional.empty();
    }
    XmlElement ports = tcp.isPresent() ? tcp.get() : udp.get();
    Service.Protocol proto = tcp.isPresent() ? Service.Protocol.TCP : Service.Protocol.UDP;
    Optional<List<PortRange>> dst = ports(ports, "port", name);
    Optional<List<PortRange>> src =
        ports.child("source-port").isEmpty()
            ? Optional.of(List.of())
            : ports(ports, "source-port", name);
    if (dst.isEmpty() || src.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Service(name, proto, dst.get(), src.get(), e.line()));
  }

  private Optional<List<PortRange>> ports(XmlElement protocol, String child, String service) {
    Optional<XmlElement> c = protocol.child(child);
    if (c.isEmpty() || c.get().value().isEmpty()) {
      r.error(protocol, "service '" + service + "' has no " + child);
      return Optional.empty();
    }
    Optional<List<PortRange>> ranges = PortRange.tryParseList(c.get().value());
    if (ranges.isEmpty()) {
      r.error(
          c.get(),
          "service '" + service + "': " + child + " '" + c.get().value() + "' is not a port list");
    }
    return ranges;
  }

  private static String externalListType(XmlElement e) {
    Optional<XmlElement> type = e.child("type");
    if (type.isEmpty()) {
      return "ip";
    }
    if (!type.get().children().isEmpty()) {
      return type.get().children().get(0).name();
    }
    return type.get().value().isEmpty() ? "ip" : type.get().value();
  }

  private UrlCategory urlCategory(XmlElement e) {
    String type = text(e, "type").orElse("URL List");
    UrlCategory.Type t =
        type.equals("Category Match") ? UrlCategory.Type.CATEGORY_MATCH : UrlCategory.Type.URL_LIST;
    if (!type.equals("URL List") && !type.equals("Category Match")) {
      r.warning(
          e.child("type").orElse(e),
          "custom URL category '" + name(e) + "': type '" + type + "' is read as URL List");
    }
    return new UrlCategory(name(e), t, members(e, "list"), e.line());
  }
}
