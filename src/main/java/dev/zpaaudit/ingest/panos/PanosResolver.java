package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves the member names of rules and groups the way PAN-OS does: through the scopes, nearest
 * first (a firewall vsys, then shared; a device group, its ancestors, then shared). Addresses,
 * address groups, regions and external lists share one namespace; services and service groups
 * another. A name no scope defines may still be a literal address ("10.0.0.0/8",
 * "10.0.0.1-10.0.0.9"), a predefined region (a two-letter country code), or a predefined service
 * ({@code service-http}, {@code service-https}). {@code any} is kept as any.
 */
public final class PanosResolver {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** One scope: what to call it and its objects. */
  record Scope(String label, PanosObjects objects) {
    Scope {
      Objects.requireNonNull(label);
      Objects.requireNonNull(objects);
    }
  }

  /** What a name is among the scopes; {@code index} is the scope that defines it (or -1). */
  record Lookup(Kind kind, Object definition, int index) {
    enum Kind {
      ANY,
      APPLICATION_DEFAULT,
      ADDRESS,
      ADDRESS_GROUP,
      REGION,
      EXTERNAL_LIST,
      SERVICE,
      SERVICE_GROUP,
      LITERAL,
      PREDEFINED,
      UNREADABLE,
      NOT_DEFINED
    }
  }

  private final List<Scope> lineage;
  private final Map<Object, List<AddressLeaf>> flatAddresses = new IdentityHashMap<>();
  private final Map<Object, List<ServiceLeaf>> flatServices = new IdentityHashMap<>();

  PanosResolver(List<Scope> lineage) {
    this.lineage = List.copyOf(lineage);
  }

  /** The scopes of a firewall vsys: the vsys, then shared. */
  public static PanosResolver forVsys(PanosConfig config, Vsys vsys) {
    return new PanosResolver(
        List.of(
            new Scope("vsys '" + vsys.name() + "'", vsys.objects()),
            new Scope("shared", config.shared().objects())));
  }

  /** The scopes of a device group: the group, its ancestors nearest first, then shared. */
  public static PanosResolver forDeviceGroup(PanosConfig config, DeviceGroup group) {
    List<Scope> scopes = new ArrayList<>();
    for (DeviceGroup g : DeviceGroups.ancestry(config.deviceGroups(), group)) {
      scopes.add(new Scope("device group '" + g.name() + "'", g.objects()));
    }
    scopes.add(new Scope("shared", config.shared().objects()));
    return new PanosResolver(scopes);
  }

  /** The scopes of shared alone. */
  public static PanosResolver forShared(PanosConfig config) {
    return new PanosResolver(List.of(new Scope("shared", config.shared().objects())));
  }

  /** The scopes from {@code index} on: where a group found there resolves its members. */
  PanosResolver from(int index) {
    return index == 0 ? this : new PanosResolver(lineage.subList(index, lineage.size()));
  }

  List<Scope> scopes() {
    return lineage;
  }

  /** What a name in the address namespace is. */
  Lookup address(String name) {
    if (name.equals("any")) {
      return new Lookup(Lookup.Kind.ANY, name, -1);
    }
    for (int i = 0; i < lineage.size(); i++) {
      PanosObjects o = lineage.get(i).objects();
      Lookup found =
          first(
              i,
              Lookup.Kind.ADDRESS,
              o.addresses().get(name),
              Lookup.Kind.ADDRESS_GROUP,
              o.addressGroups().get(name));
      found =
          found != null
              ? found
              : first(
                  i,
                  Lookup.Kind.REGION,
                  o.regions().get(name),
                  Lookup.Kind.EXTERNAL_LIST,
                  o.externalLists().get(name));
      if (found != null) {
        return found;
      }
      if (lineage.get(i).objects().unreadable().contains(name)) {
        return new Lookup(Lookup.Kind.UNREADABLE, name, i);
      }
    }
    if (IpSet.tryParse(name).isPresent()) {
      return new Lookup(Lookup.Kind.LITERAL, name, -1);
    }
    if (COUNTRY.matcher(name).matches()) {
      return new Lookup(Lookup.Kind.PREDEFINED, name, -1);
    }
    return new Lookup(Lookup.Kind.NOT_DEFINED, name, -1);
  }

  /** What a name in the service namespace is. */
  Lookup service(String name) {
    if (name.equals("any")) {
      return new Lookup(Lookup.Kind.ANY, name, -1);
    }
    if (name.equals("application-default")) {
      return new Lookup(Lookup.Kind.APPLICATION_DEFAULT, name, -1);
    }
    for (int i = 0; i < lineage.size(); i++) {
      PanosObjects o = lineage.get(i).objects();
      Lookup found =
          first(
              i,
              Lookup.Kind.SERVICE,
              o.services().get(name),
              Lookup.Kind.SERVICE_GROUP,
              o.serviceGroups().get(name));
      if (found != null) {
        return found;
      }
      if (lineage.get(i).objects().unreadable().contains(name)) {
        return new Lookup(Lookup.Kind.UNREADABLE, name, i);
      }
    }
    if (name.equals(Service.HTTP.name())) {
      return new Lookup(Lookup.Kind.PREDEFINED, Service.HTTP, -1);
    }
    if (name.equals(Service.HTTPS.name())) {
      return new Lookup(Lookup.Kind.PREDEFINED, Service.HTTPS, -1);
    }
    return new Lookup(Lookup.Kind.NOT_DEFINED, name, -1);
  }

  private static Lookup first(int i, Lookup.Kind k1, Object d1, Lookup.Kind k2, Object d2) {
    if (d1 != null) {
      return new Lookup(k1, d1, i);
    }
    return d2 != null ? new Lookup(k2, d2, i) : null;
  }

  /** A member list in the address namespace, groups flattened, in order. */
  public List<AddressLeaf> addresses(List<String> members) {
    List<AddressLeaf> leaves = new ArrayList<>();
    for (String m : members) {
      leaves.addAll(address(m, new ArrayList<>()));
    }
    return leaves;
  }

  private List<AddressLeaf> address(String name, List<Object> path) {
    Lookup l = address(name);
    return switch (l.kind()) {
      case ANY -> List.of(new AddressLeaf.Any());
      case ADDRESS -> {
        Address a = (Address) l.definition();
        yield List.of(new AddressLeaf.Value(a.name(), a.value()));
      }
      case LITERAL -> List.of(new AddressLeaf.Value(name, literal(name)));
      case ADDRESS_GROUP -> from(l.index()).group((AddressGroup) l.definition(), path);
      case REGION -> List.of(new AddressLeaf.Unresolved(name, "a region"));
      case PREDEFINED -> List.of(new AddressLeaf.Unresolved(name, "a predefined region"));
      case EXTERNAL_LIST -> List.of(new AddressLeaf.Unresolved(name, "an external dynamic list"));
      case UNREADABLE -> List.of(new AddressLeaf.Unresolved(name, "its definition is unreadable"));
      default -> List.of(new AddressLeaf.Unresolved(name, "not defined"));
    };
  }

  private static AddressValue literal(String text) {
    return text.indexOf('-') > 0
        ? new AddressValue.IpRange(text)
        : new AddressValue.IpNetmask(text);
  }

  private List<AddressLeaf> group(AddressGroup g, List<Object> path) {
    if (path.contains(g)) {
      return List.of(new AddressLeaf.Unresolved(g.name(), "the group contains itself"));
    }
    List<AddressLeaf> done = flatAddresses.get(g);
    if (done != null) {
      return done;
    }
    if (g.content() instanceof AddressGroup.Dynamic) {
      return List.of(new AddressLeaf.Unresolved(g.name(), "a dynamic address group"));
    }
    path.add(g);
    List<AddressLeaf> leaves = new ArrayList<>();
    for (String m : ((AddressGroup.Static) g.content()).members()) {
      leaves.addAll(address(m, path));
    }
    path.remove(path.size() - 1);
    flatAddresses.put(g, List.copyOf(leaves));
    return leaves;
  }

  /** A member list in the service namespace, groups flattened, in order. */
  public List<ServiceLeaf> services(List<String> members) {
    List<ServiceLeaf> leaves = new ArrayList<>();
    for (String m : members) {
      leaves.addAll(service(m, new ArrayList<>()));
    }
    return leaves;
  }

  private List<ServiceLeaf> service(String name, List<Object> path) {
    Lookup l = service(name);
    return switch (l.kind()) {
      case ANY -> List.of(new ServiceLeaf.Any());
      case APPLICATION_DEFAULT -> List.of(new ServiceLeaf.ApplicationDefault());
      case SERVICE, PREDEFINED -> List.of(new ServiceLeaf.Defined((Service) l.definition()));
      case SERVICE_GROUP -> from(l.index()).serviceGroup((ServiceGroup) l.definition(), path);
      case UNREADABLE -> List.of(new ServiceLeaf.Unresolved(name, "its definition is unreadable"));
      default -> List.of(new ServiceLeaf.Unresolved(name, "not defined"));
    };
  }

  private List<ServiceLeaf> serviceGroup(ServiceGroup g, List<Object> path) {
    if (path.contains(g)) {
      return List.of(new ServiceLeaf.Unresolved(g.name(), "the group contains itself"));
    }
    List<ServiceLeaf> done = flatServices.get(g);
    if (done != null) {
      return done;
    }
    path.add(g);
    List<ServiceLeaf> leaves = new ArrayList<>();
    for (String m : g.members()) {
      leaves.addAll(service(m, path));
    }
    path.remove(path.size() - 1);
    flatServices.put(g, List.copyOf(leaves));
    return leaves;
  }
}
