package dev.zpaaudit.oracle;

import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one {@link OracleCase}: generates its flows, sends them through the kernel lab, asks the
 * engine, and compares. An ALLOW the kernel dropped or a DENY it delivered is a disagreement; an
 * INDETERMINATE engine verdict is counted, never compared.
 */
final class OracleComparison {
  static final int MIN_FLOWS = 5_000;
  static final int MIN_RANDOM = 1_500;

  /** Most frequent reasons for INDETERMINATE kept in a report. */
  static final int TOP_REASONS = 3;

  /** A flow on which the engine and the kernel disagree. */
  record Disagreement(Flow flow, Verdict kernel, EngineVerdicts.Result engine) {
    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(flow)
          .append("\n  kernel: ")
          .append(kernel)
          .append("\n  engine: ")
          .append(engine.verdict())
          .append('\n');
      for (String line : EngineVerdicts.describe(engine.outcome())) {
        sb.append("    ").append(line).append('\n');
      }
      return sb.toString();
    }
  }

  /** What one ruleset gave. */
  record Report(
      String name,
      List<Flow.Hook> hooks,
      int flows,
      int allowed,
      int denied,
      int delivered,
      int indeterminate,
      int unopened,
      int natReplies,
      Map<Flow.Hook, Integer> perHook,
      List<Disagreement> disagreements,
      List<String> translationMismatches,
      List<String> untranslatedDifferences,
      List<String> topReasons,
      int rounds,
      long kernelMillis,
      long engineMillis) {
    String summary() {
      return String.format(
          "%s: %d flows over %s in at most %d rounds; kernel delivered %d; engine"
              + " allow %d, deny %d, indeterminate %d%s; %d disagreements%s (kernel %d ms, engine"
              + " %d ms)",
          name,
          flows,
          perHook,
          rounds,
          delivered,
          allowed,
          denied,
          indeterminate,
          unopened == 0 ? "" : "; " + unopened + " NAT replies not opened",
          disagreements.size(),
          untranslatedDifferences.isEmpty()
              ? ""
              : "; twin differs on "
                  + untranslatedDifferences.size()
                  + " flows through untranslated rules",
          kernelMillis,
          engineMillis);
    }
  }

  private OracleComparison() {}

  static Report run(KernelLab lab, OracleCase c) {
    return run(lab, c, c.seed(), MIN_FLOWS);
  }

  /** Compares with flows drawn from {@code seed}, at least {@code minFlows} of them. */
  static Report run(KernelLab lab, OracleCase c, long seed, int minFlows) {
    Firewall fw = c.engineFirewall();
    List<Flow.Hook> hooks = usedHooks(fw, c.family());
    if (hooks.isEmpty()) {
      hooks = List.of(Flow.Hook.FORWARD, Flow.Hook.INPUT, Flow.Hook.OUTPUT);
    }
    FlowGenerator gen =
        new FlowGenerator(Boundaries.of(fw, c.family()), zenRanges(c.family()), seed)
            .withNatReplies(translatesSources(fw));
    List<Flow> flows = gen.generate(hooks, MIN_RANDOM, minFlows);
    c.load(lab);
    long t0 = System.nanoTime();
    Map<Flow, Verdict> kernel = lab.run(flows);
    TwinCheck twin =
        c.kernelFormat() == OracleCase.Format.NFT
            ? checkTranslation(lab, c, flows, kernel)
            : new TwinCheck(List.of(), List.of());
    long t1 = System.nanoTime();
    EngineVerdicts engine = new EngineVerdicts(fw, c.family(), flows, lab::ipv4Address);
    List<Disagreement> bad = new ArrayList<>();
    int unknown = 0;
    int unopened = 0;
    int natReplies = 0;
    Map<String, Integer> reasons = new java.util.HashMap<>();
    int allowed = 0;
    int denied = 0;
    int delivered = 0;
    Map<Flow.Hook, Integer> perHook = new EnumMap<>(Flow.Hook.class);
    for (Flow f : flows) {
      perHook.merge(f.hook(), 1, Integer::sum);
      Verdict k = kernel.get(f);
      if (k == Verdict.UNOPENED) {
        unopened++;
        continue;
      }
      natReplies += f.kind() == Flow.Kind.NAT_REPLY ? 1 : 0;
      EngineVerdicts.Result e = engine.verdict(f);
      delivered += k == Verdict.DELIVERED ? 1 : 0;
      switch (e.verdict()) {
        case INDETERMINATE -> {
          unknown++;
          reasons.merge(reason(e.outcome()), 1, Integer::sum);
        }
        case ALLOW -> {
          allowed++;
          if (k != Verdict.DELIVERED) {
            bad.add(new Disagreement(f, k, e));
          }
        }
        case DENY -> {
          denied++;
          if (k != Verdict.DROPPED) {
            bad.add(new Disagreement(f, k, e));
          }
        }
        default -> throw new IllegalStateException("unknown verdict " + e.verdict());
      }
    }
    long t2 = System.nanoTime();
    List<String> top = new ArrayList<>();
    reasons.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_REASONS)
        .forEach(e -> top.add(e.getValue() + "x " + e.getKey()));
    return new Report(
        c.name(),
        hooks,
        flows.size(),
        allowed,
        denied,
        delivered,
        unknown,
        unopened,
        natReplies,
        perHook,
        bad,
        twin.mismatches(),
        twin.throughUntranslated(),
        top,
        gen.batches(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000);
  }

  /**
   * What the kernel made of the twin: the flows on which it disagrees with the nft script (each one
   * a failure), and how many differing flows were set aside because the engine's outcome on the
   * twin names a rule the translator could not translate.
   */
  record TwinCheck(List<String> mismatches, List<String> throughUntranslated) {}

  /**
   * Each nft script has an iptables-save (or ip6tables-save) twin: the kernel checks that the two
   * agree on these flows, so the iptables and nftables readers are held to the same rulesets. A
   * translated script lacks the rules its translator left as comments; a flow on which the two
   * differ is set aside (counted) only where the engine's outcome on the twin, its trace or its
   * doubts, names one of those rules.
   */
  private static TwinCheck checkTranslation(
      KernelLab lab, OracleCase c, List<Flow> flows, Map<Flow, Verdict> nft) {
    c.loadTwin(lab);
    Map<Flow, Verdict> ipt = lab.run(flows);
    Set<Integer> untranslated =
        c.translation() == null ? Set.of() : c.translation().untranslatedLines();
    EngineVerdicts twin = null;
    List<String> out = new ArrayList<>();
    List<String> excused = new ArrayList<>();
    for (Flow f : flows) {
      if (ipt.get(f) == nft.get(f)) {
        continue;
      }
      if (!untranslated.isEmpty() && twin == null) {
        twin = new EngineVerdicts(twinFirewall(c), c.family(), flows, lab::ipv4Address);
      }
      String what = f + ": nft " + nft.get(f) + ", iptables " + ipt.get(f);
      int line = twin == null ? 0 : named(twin.verdict(f).outcome(), untranslated);
      if (line > 0) {
        excused.add(what + " (" + c.engineFile() + ":" + line + " is not translated)");
      } else {
        out.add(what);
      }
    }
    return new TwinCheck(out, excused);
  }

  private static Firewall twinFirewall(OracleCase c) {
    try {
      return c.twinFirewall();
    } catch (dev.zpaaudit.diag.InputException e) {
      throw new IllegalStateException(c.engineFile() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The first of these lines that a step of the outcome's trace or one of its doubts is on; 0. */
  static int named(dev.zpaaudit.eval.Outcome o, Set<Integer> lines) {
    for (var step : o.trace().steps()) {
      if (lines.contains(step.rule().location().line())) {
        return step.rule().location().line();
      }
    }
    for (var d : o.doubts()) {
      if (d.rule() != null && lines.contains(d.rule().location().line())) {
        return d.rule().location().line();
      }
    }
    return 0;
  }

  /**
   * The flow hooks whose path crosses a stage that can stop something: a chain with rules or a
   * policy other than ACCEPT.
   */
  static List<Flow.Hook> usedHooks(Firewall fw, int family) {
    List<Flow.Hook> out = new ArrayList<>();
    for (Flow.Hook h : Flow.Hook.values()) {
      boolean used = false;
      for (dev.zpaaudit.model.Point at : EngineVerdicts.path(sample(h))) {
        for (Attachment st : fw.attachedAt(at, AddressFamily.of(family))) {
          Filter ch = fw.filter(st.filter());
          used |=
              !ch.rules().isEmpty()
                  || ch.defaultRule() != null
                      && !(ch.defaultRule().action() instanceof dev.zpaaudit.model.Action.Accept);
        }
      }
      if (used) {
        out.add(h);
      }
    }
    return out;
  }

  /** Whether any rule translates sources (SNAT, MASQUERADE, NETMAP): its replies are tested. */
  static boolean translatesSources(Firewall fw) {
    return fw.filters().values().stream()
        .flatMap(ch -> ch.rules().stream())
        .anyMatch(r -> r.action() instanceof dev.zpaaudit.model.Action.SrcNat);
  }

  static String reason(dev.zpaaudit.eval.Outcome o) {
    if (o.doubts().isEmpty()) {
      return "?";
    }
    var d = o.doubts().get(0);
    return (d.rule() == null ? "" : d.rule().location() + ": ") + d.reason();
  }

  private static Flow sample(Flow.Hook h) {
    return Flow.tcp("10.0.0.1", 1024, "10.0.0.2", 443).withHook(h);
  }

  private static final Map<Integer, List<IpSet>> ZEN = new java.util.HashMap<>();

  /** The embedded published ranges of one family (the snapshot has IPv4 ranges only). */
  static synchronized List<IpSet> zenRanges(int family) {
    return ZEN.computeIfAbsent(
        family,
        f -> {
          List<IpSet> out = new ArrayList<>();
          for (PublishedRanges.Entry e : RangesReader.embedded().family(AddressFamily.of(f))) {
            out.add(e.addresses());
          }
          return List.copyOf(out);
        });
  }
}
