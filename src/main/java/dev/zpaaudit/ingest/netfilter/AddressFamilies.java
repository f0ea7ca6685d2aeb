package dev.zpaaudit.ingest.netfilter;

import dev.zpaaudit.model.AddressFamily;
import java.util.Set;
import java.util.stream.Collectors;

/** The address families of IP version numbers, as the netfilter readers count them. */
public final class AddressFamilies {
  private AddressFamilies() {}

  public static Set<AddressFamily> of(Set<Integer> versions) {
    return versions.stream().map(AddressFamily::of).collect(Collectors.toUnmodifiableSet());
  }
}
