package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Relates outcomes to the published entries they concern: per entry, whether all its packets are
 * allowed, denied, partly allowed or not known, and by which rules; and per deciding rule, which
 * destinations and sources it decided. Outcomes are first merged into {@link Decision}s, so the
 * work per entry depends on the number of deciding rules, not on how finely the rules split the
 * packets; each test of a decision against an entry is a binary search.
 */
final class Coverage {
  /** Which address of an outcome's packets is the published range's (dst egress, src replies). */
  private final Function<Outcome, IpSet> remote;

  private final Function<Outcome, IpSet> local;

  /**
   * The interfaces asked about at each device (by position), to tell verdicts that depend on one
   * the user did not name.
   */
  private final List<AskedInterfaces> asked;

  /** The devices on the path, by position: the names of their {@code --config}. */
  final List<String> devices;

  private final Map<Decision.Key, Decision> decisions = new LinkedHashMap<>();

  Coverage(
      Function<Outcome, IpSet> remote,
      Function<Outcome, IpSet> local,
      List<AskedInterfaces> asked,
      List<String> devices) {
    this.remote = remote;
    this.local = local;
    this.asked = List.copyOf(asked);
    this.devices = List.copyOf(devices);
  }

  /** The interfaces asked about at the device at position {@code device}. */
  AskedInterfaces asked(int device) {
    return asked.get(device);
  }

  /** Adds the outcomes of the device at position {@code device}. */
  void add(List<Outcome> more, int device) {
    for (Outcome o : more) {
      Decision d =
          decisions.computeIfAbsent(
              Decision.keyOf(o, device), k -> new Decision(k, decisions.size()));
      d.add(remote.apply(o), local.apply(o));
      if (o.trace().last() != null) {
        d.at(o.trace().last().stage());
      }
    }
  }

  /** The status of one entry. */
  enum EntryStatus {
    ALLOWED,
    DENIED,
    PARTIAL,
    INDETERMINATE,
    /** No connector of the entry's address family: nothing could reach it, nothing to prove. */
    NOT_APPLICABLE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Addresses allowed only on some interfaces, and that condition in words. */
  record Conditional(IpSet addresses, PathCondition.Text text) {}

  /**
   * One entry's status, the decisions that concern it, why it is not allowed where no rule says
   * (null otherwise), and its addresses that are allowed only on some interfaces.
   */
  record EntryResult(
      PublishedRanges.Entry entry,
      EntryStatus status,
      List<Decision> parts,
      String reason,
      List<Conditional> conditionals) {
    EntryResult {
      conditionals = List.copyOf(conditionals);
    }
  }

  /** Entries that are not applicable, for {@code reason}. */
  static List<EntryResult> notApplicable(List<PublishedRanges.Entry> entries, String reason) {
    List<EntryResult> out = new ArrayList<>();
    for (PublishedRanges.Entry e : entries) {
      out.add(new EntryResult(e, EntryStatus.NOT_APPLICABLE, List.of(), reason, List.of()));
    }
    return out;
  }

  /** The decisions (of the addresses' family) that concern some of {@code addrs}. */
  List<Decision> concerning(IpSet addrs) {
    List<Decision> parts = new ArrayList<>();
    for (Decision d : decisions.values()) {
      if (d.family() == addrs.family() && d.remote().intersects(addrs)) {
        parts.add(d);
      }
    }
    return parts;
  }

  /** Which of {@code addrs} are denied, allowed, or allowed only on some paths. */
  EveryPath.Result status(IpSet addrs) {
    return EveryPath.of(addrs, concerning(addrs), devices.size());
  }

  /** The conditions of a result, in words. */
  List<Conditional> conditionals(EveryPath.Result res, List<Decision> parts) {
    List<Conditional> out = new ArrayList<>();
    for (PathCondition c : res.conditions()) {
      out.add(new Conditional(c.addresses(), c.describe(this::asked, devices, parts)));
    }
    return out;
  }

  /**
   * Each entry's status. The verdicts on every path are worked out once for all the entries'
   * addresses (each address's verdict depends only on the decisions about it), then read per entry.
   */
  List<EntryResult> perEntry(List<PublishedRanges.Entry> entries) {
    Map<AddressFamily, EveryPath.Result> all = new TreeMap<>();
    for (AddressFamily fam : AddressFamily.values()) {
      List<IpSet> sets = new ArrayList<>();
      for (PublishedRanges.Entry e : entries) {
        if (e.addresses().family() == fam) {
          sets.add(e.addresses());
        }
      }
      if (!sets.isEmpty()) {
        all.put(fam, status(IpSet.unionAll(fam, sets)));
      }
    }
    List<EntryResult> out = new ArrayList<>(entries.size());
    List<List<Decision>> concerning = concerningEach(entries);
    for (int i = 0; i < entries.size(); i++) {
      PublishedRanges.Entry e = entries.get(i);
      IpSet addrs = e.addresses();
      out.add(entry(e, concerning.get(i), all.get(addrs.family()).restrict(addrs)));
    }
    return out;
  }

  /**
   * For each entry, the decisions that concern some of its addresses, in the order {@link
   * #concerning} gives them; each decision's intervals are looked up among the entries' intervals
   * sorted by their first address, rather than searched for per decision and entry.
   */
  private List<List<Decision>> concerningEach(List<PublishedRanges.Entry> entries) {
    List<List<Decision>> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(new ArrayList<>());
    }
    Map<AddressFamily, EntrySpans> spans = new EnumMap<>(AddressFamily.class);
    for (AddressFamily fam : AddressFamily.values()) {
      EntrySpans s = EntrySpans.of(entries, fam);
      if (s != null) {
        spans.put(fam, s);
      }
    }
    for (Decision dec : decisions.values()) {
      EntrySpans mine = spans.get(dec.family());
      if (mine == null) {
        continue;
      }
      IntConsumer add =
          e -> {
            List<Decision> parts = out.get(e);
            if (parts.isEmpty() || parts.get(parts.size() - 1) != dec) {
              parts.add(dec);
            }
          };
      EntrySpans.Walk walk = mine.walk();
      dec.remote().forEachInterval((sh, sl, eh, el) -> walk.touching(sh, sl, eh, el, add));
    }
    return out;
  }

  private EntryResult entry(PublishedRanges.Entry e, List<Decision> parts, EveryPath.Result res) {
    IpSet addrs = e.addresses();
    if (parts.isEmpty()) {
      return new EntryResult(
          e, EntryStatus.INDETERMINATE, parts, "no packets to it were evaluated", List.of());
    }
    EntryStatus st;
    if (res.denied().containsAll(addrs)) {
      st = EntryStatus.DENIED;
    } else if (!res.denied().isEmpty()) {
      st = EntryStatus.PARTIAL;
    } else {
      st = res.allowed().containsAll(addrs) ? EntryStatus.ALLOWED : EntryStatus.INDETERMINATE;
    }
    List<Conditional> cond = conditionals(res, parts);
    String reason = st == EntryStatus.ALLOWED ? null : reason(addrs, cond, parts);
    return new EntryResult(e, st, parts, reason, cond);
  }

  /**
   * Why an entry is not proven allowed beyond its deciding rules: the interfaces it depends on, and
   * the reasons of indeterminate outcomes.
   */
  private static String reason(IpSet addrs, List<Conditional> cond, List<Decision> parts) {
    Set<String> why = new LinkedHashSet<>();
    for (Conditional c : cond) {
      why.add(
          (c.addresses().containsAll(addrs)
                  ? ""
                  : String.join(", ", c.addresses().toCidrs()) + ": ")
              + c.text().reason());
    }
    for (int i = 0; i < parts.size() && why.size() < REASON_LIMIT; i++) {
      Decision d = parts.get(i);
      if (d.verdict() == Verdict.INDETERMINATE && d.reason() != null) {
        why.add(d.reason());
      }
    }
    return why.isEmpty() ? null : String.join("; ", why);
  }

  /** How many reasons an entry's reason names at most. */
  static final int REASON_LIMIT = 5;

  /** Remote addresses (within {@code scope}) of packets not allowed. */
  IpSet notAllowed(IpSet scope) {
    List<IpSet> parts = new ArrayList<>();
    for (Decision d : decisions.values()) {
      if (d.verdict() != Verdict.ALLOW && d.family() == scope.family()) {
        parts.add(d.remote().intersect(scope));
      }
    }
    return IpSet.unionAll(scope.family(), parts);
  }

  /** The decisions, in the order they were first made. */
  java.util.Collection<Decision> decisions() {
    return decisions.values();
  }
}
