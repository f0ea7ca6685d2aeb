package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a security rule matches, as conditions: its protocol, its address prefixes on each side
 * (addresses and CIDRs exactly; service tags, whose addresses are not in the export, as unknown),
 * its application security groups (unknown: which interfaces they hold is not in the export) and
 * its port ranges.
 */
final class NsgConditions {
  private NsgConditions() {}

  static List<Condition> of(NsgRule r, ServiceTags tags) {
    List<Condition> out = new ArrayList<>();
    protocol(r.protocol()).ifPresent(out::add);
    out.addAll(side(r.sourcePrefixes(), r.sourceGroups(), true, tags));
    out.addAll(side(r.destinationPrefixes(), r.destinationGroups(), false, tags));
    ports(r.sourcePorts()).ifPresent(p -> out.add(new Condition.SrcPort(p)));
    ports(r.destinationPorts()).ifPresent(p -> out.add(new Condition.DstPort(p)));
    return out;
  }

  private static Optional<Condition> protocol(String protocol) {
    int[] numbers =
        switch (protocol.toLowerCase(Locale.ROOT)) {
          case "tcp" -> new int[] {6};
          case "udp" -> new int[] {17};
          case "icmp" -> new int[] {1, 58};
          case "esp" -> new int[] {50};
          case "ah" -> new int[] {51};
          default -> null;
        };
    return numbers == null
        ? Optional.empty()
        : Optional.of(new Condition.Proto(Bits.of(256, numbers)));
  }

  /**
   * One side's tests: nothing for {@code *}; else one alternative per family of addresses, and one
   * per service tag or application security group.
   */
  private static List<Condition> side(
      List<String> prefixes, List<String> groups, boolean source, ServiceTags tags) {
    if (groups.isEmpty()
        && (prefixes.isEmpty() || prefixes.stream().anyMatch(NsgConditions::any))) {
      return List.of();
    }
    List<IpSet> v4 = new ArrayList<>();
    List<IpSet> v6 = new ArrayList<>();
    List<List<Condition>> alts = new ArrayList<>();
    for (String p : prefixes) {
      Optional<IpSet> set = IpSet.tryParse(p);
      Optional<ServiceTags.Tag> tag = set.isPresent() ? Optional.empty() : tags.get(p);
      if (set.isPresent()) {
        (set.get().family() == AddressFamily.IPV4 ? v4 : v6).add(set.get());
      } else if (tag.isPresent()) {
        // a tag's prefixes, exactly (a tag without any matches nothing)
        for (IpSet t : List.of(tag.get().v4(), tag.get().v6())) {
          if (!t.isEmpty()) {
            (t.family() == AddressFamily.IPV4 ? v4 : v6).add(t);
          }
        }
      } else {
        alts.add(List.of(new Condition.Unknown(tag(p, tags))));
      }
    }
    for (String g : groups) {
      alts.add(
          List.of(
              new Condition.Unknown(
                  "application security group '"
                      + g
                      + "': which interfaces it holds is not in the export")));
    }
    if (!v4.isEmpty()) {
      alts.add(List.of(address(IpSet.unionAll(AddressFamily.IPV4, v4), source)));
    }
    if (!v6.isEmpty()) {
      alts.add(List.of(address(IpSet.unionAll(AddressFamily.IPV6, v6), source)));
    }
    return alts.size() == 1 ? alts.get(0) : List.of(new Condition.AnyOf(alts));
  }

  private static Condition address(IpSet set, boolean source) {
    return source ? new Condition.Src(set) : new Condition.Dst(set);
  }

  private static boolean any(String prefix) {
    return prefix.equals("*") || prefix.equalsIgnoreCase("any");
  }

  private static String tag(String tag, ServiceTags tags) {
    String why =
        switch (tag.toLowerCase(Locale.ROOT)) {
          case "internet" ->
              "the addresses outside the virtual network, whose address space is not in the export";
          case "virtualnetwork" ->
              "the virtual network's address space and those peered or connected to it, which are"
                  + " not in the export";
          default ->
              tags.file() == null
                  ? "its addresses are not in the export (give Azure's service tags file beside"
                      + " the groups to expand it)"
                  : "not in the service tags file " + tags.file();
        };
    return "service tag '" + tag + "': " + why;
  }

  private static Optional<PortSet> ports(List<String> ranges) {
    if (ranges.isEmpty() || ranges.contains("*")) {
      return Optional.empty();
    }
    PortSet out = PortSet.empty();
    for (String r : ranges) {
      String[] ends = r.split("-");
      out =
          out.union(
              PortSet.range(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1])));
    }
    return Optional.of(out);
  }
}
