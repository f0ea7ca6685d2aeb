package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.checks.network.ZoneInference;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
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
    boolean anyZoned = read.stream().anyMatch(c -> gateway(c).filter(Firewall::zoned).isPresent());
    boolean allGateways = read.stream().allMatch(c -> gateway(c).isPresent());
    if (!anyZoned && (o.fromZone != null || o.toZone != null)) {
      throw new UsageException(
          "--from-zone and --to-zone apply to zoned firewalls (PAN-OS); name interfaces with"
              + " --in-interface and --out-interface");
    }
    if (allGateways && o.chain != null && o.chain() != Point.FORWARDED) {
      throw new UsageException(
          "--chain "
              + o.chain
              + " does not apply to "
              + (anyZoned ? "a PAN-OS firewall" : "a network firewall")
              + ": it forwards the connectors' traffic (--chain FORWARD, the default for it)");
    }
    List<Placement> out = new ArrayList<>();
    for (NetworkOptions.Config c : read) {
      Optional<Firewall> g = gateway(c);
      if (c.where() != null) {
        out.add(own(c, g));
      } else if (g.isPresent()) {
        Firewall fw = g.get();
        String in = allGateways ? sideOfInterface(fw, o.inIface, "--in-interface") : null;
        String to = allGateways ? sideOfInterface(fw, o.outIface, "--out-interface") : null;
        if (fw.zoned()) {
          in = o.fromZone != null ? o.fromZone : in;
          to = o.toZone != null ? o.toZone : to;
        }
        out.add(between(fw, in, to, published, sources));
      } else if (ownHost(c).isPresent()) {
        refuseChainForOwnHost(ownHost(c).get());
        out.add(o.placement(Point.ORIGINATED));
      } else {
        out.add(o.placement(allGateways ? Point.FORWARDED : Point.ORIGINATED));
      }
    }
    return out;
  }

  /**
   * The export of a device that is a network firewall: zoned (PAN-OS), or one that filters only
   * forwarded traffic and lists its interfaces or judges sessions by a stateful policy.
   */
  private static Optional<Firewall> gateway(NetworkOptions.Config c) {
    return c.device().exports().stream()
        .filter(
            f ->
                f.zoned()
                    || (!f.interfaces().isEmpty() || statefulPolicy(f))
                        && f.filtersAt(Point.FORWARDED)
                        && !f.filtersAt(Point.ORIGINATED)
                        && !f.filtersAt(Point.DELIVERED))
        .findFirst();
  }

  private static boolean statefulPolicy(Firewall f) {
    return f.attachments().stream().anyMatch(a -> a.kind() == Attachment.Kind.SESSION);
  }

  /**
   * The export of a device that is the connector's own host and says so by describing its network:
   * it filters the traffic it originates and none that it forwards (a cloud instance, whose
   * interface and subnet the export names).
   */
  private static Optional<Firewall> ownHost(NetworkOptions.Config c) {
    return c.device().exports().stream()
        .filter(
            f ->
                !f.interfaces().isEmpty()
                    && f.filtersAt(Point.ORIGINATED)
                    && !f.filtersAt(Point.FORWARDED))
        .findFirst();
  }

  /** --chain names where a filter sits; the connector's own host sits at OUTPUT, nowhere else. */
  private void refuseChainForOwnHost(Firewall fw) {
    if (o.chain != null && o.chain() != Point.ORIGINATED) {
      throw new UsageException(
          "--chain "
              + o.chain
              + " does not apply to "
              + fw.source()
              + ": it is the connector host itself (--chain OUTPUT, the default for it)");
    }
  }

  /** A device at the placement written after its files. */
  private Placement own(NetworkOptions.Config c, Optional<Firewall> gateway) {
    Where w = c.where();
    String label = "--config " + c.value();
    if (gateway.isPresent()) {
      if (w.chain() != Point.FORWARDED) {
        throw new UsageException(
            label + ": this firewall forwards the connectors' traffic: write @FORWARD");
      }
      return between(gateway.get(), w.in(), w.out(), Map.of(), List.of());
    }
    if (w.chain() != Point.ORIGINATED && ownHost(c).isPresent()) {
      throw new UsageException(
          label + ": this export is the connector host itself: write @OUTPUT, or nothing");
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

  /**
   * A network firewall forwarding from one side to another (zones of a zoned firewall, else
   * interfaces), inferring what is not named.
   */
  private Placement between(
      Firewall fw,
      String from,
      String to,
      Map<AddressFamily, IpSet> published,
      List<IpSet> sources) {
    Placement base = o.common(Point.FORWARDED, null, null);
    refuseUnknownSide(fw, from);
    refuseUnknownSide(fw, to);
    if (testsNoInterface(fw)) {
      String any = "any (the rules of " + fw.source() + " test no interface)";
      return base.betweenInterfaces(
          null, null, List.of("in interface: " + any, "out interface: " + any));
    }
    ZoneInference.Result r =
        ZoneInference.infer(fw, sources.isEmpty() ? base.connectors() : sources, published);
    String fromWord = fw.zoned() ? "from zone: " : "in interface: ";
    String toWord = fw.zoned() ? "to zone: " : "out interface: ";
    List<String> how = new ArrayList<>();
    if (from == null) {
      from = r.from();
      how.add(fromWord + r.notes().get(0));
    } else {
      how.add(fromWord + from + " (as given)");
    }
    if (to == null && !published.isEmpty()) {
      to = r.to();
      how.add(toWord + r.notes().get(1));
    } else {
      how.add(toWord + (to == null ? "any" : to + " (as given)"));
    }
    return fw.zoned() ? base.betweenZones(from, to, how) : base.betweenInterfaces(from, to, how);
  }

  /** A firewall without zones whose export lists no interface and whose rules test none. */
  private static boolean testsNoInterface(Firewall fw) {
    return !fw.zoned() && ZoneInference.zones(fw).isEmpty();
  }

  /** A zone or interface named by the user that the firewall does not know is a typo, not any. */
  private static void refuseUnknownSide(Firewall fw, String side) {
    if (side != null && testsNoInterface(fw)) {
      throw new UsageException(
          "interface '"
              + side
              + "': the rules of "
              + fw.source()
              + " test no interface, so they apply between any two: name none");
    }
    if (side != null && !ZoneInference.zones(fw).contains(side)) {
      String word = fw.zoned() ? "zone" : "interface";
      throw new UsageException(
          word
              + " '"
              + side
              + "' is not a"
              + (fw.zoned() ? " " : "n ")
              + word
              + " of "
              + fw.source()
              + " (its "
              + word
              + "s: "
              + String.join(", ", ZoneInference.zones(fw))
              + ")");
    }
  }

  private static String sideOfInterface(Firewall fw, String iface, String flag) {
    if (iface == null) {
      return null;
    }
    if (testsNoInterface(fw)) {
      throw new UsageException(
          flag
              + " "
              + iface
              + ": the rules of "
              + fw.source()
              + " test no interface, so they apply between any two: leave it out");
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
                        + (fw.zoned()
                            ? " puts no interface of that name in a zone"
                            : " has no interface of that name")));
  }
}
