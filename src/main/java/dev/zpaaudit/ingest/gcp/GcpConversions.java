package dev.zpaaudit.ingest.gcp;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Google Cloud firewalls in the neutral model: the connector VM, whose traffic the firewalls judge
 * statefully. Egress rules are a filter where its packets leave, ingress rules one where they
 * arrive: the firewall policies first (a rule's {@code goto_next} hands what it matches to the next
 * level), then the VPC rules by priority (deny first at equal priority), disabled ones skipped,
 * ending in the implied rules (egress allowed, ingress denied, at 65535). A rule for target tags or
 * service accounts applies to the instances that have them, by their addresses; without the
 * instances in the export it is unknown. The network's MTU (1460 unless set) is the VM's path.
 */
final class GcpConversions {
  static final String FORMAT = "Google Cloud firewall";
  private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4, AddressFamily.IPV6);

  private final GcpExport e;

  private GcpConversions(GcpExport e) {
    this.e = e;
  }

  static ParseResult convert(GcpExport e, List<Diagnostic> diags) {
    GcpConversions c = new GcpConversions(e);
    Filter out = c.filter(false);
    Filter in = c.filter(true);
    List<Attachment> at =
        List.of(
            new Attachment(
                Point.ORIGINATED,
                Attachment.Kind.SESSION,
                0,
                out.name(),
                BOTH,
                "egress firewall rules"),
            new Attachment(
                Point.DELIVERED,
                Attachment.Kind.SESSION,
                0,
                in.name(),
                BOTH,
                "ingress firewall rules"));
    Firewall fw =
        new Firewall(
            e.source(),
            FORMAT,
            BOTH,
            Map.of(out.name(), out, in.name(), in),
            at,
            c.network(),
            List.of(),
            false);
    return new ParseResult(fw, diags);
  }

  /** The metadata server (metadata, DNS, NTP), which the firewall always lets the VMs reach. */
  static final List<String> METADATA_SERVER = List.of("169.254.169.254/32", "fd20:ce::254/128");

  private Filter filter(boolean ingress) {
    List<Rule> rules = new ArrayList<>();
    for (String server : METADATA_SERVER) {
      IpSet s = IpSet.parse(server);
      rules.add(
          new Rule(
              new SourceLocation(e.source(), 0),
              "always allowed: traffic "
                  + (ingress ? "from" : "to")
                  + " the metadata server "
                  + server.substring(0, server.indexOf('/'))
                  + " (metadata, DNS, NTP), whatever the firewall rules say",
              List.of(ingress ? new Condition.Src(s) : new Condition.Dst(s)),
              new Action.Accept("allow")));
    }
    for (List<GcpRule> policy : e.policies()) {
      List<Condition> handedOn = new ArrayList<>();
      for (GcpRule r : policy) {
        if (r.ingress() != ingress || r.disabled()) {
          continue;
        }
        List<Condition> match = match(r);
        if (r.action().equals("goto_next")) {
          handedOn.add(new Condition.Not(match));
          continue;
        }
        List<Condition> all = new ArrayList<>(handedOn);
        all.addAll(match);
        rules.add(rule(r, all, "firewall policy '" + r.policy() + "' rule " + r.priority()));
      }
    }
    e.rules().stream()
        .filter(r -> r.ingress() == ingress && !r.disabled())
        .sorted(
            Comparator.comparingInt(GcpRule::priority)
                .thenComparing(r -> r.action().equals("allow")))
        .forEach(
            r ->
                rules.add(
                    rule(
                        r,
                        match(r),
                        "firewall rule '" + r.name() + "' (priority " + r.priority() + ")")));
    Rule implied =
        new Rule(
            new SourceLocation(e.source(), 0),
            ingress
                ? "implied deny ingress (priority 65535)"
                : "implied allow egress (priority 65535)",
            List.of(),
            ingress ? new Action.Drop("deny") : new Action.Accept("allow"));
    return new Filter(ingress ? "ingress" : "egress", rules, implied);
  }

  private Rule rule(GcpRule r, List<Condition> match, String label) {
    String text = label + " " + (r.ingress() ? "INGRESS" : "EGRESS") + ", " + r.action();
    Action a = r.action().equals("allow") ? new Action.Accept("allow") : new Action.Drop("deny");
    return new Rule(
        new SourceLocation(e.source().endsWith(".json") ? e.source() : e.source(), r.line()),
        text,
        match,
        a);
  }

  private List<Condition> match(GcpRule r) {
    List<Condition> out = new ArrayList<>();
    protocols(r).ifPresent(out::add);
    addresses(r.sources(), true).ifPresent(out::add);
    addresses(r.destinations(), false).ifPresent(out::add);
    // The targets are the VM's own side: its source when it sends, its destination when it
    // receives.
    targets(r).ifPresent(set -> out.add(r.ingress() ? set.dst() : set.src()));
    if (!r.sourceTags().isEmpty()) {
      out.add(
          tagged(
              "source tags " + r.sourceTags(),
              i -> i.tags().stream().anyMatch(r.sourceTags()::contains),
              true));
    }
    return out;
  }

  /** The instances a rule targets, as a test on either side; empty when it targets all. */
  private Optional<Side> targets(GcpRule r) {
    if (r.targetTags().isEmpty() && r.targetServiceAccounts().isEmpty()) {
      return Optional.empty();
    }
    Predicate<GcpExport.Instance> has =
        i ->
            i.tags().stream().anyMatch(r.targetTags()::contains)
                || i.serviceAccounts().stream().anyMatch(r.targetServiceAccounts()::contains);
    String what =
        "target tags " + r.targetTags() + " and service accounts " + r.targetServiceAccounts();
    return Optional.of(new Side(tagged(what, has, true), tagged(what, has, false)));
  }

  private record Side(Condition src, Condition dst) {}

  private Condition tagged(String what, Predicate<GcpExport.Instance> has, boolean source) {
    if (e.instances().isEmpty()) {
      return new Condition.Unknown(
          what + ": which VMs have them is not in the export (add gcloud compute instances list)");
    }
    List<IpSet> v4 = new ArrayList<>();
    e.instances()
        .forEach(
            (ip, i) -> {
              if (has.test(i) && ip.family() == AddressFamily.IPV4) {
                v4.add(ip);
              }
            });
    IpSet set = IpSet.unionAll(AddressFamily.IPV4, v4);
    return source ? new Condition.Src(set) : new Condition.Dst(set);
  }

  private static Optional<Condition> protocols(GcpRule r) {
    List<List<Condition>> alts = new ArrayList<>();
    for (GcpRule.Layer4 l : r.layer4()) {
      List<Condition> alt = new ArrayList<>();
      Integer p =
          switch (l.protocol().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> null;
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "esp" -> 50;
            case "ah" -> 51;
            case "sctp" -> 132;
            case "ipip" -> 4;
            default -> l.protocol().matches("\\d{1,3}") ? Integer.parseInt(l.protocol()) : -1;
          };
      if (p == null) {
        return Optional.empty();
      }
      if (p < 0) {
        alt.add(new Condition.Unknown("protocol '" + l.protocol() + "' is not modelled"));
      } else {
        alt.add(new Condition.Proto(Bits.of(256, p)));
      }
      if (!l.ports().isEmpty()) {
        PortSet ports = PortSet.empty();
        for (String s : l.ports()) {
          String[] ends = s.split("-");
          ports =
              ports.union(
                  PortSet.range(
                      Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1])));
        }
        alt.add(new Condition.DstPort(ports));
      }
      alts.add(alt);
    }
    if (alts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Condition.AnyOf(alts));
  }

  private static Optional<Condition> addresses(List<String> ranges, boolean source) {
    if (ranges.isEmpty()) {
      return Optional.empty();
    }
    List<List<Condition>> alts = new ArrayList<>();
    List<IpSet> v4 = new ArrayList<>();
    List<IpSet> v6 = new ArrayList<>();
    for (String r : ranges) {
      Optional<IpSet> s = IpSet.tryParse(r);
      if (s.isEmpty()) {
        alts.add(List.of(new Condition.Unknown("'" + r + "' is not an address range")));
      } else {
        (s.get().family() == AddressFamily.IPV4 ? v4 : v6).add(s.get());
      }
    }
    if (!v4.isEmpty()) {
      IpSet s = IpSet.unionAll(AddressFamily.IPV4, v4);
      alts.add(List.of(source ? new Condition.Src(s) : new Condition.Dst(s)));
    }
    if (!v6.isEmpty()) {
      IpSet s = IpSet.unionAll(AddressFamily.IPV6, v6);
      alts.add(List.of(source ? new Condition.Src(s) : new Condition.Dst(s)));
    }
    return Optional.of(new Condition.AnyOf(alts));
  }

  /** The VM's path: out of its network, whose MTU is the network's. */
  private Network network() {
    if (e.mtu() == null) {
      return Network.NONE;
    }
    SourceLocation at = new SourceLocation(e.mtuFile(), e.mtuLine());
    Interface nic = new Interface("nic0", null, List.of(), e.mtu(), Interface.Kind.PHYSICAL, at);
    Route out =
        new Route(
            IpSet.parse("0.0.0.0/0"),
            0,
            "nic0",
            null,
            0,
            false,
            "the VPC network (MTU " + e.mtu() + ")",
            at);
    return new Network(List.of(nic), List.of(out), List.of());
  }
}
