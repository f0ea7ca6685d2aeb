package dev.zpaaudit.ingest.panos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The objects one scope (shared, a vsys, a device group) defines, each kind in file order, and the
 * names of objects the scope defines whose definitions could not be read (a diagnostic says why),
 * so that a name is never mistaken for an undefined one.
 */
public record PanosObjects(
    Map<String, Address> addresses,
    Map<String, AddressGroup> addressGroups,
    Map<String, Service> services,
    Map<String, ServiceGroup> serviceGroups,
    Map<String, ApplicationGroup> applicationGroups,
    Map<String, ApplicationFilter> applicationFilters,
    Map<String, Tag> tags,
    Map<String, Region> regions,
    Map<String, ExternalList> externalLists,
    Map<String, UrlCategory> urlCategories,
    Set<String> unreadable) {
  public static final PanosObjects NONE = new Builder().build();

  public PanosObjects {
    addresses = namedMap(addresses, Address::name);
    addressGroups = namedMap(addressGroups, AddressGroup::name);
    services = namedMap(services, Service::name);
    serviceGroups = namedMap(serviceGroups, ServiceGroup::name);
    applicationGroups = namedMap(applicationGroups, ApplicationGroup::name);
    applicationFilters = namedMap(applicationFilters, ApplicationFilter::name);
    tags = namedMap(tags, Tag::name);
    regions = namedMap(regions, Region::name);
    externalLists = namedMap(externalLists, ExternalList::name);
    urlCategories = namedMap(urlCategories, UrlCategory::name);
    unreadable = Set.copyOf(unreadable);
  }

  private static <V> Map<String, V> namedMap(Map<String, V> t, Function<V, String> name) {
    Checks.keyedByName(t, name);
    return t.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(t));
  }

  /** How many objects of all kinds the scope defines. */
  public int size() {
    return addresses.size()
        + addressGroups.size()
        + services.size()
        + serviceGroups.size()
        + applicationGroups.size()
        + applicationFilters.size()
        + tags.size()
        + regions.size()
        + externalLists.size()
        + urlCategories.size();
  }

  /** Collects objects while a scope is read. */
  public static final class Builder {
    final Map<String, Address> addresses = new LinkedHashMap<>();
    final Map<String, AddressGroup> addressGroups = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    final Map<String, ServiceGroup> serviceGroups = new LinkedHashMap<>();
    final Map<String, ApplicationGroup> applicationGroups = new LinkedHashMap<>();
    final Map<String, ApplicationFilter> applicationFilters = new LinkedHashMap<>();
    final Map<String, Tag> tags = new LinkedHashMap<>();
    final Map<String, Region> regions = new LinkedHashMap<>();
    final Map<String, ExternalList> externalLists = new LinkedHashMap<>();
    final Map<String, UrlCategory> urlCategories = new LinkedHashMap<>();
    final Set<String> unreadable = new java.util.LinkedHashSet<>();

    public Builder address(Address a) {
      addresses.put(a.name(), a);
      return this;
    }

    public Builder addressGroup(AddressGroup g) {
      addressGroups.put(g.name(), g);
      return this;
    }

    public Builder service(Service s) {
      services.put(s.name(), s);
      return this;
    }

    public Builder serviceGroup(ServiceGroup g) {
      serviceGroups.put(g.name(), g);
      return this;
    }

    public Builder applicationGroup(ApplicationGroup g) {
      applicationGroups.put(g.name(), g);
      return this;
    }

    public Builder applicationFilter(ApplicationFilter f) {
      applicationFilters.put(f.name(), f);
      return this;
    }

    public Builder tag(Tag t) {
      tags.put(t.name(), t);
      return this;
    }

    public Builder region(Region r) {
      regions.put(r.name(), r);
      return this;
    }

    public Builder externalList(ExternalList l) {
      externalLists.put(l.name(), l);
      return this;
    }

    public Builder urlCategory(UrlCategory c) {
      urlCategories.put(c.name(), c);
      return this;
    }

    /** A name the scope defines whose definition could not be read. */
    public Builder unreadable(String name) {
      unreadable.add(name);
      return this;
    }

    public PanosObjects build() {
      return new PanosObjects(
          addresses,
          addressGroups,
          services,
          serviceGroups,
          applicationGroups,
          applicationFilters,
          tags,
          regions,
          externalLists,
          urlCategories,
          unreadable);
    }
  }
}
