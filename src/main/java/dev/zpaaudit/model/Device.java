package dev.zpaaudit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One packet filter on the path, exported as one or more files that cover disjoint address
 * families: a Linux host's IPv4 and IPv6 rulesets, say. Traffic of a family is judged by the one
 * export that covers it; a device with no export for a family has no rules for that traffic.
 */
public record Device(List<Firewall> exports) {
  public Device {
    exports = List.copyOf(exports);
    if (exports.isEmpty()) {
      throw new IllegalArgumentException("a device needs at least one export");
    }
    Optional<String> clash = familyClash(exports);
    if (clash.isPresent()) {
      throw new IllegalArgumentException(clash.get());
    }
  }

  /**
   * Why these exports cannot be one device, if they cannot: two of them cover the same address
   * family. Callers with exports from the user test this first and report it as the user's error.
   */
  public static Optional<String> familyClash(List<Firewall> exports) {
    for (int i = 0; i < exports.size(); i++) {
      for (int j = i + 1; j < exports.size(); j++) {
        Firewall a = exports.get(i);
        Firewall b = exports.get(j);
        List<String> shared = new ArrayList<>();
        for (AddressFamily fam : AddressFamily.values()) {
          if (a.families().contains(fam) && b.families().contains(fam)) {
            shared.add(fam.label());
          }
        }
        if (!shared.isEmpty()) {
          return Optional.of(
              describe(a)
                  + " and "
                  + describe(b)
                  + " both have rules for "
                  + String.join(" and ", shared)
                  + " traffic; the exports of one device must cover different address"
                  + " families");
        }
      }
    }
    return Optional.empty();
  }

  /** A device exported as one file. */
  public static Device of(Firewall export) {
    return new Device(List.of(export));
  }

  /** The device's files, comma-separated, as given to {@code --config}. */
  public String name() {
    return String.join(",", exports.stream().map(Firewall::source).toList());
  }

  /** The export that judges traffic of {@code family}, if any does. */
  public Optional<Firewall> exportFor(AddressFamily family) {
    return exports.stream().filter(f -> f.families().contains(family)).findFirst();
  }

  /** Why traffic of {@code family} is not judged, when no export covers it. */
  public String noRulesFor(AddressFamily family) {
    List<String> names = new ArrayList<>();
    for (Firewall f : exports) {
      names.add(describe(f));
    }
    return String.join(" and ", names)
        + (exports.size() == 1 ? " has" : " have")
        + " no rules for "
        + family
        + " traffic";
  }

  private static String describe(Firewall f) {
    return f.format() + " export " + f.source();
  }
}
