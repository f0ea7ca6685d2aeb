package dev.zpaaudit.checks.network;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.Evaluator;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The network path checks: zen-egress (R8, R12), zen-return (R8) and dns-egress (R16). Every device
 * given is on the path and must let the packets through: a range is allowed only if all of them
 * allow it. Each device judges a family's packets by its export for that family.
 */
public final class NetworkChecks {
  public static final int ZEN_PORT = 443;
  public static final int DNS_PORT = 53;

  private final List<Device> devices;
  private final PublishedRanges ranges;

  /** Where each device sits, by position. */
  private final List<Placement> placements;

  /** What every placement shares: the connectors and their ports. */
  final Placement placement;

  private static final String EGRESS_SKIPPED =
      "not evaluated: connector egress does not cross INPUT (audit the filter at OUTPUT or FORWARD)";

  private final List<IfaceDomain> domains = new ArrayList<>();
  private final Map<String, Evaluator> evaluators = new LinkedHashMap<>();

  /** Devices that all sit at one placement. */
  public NetworkChecks(List<Device> devices, PublishedRanges ranges, Placement placement) {
    this(devices, ranges, java.util.Collections.nCopies(devices.size(), placement));
  }

  /** Devices in series, each at its own placement (the same connectors and ports at all). */
  public NetworkChecks(List<Device> devices, PublishedRanges ranges, List<Placement> placements) {
    if (placements.size() != devices.size() || devices.isEmpty()) {
      throw new IllegalArgumentException("one placement per device");
    }
    this.devices = List.copyOf(devices);
    this.ranges = ranges;
    this.placements = List.copyOf(placements);
    this.placement = placements.get(0);
    for (int i = 0; i < devices.size(); i++) {
      domains.add(placements.get(i).domain(devices.get(i).exports()));
    }
  }

  private Evaluator evaluator(int device, Firewall fw, AddressFamily family) {
    Placement at = placements.get(device);
    return evaluators.computeIfAbsent(
        device + "#" + fw.source() + "#" + family,
        k ->
            new Evaluator(
                fw,
                family,
                domains.get(device),
                at.facts(family, zenSpace().getOrDefault(family, IpSet.empty(family)))));
  }

  /** Whether no device sits where the connectors' own traffic crosses it. */
  boolean inboundOnly() {
    return placements.stream().allMatch(p -> p.at() == Point.DELIVERED);
  }

  private List<AddressFamily> families() {
    List<AddressFamily> f = new ArrayList<>();
    for (AddressFamily fam : AddressFamily.values()) {
      if (!ranges.family(fam).isEmpty()) {
        f.add(fam);
      }
    }
    return f;
  }

  public List<CheckResult> run(List<IpSet> resolvers) {
    List<CheckResult> out = new ArrayList<>();
    out.add(zenEgress());
    out.add(zenReturn());
    out.add(new DnsEgress(this).check(resolvers));
    return out;
  }

  /** Evaluates, per family, the packets of connections to {@code remote} at every device. */
  Coverage evaluate(
      boolean replies, int proto, Map<AddressFamily, IpSet> remote, PortSet remotePort) {
    List<String> names = devices.stream().map(Device::name).toList();
    List<AskedInterfaces> asked = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      Placement at = placements.get(i);
      asked.add(replies ? at.returnAsked(domains.get(i)) : at.egressAsked(domains.get(i)));
    }
    Coverage cov =
        replies
            ? new Coverage(o -> o.packets().src(), o -> o.packets().dst(), asked, names)
            : new Coverage(o -> o.packets().dst(), o -> o.packets().src(), asked, names);
    for (Map.Entry<AddressFamily, IpSet> e : remote.entrySet()) {
      AddressFamily fam = e.getKey();
      IpSet local = placement.connectorSet(fam);
      if (local.isEmpty() || e.getValue().isEmpty()) {
        continue;
      }
      for (int i = 0; i < devices.size(); i++) {
        Placement at = placements.get(i);
        if (!replies && at.at() == Point.DELIVERED) {
          continue;
        }
        List<Cube> packets = packets(i, replies, fam, proto, local, e.getValue(), remotePort);
        Device d = devices.get(i);
        Optional<Firewall> fw = d.exportFor(fam);
        if (fw.isEmpty()) {
          cov.add(Evaluator.unjudged(packets, d.noRulesFor(fam)), i);
        } else {
          List<Point> path = replies ? at.returnPath() : at.egressPath();
          cov.add(at.judge(evaluator(i, fw.get(), fam), packets, path, replies, fam), i);
        }
      }
    }
    return cov;
  }

  /** The packets of the connections as device {@code i} sees them. */
  private List<Cube> packets(
      int i,
      boolean replies,
      AddressFamily fam,
      int proto,
      IpSet local,
      IpSet remote,
      PortSet remotePort) {
    Placement at = placements.get(i);
    IfaceDomain domain = domains.get(i);
    return replies
        ? Flows.replies(
            domain, fam, proto, local, at.ephemeral(), remote, remotePort, at.returnIfaces(domain))
        : Flows.outbound(
            domain, fam, proto, local, at.ephemeral(), remote, remotePort, at.egressIfaces(domain));
  }

  private Map<AddressFamily, IpSet> zenSpace;

  /** The published addresses per family, computed once. */
  private Map<AddressFamily, IpSet> zenSpace() {
    if (zenSpace == null) {
      Map<AddressFamily, IpSet> m = new TreeMap<>();
      for (AddressFamily fam : families()) {
        m.put(fam, ranges.union(fam));
      }
      zenSpace = m;
    }
    return zenSpace;
  }

  private CheckResult zenEgress() {
    List<String> reqs = List.of("R8", "R12");
    String fix =
        "Allow TCP "
            + ZEN_PORT
            + " from every connector to every published ZPA range, above"
            + " the rules named here (a partial allow list breaks users; new ranges are announced 90 days"
            + " ahead).";
    if (inboundOnly()) {
      return CheckResult.skipped("zen-egress", reqs, Severity.CRITICAL, EGRESS_SKIPPED, List.of());
    }
    Coverage cov = evaluate(false, Flows.TCP, zenSpace(), PortSet.of(ZEN_PORT));
    egress = cov;
    return rangeCheck("zen-egress", reqs, cov, fix, "to", "allowed", "denied");
  }

  /**
   * The pre-change review (R12): whether the connectors already reach the ranges announced in this
   * list (the ranges given are the announced ones only), with the date they take effect when known.
   */
  public CheckResult rangeChange(java.time.LocalDate activation, java.time.LocalDate today) {
    List<String> reqs = List.of("R12");
    String fix =
        "Allow TCP "
            + ZEN_PORT
            + " from every connector to the announced ranges before they take effect, above the"
            + " rules named here.";
    if (inboundOnly()) {
      return CheckResult.skipped("range-change", reqs, Severity.HIGH, EGRESS_SKIPPED, List.of());
    }
    if (ranges.entries().isEmpty()) {
      return new CheckResult(
          "range-change",
          reqs,
          Severity.HIGH,
          Status.PASS,
          "no range is announced beyond the baseline",
          List.of(),
          List.of(),
          null);
    }
    Coverage cov = evaluate(false, Flows.TCP, zenSpace(), PortSet.of(ZEN_PORT));
    CheckResult r = rangeCheck("range-change", reqs, cov, fix, "to", "allowed", "denied");
    String when =
        activation == null
            ? ""
            : "; they take effect "
                + activation
                + " ("
                + java.time.temporal.ChronoUnit.DAYS.between(today, activation)
                + " days from today)";
    return new CheckResult(
        r.id(),
        r.requirements(),
        Severity.HIGH,
        r.status(),
        r.summary().replace("published ranges", "newly announced ranges") + when,
        r.uncovered(),
        r.evidence(),
        r.remediation());
  }

  /** The zen-egress coverage, once evaluated. */
  private Coverage egress;

  /** What a device must let through for zen-egress to pass, where it stops it: by position. */
  public record Fix(int device, Firewall export, Allowance allowance) {}

  /**
   * The allowances that would make zen-egress pass where a rule denies it (not where it is
   * indeterminate: what an unmodelled test does is not known), per device, family and attachment,
   * with the published addresses denied there merged into the fewest CIDR blocks.
   */
  public List<Fix> egressFixes() {
    if (egress == null) {
      return List.of();
    }
    Map<String, Fix> out = new LinkedHashMap<>();
    Map<String, IpSet> denied = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> rules = new LinkedHashMap<>();
    for (Decision d : egress.decisions()) {
      if (d.verdict() != dev.zpaaudit.eval.Verdict.DENY || d.attachment() == null) {
        continue;
      }
      String key = d.device() + "\n" + d.family() + "\n" + d.attachment();
      IpSet zen = zenSpace().getOrDefault(d.family(), IpSet.empty(d.family()));
      denied.merge(key, d.remote().intersect(zen), IpSet::union);
      if (d.rule() != null) {
        rules.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).add(d.rule().text());
      }
    }
    for (Map.Entry<String, IpSet> e : denied.entrySet()) {
      String[] k = e.getKey().split("\n", 3);
      int device = Integer.parseInt(k[0]);
      IpSet set = e.getValue();
      Optional<Firewall> fw = devices.get(device).exportFor(set.family());
      if (set.isEmpty() || fw.isEmpty()) {
        continue;
      }
      Placement at = placements.get(device);
      IpSet src = placement.connectorSet(set.family());
      Allowance a =
          new Allowance(
              set.family(),
              k[2],
              src.isAll() ? List.of() : src.toCidrs(),
              set.toCidrs(),
              Flows.TCP,
              ZEN_PORT,
              at.inIface(),
              at.outIface(),
              List.copyOf(rules.getOrDefault(e.getKey(), java.util.Set.of())));
      out.put(e.getKey(), new Fix(device, fw.get(), a));
    }
    return List.copyOf(out.values());
  }

  /**
   * Whether TLS from the connectors to every published range passes every device undecrypted (R14):
   * the devices given are their TLS inspection policies (see checks.tls.DecryptionPolicy).
   */
  public CheckResult sslBypass() {
    String fix =
        "Exempt the connectors' TLS from decryption (*.prod.zpath.net, every published range):"
            + " an exemption from decryption above the rules named here; the connector pins its"
            + " certificates.";
    Coverage cov = evaluate(false, Flows.TCP, zenSpace(), PortSet.of(ZEN_PORT));
    boolean closes =
        devices.stream()
            .flatMap(d -> d.exports().stream())
            .flatMap(f -> f.decryption().stream())
            .anyMatch(r -> r.decision() == DecryptionRule.Decision.CLOSE);
    String stopped = closes ? "decrypted or closed" : "decrypted";
    return rangeCheck("ssl-bypass", List.of("R14"), cov, fix, "tls", "not decrypted", stopped);
  }

  /** What per-range statuses mean for ssl-bypass, {@code stopped} said of what does not pass. */
  private static Map<String, String> tlsWords(String stopped) {
    return Map.of(
        "allowed",
        "not decrypted",
        "denied",
        stopped,
        "partial",
        "partly " + stopped,
        "none",
        stopped + " or not proven");
  }

  private CheckResult zenReturn() {
    List<String> reqs = List.of("R8");
    String fix =
        "Let replies from the ZPA ranges (TCP source port "
            + ZEN_PORT
            + ") back to the"
            + " connectors, e.g. with a rule accepting ESTABLISHED,RELATED connections before any drop.";
    Coverage cov = evaluate(true, Flows.TCP, zenSpace(), PortSet.of(ZEN_PORT));
    return rangeCheck("zen-return", reqs, cov, fix, "from", "replies allowed", "replies denied");
  }

  private CheckResult rangeCheck(
      String id,
      List<String> reqs,
      Coverage cov,
      String fix,
      String dir,
      String allowWord,
      String denyWord) {
    List<Coverage.EntryResult> entries = new ArrayList<>();
    for (AddressFamily fam : families()) {
      if (placement.connectorSet(fam).isEmpty()) {
        entries.addAll(Coverage.notApplicable(ranges.family(fam), noConnector(fam)));
      } else {
        entries.addAll(cov.perEntry(ranges.family(fam)));
      }
    }
    Map<Coverage.EntryStatus, Integer> counts = new TreeMap<>();
    int conditional = 0;
    for (Coverage.EntryResult r : entries) {
      counts.merge(r.status(), 1, Integer::sum);
      if (r.status() == Coverage.EntryStatus.INDETERMINATE && !r.conditionals().isEmpty()) {
        conditional++;
      }
    }
    int allowed = counts.getOrDefault(Coverage.EntryStatus.ALLOWED, 0);
    int denied = counts.getOrDefault(Coverage.EntryStatus.DENIED, 0);
    int partial = counts.getOrDefault(Coverage.EntryStatus.PARTIAL, 0);
    int unknown = counts.getOrDefault(Coverage.EntryStatus.INDETERMINATE, 0);
    int applicable = entries.size() - counts.getOrDefault(Coverage.EntryStatus.NOT_APPLICABLE, 0);
    Status st =
        denied + partial > 0 ? Status.FAIL : unknown > 0 ? Status.INDETERMINATE : Status.PASS;
    String what =
        dir.equals("tls")
            ? "TLS from the connectors to %d of %d published ranges (TCP %d) is not decrypted"
            : dir.equals("to")
                ? "connectors reach %d of %d published ranges on TCP %d"
                : "replies from %d of %d published ranges (TCP %d) get back to the connectors";
    String stopped = dir.equals("tls") ? denyWord : "denied";
    StringBuilder summary =
        new StringBuilder(
            String.format(
                what + "; %d " + stopped + ", %d partly " + stopped + ", %d indeterminate",
                allowed,
                applicable,
                ZEN_PORT,
                denied,
                partial,
                unknown));
    if (conditional > 0) {
      summary
          .append(" (")
          .append(conditional)
          .append(conditional == 1 ? " depends" : " depend")
          .append(" on an interface not named)");
    }
    summary.append(CoverageEvidence.notApplicableSummary(entries));
    List<String> uncovered = new ArrayList<>();
    for (Map.Entry<AddressFamily, IpSet> e : zenSpace().entrySet()) {
      uncovered.addAll(cov.notAllowed(e.getValue()).toCidrs());
    }
    List<Evidence> ev = new ArrayList<>(CoverageEvidence.conditional(entries));
    ev.addAll(CoverageEvidence.grouped(cov, zenSpace(), allowWord, denyWord, "indeterminate"));
    ev.addAll(CoverageEvidence.notApplicable(entries));
    ev.add(
        CoverageEvidence.perRange(cov, entries, dir.equals("tls") ? tlsWords(denyWord) : Map.of()));
    return new CheckResult(
        id,
        reqs,
        Severity.CRITICAL,
        st,
        summary.toString(),
        uncovered,
        ev,
        st == Status.PASS ? null : fix);
  }

  static String noConnector(AddressFamily family) {
    return "no " + family.label() + " connector";
  }
}
