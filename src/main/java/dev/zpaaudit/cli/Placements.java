package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.checks.network.ZoneInference;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each {@code --config} device sits. A device's own placement is written after its files,
 * {@code FILE[,FILE...]@CHAIN[:IN[:OUT]]} ({@code gw.rules@FORWARD:eth1:eth0}; for a zoned firewall
 * IN and OUT are zones, {@code fw.xml@FORWARD:trust:untrust}; an empty name is any). Without one, a
 * Linux export sits where {@code --chain}, {@code --in-interface} and {@code --out-interface} say,
 * and a zoned firewall (PAN-OS) forwards between {@code --from-zone} and {@code --to-zone}, or the
 * zones inferred from its interfaces and routes.
 */
final class Placements {
  /** A device's own placement as written after '@'. */
  record Where(Point chain, String in, String out, String text) {
    private static final Pattern SYNTAX =
        Pattern.compile("(?i)(OUTPUT|INPUT|FORWARD)(:([^:@]*)(:([^:@]*))?)?");

    /** The placement after the last '@' of a --config value, if it is one. */
    static Optional<Where> parse(String suffix) {
      Matcher m = SYNTAX.matcher(suffix);
      if (!m.matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new Where(
              NetworkOptions.point(m.group(1)),
              blankToNull(m.group(3)),
              blankToNull(m.group(5)),
              suffix));
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }
  }

  private final NetworkOptions o;

  Placements(NetworkOptions o) {
    this.o = o;
  }

  List<Placement> of(
      List<NetworkOptions.Config> read, Map<AddressFamily, IpSet> published, List<IpSet> sources) {
    boolean anyZoned = read.stream().anyMatch(c -> zoned(c).isPresent());
    boolean allZoned = read.stream().allMatch(c -> zoned(c).isPresent());
    if (!anyZoned && (o.fromZone != null || o.toZone != null)) {
      throw new UsageException(
          "--from-zone and --to-zone apply to zoned firewalls (PAN-OS); name interfaces with"
              + " --in-interface and --out-interface");
    }
    if (allZoned && o.chain != null && o.chain() != Point.FORWARDED) {
      throw new UsageException(
          "--chain "
              + o.chain
              + " does not apply to a PAN-OS firewall: it forwards the connectors' traffic"
              + " (--chain FORWARD, the default for it)");
    }
    List<Placement> out = new ArrayList<>();
    for (NetworkOptions.Config c : read) {
      Optional<Firewall> z = zoned(c);
      if (c.where() != null) {
        out.add(own(c, z));
      } else if (z.isPresent()) {
        String in = allZoned ? zoneOfInterface(z.get(), o.inIface, "--in-interface") : null;
        String to = allZoned ? zoneOfInterface(z.get(), o.outIface, "--out-interface") : null;
        out.add(
            between(
                z.get(),
                o.fromZone != null ? o.fromZone : in,
                o.toZone != null ? o.toZone : to,
                published,
                sources));
      } else {
        out.add(o.placement(allZoned ? Point.FORWARDED : Point.ORIGINATED));
      }
    }
    return out;
  }

  private static Optional<Firewall> zoned(NetworkOptions.Config c) {
    return c.device().exports().stream().filter(Firewall::zoned).findFirst();
  }

  /** A device at the placement written after its files. */
  private Placement own(NetworkOptions.Config c, Optional<Firewall> zoned) {
    Where w = c.where();
    String label = "--config " + c.value();
    if (zoned.isPresent()) {
      if (w.chain() != Point.FORWARDED) {
        throw new UsageException(
            label + ": a PAN-OS firewall forwards the connectors' traffic: write @FORWARD");
      }
      return between(zoned.get(), w.in(), w.out(), Map.of(), List.of());
    }
    if (w.chain() == Point.ORIGINATED && w.in() != null) {
      throw new UsageException(
          label + ": a connector host's own traffic has no input interface (@OUTPUT::OUT)");
    }
    if (w.chain() == Point.DELIVERED && w.out() != null) {
      throw new UsageException(label + ": inbound packets have no output interface (@INPUT:IN)");
    }
    return o.common(w.chain(), w.in(), w.out());
  }

  /** A zoned firewall forwarding from one zone to another, inferring what is not named. */
  private Placement between(
      Firewall fw,
      String from,
      String to,
      Map<AddressFamily, IpSet> published,
      List<IpSet> sources) {
    Placement base = o.common(Point.FORWARDED, null, null);
    refuseUnknownZone(fw, from);
    refuseUnknownZone(fw, to);
    ZoneInference.Result r =
        ZoneInference.infer(fw, sources.isEmpty() ? base.connectors() : sources, published);
    List<String> how = new ArrayList<>();
    if (from == null) {
      from = r.from();
      how.add("from zone: " + r.notes().get(0));
    } else {
      how.add("from zone: " + from + " (as given)");
    }
    if (to == null && !published.isEmpty()) {
      to = r.to();
      how.add("to zone: " + r.notes().get(1));
    } else {
      how.add("to zone: " + (to == null ? "any" : to + " (as given)"));
    }
    return base.betweenZones(from, to, how);
  }

  /** A zone named by the user that the firewall does not know is a typo, not any zone. */
  private static void refuseUnknownZone(Firewall fw, String zone) {
    if (zone != null && !ZoneInference.zones(fw).contains(zone)) {
      throw new UsageException(
          "zone '"
              + zone
              + "' is not a zone of "
              + fw.source()
              + " (its zones: "
              + String.join(", ", ZoneInference.zones(fw))
              + ")");
    }
  }

  private static String zoneOfInterface(Firewall fw, String iface, String flag) {
    if (iface == null) {
      return null;
    }
    return ZoneInference.zoneOf(fw, iface)
        .orElseThrow(
            () ->
                new UsageException(
                    flag
                        + " "
                        + iface
                        + ": "
                        + fw.source()
                        + " puts no interface of that name"
                        + " in a zone"));
  }
}
