package dev.zpaaudit.checks.network;

import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
  private final Map<Decision.Key, Decision> decisions = new LinkedHashMap<>();

  Coverage(Function<Outcome, IpSet> remote, Function<Outcome, IpSet> local) {
    this.remote = remote;
    this.local = local;
  }

  void add(List<Outcome> more) {
    for (Outcome o : more) {
      decisions
          .computeIfAbsent(Decision.keyOf(o), Decision::new)
          .add(remote.apply(o), local.apply(o));
    }
  }

  /** The status of one entry. */
  enum EntryStatus {
    ALLOWED,
    DENIED,
    PARTIAL,
    INDETERMINATE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record EntryResult(PublishedRanges.Entry entry, EntryStatus status, List<Decision> parts) {}

  List<EntryResult> perEntry(List<PublishedRanges.Entry> entries) {
    List<EntryResult> out = new ArrayList<>(entries.size());
    for (PublishedRanges.Entry e : entries) {
      IpSet addrs = e.addresses();
      int fam = addrs.family();
      List<Decision> parts = new ArrayList<>();
      List<IpSet> denied = new ArrayList<>();
      List<IpSet> unsure = new ArrayList<>();
      for (Decision d : decisions.values()) {
        if (d.family() != fam || !d.remote().intersects(addrs)) {
          continue;
        }
        IpSet r = d.remote().intersect(addrs);
        parts.add(d);
        if (d.verdict() == Verdict.DENY) {
          denied.add(r);
        } else if (d.verdict() == Verdict.INDETERMINATE) {
          unsure.add(r);
        }
      }
      // An address is stopped if any of its packets is (a connection needs all of them).
      IpSet stopped = IpSet.unionAll(fam, denied);
      IpSet notProven = stopped.union(IpSet.unionAll(fam, unsure));
      EntryStatus st;
      if (parts.isEmpty()) {
        st = EntryStatus.INDETERMINATE;
      } else if (stopped.isEmpty()) {
        st = notProven.isEmpty() ? EntryStatus.ALLOWED : EntryStatus.INDETERMINATE;
      } else {
        st = stopped.containsAll(addrs) ? EntryStatus.DENIED : EntryStatus.PARTIAL;
      }
      out.add(new EntryResult(e, st, parts));
    }
    return out;
  }

  /**
   * Per-entry results as evidence data: each entry's status and the deciding rules by verdict
   * ("file:line", detailed in the grouped evidence); for a partial entry also its parts: which
   * sub-ranges and sources each rule decided.
   */
  Evidence perRange(List<EntryResult> entries) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (EntryResult r : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("range", r.entry().text());
      m.put("file", r.entry().location().file());
      m.put("line", r.entry().location().line());
      m.put("status", r.status().label());
      Map<String, Set<dev.zpaaudit.model.SourceLocation>> by = new TreeMap<>();
      Set<String> noRule = new java.util.TreeSet<>();
      for (Decision d : r.parts()) {
        if (d.rule() == null) {
          noRule.add(d.verdict().label());
          continue;
        }
        by.computeIfAbsent(d.verdict().label(), k -> new java.util.TreeSet<>())
            .add(d.rule().location());
      }
      noRule.forEach(v -> by.computeIfAbsent(v, k -> new java.util.TreeSet<>()));
      by.forEach(
          (v, locs) -> {
            List<String> l = new ArrayList<>(Math.min(locs.size(), BY_LIMIT));
            if (noRule.contains(v)) {
              l.add("(no rule on the path)");
            }
            for (dev.zpaaudit.model.SourceLocation loc : locs) {
              if (l.size() == BY_LIMIT) {
                break;
              }
              l.add(loc.toString());
            }
            m.put(v + "By", l);
            if (locs.size() > BY_LIMIT) {
              m.put(v + "ByCount", locs.size());
            }
          });
      if (r.status() == EntryStatus.PARTIAL) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Decision d : r.parts()) {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("verdict", d.verdict().label());
          p.put("packets", d.kind());
          p.put("destinations", d.remote().intersect(r.entry().addresses()).toCidrs());
          p.put("sources", d.localText());
          if (d.rule() != null) {
            p.put("file", d.rule().location().file());
            p.put("line", d.rule().location().line());
            p.put("rule", d.rule().text());
          }
          if (d.reason() != null) {
            p.put("reason", d.reason());
          }
          parts.add(p);
        }
        m.put("parts", parts);
      }
      list.add(m);
    }
    return new Evidence(
        "info",
        null,
        0,
        null,
        "per-range results: see data.ranges",
        List.of(),
        List.of(),
        Map.of("ranges", list));
  }

  /** How many deciding rules a per-range result names per verdict; the count says if more. */
  static final int BY_LIMIT = 50;

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

  /** Evidence grouped by verdict and deciding rule, restricted to {@code scope} remotes. */
  List<Evidence> evidence(Map<Integer, IpSet> scope, String allowWord, String denyWord) {
    Map<String, Group> groups = new TreeMap<>();
    for (Decision d : decisions.values()) {
      IpSet sc = scope.get(d.family());
      if (sc == null) {
        continue;
      }
      IpSet in = d.remote().intersect(sc);
      if (in.isEmpty()) {
        continue;
      }
      Rule rule = d.rule();
      String key =
          order(d.verdict())
              + "|"
              + (rule == null ? "" : rule.location().file())
              + "|"
              + String.format("%09d", rule == null ? 0 : rule.location().line())
              + "|"
              + (d.reason() == null ? "" : d.reason());
      Group g = groups.computeIfAbsent(key, k -> new Group(d.verdict(), rule, d.reason()));
      g.remote.computeIfAbsent(in.family(), k -> new ArrayList<>()).add(in);
      IpSet loc = d.local();
      g.local.computeIfAbsent(loc.family(), k -> new ArrayList<>()).add(loc);
      g.kinds.add(d.kind());
    }
    List<Evidence> out = new ArrayList<>();
    for (Group g : groups.values()) {
      out.add(g.toEvidence(allowWord, denyWord));
    }
    return out;
  }

  private static int order(Verdict v) {
    return switch (v) {
      case DENY -> 0;
      case INDETERMINATE -> 1;
      case ALLOW -> 2;
    };
  }

  private static final class Group {
    final Verdict verdict;
    final Rule rule;
    final String reason;
    final Map<Integer, List<IpSet>> remote = new TreeMap<>();
    final Map<Integer, List<IpSet>> local = new TreeMap<>();
    final Set<String> kinds = new LinkedHashSet<>();

    Group(Verdict verdict, Rule rule, String reason) {
      this.verdict = verdict;
      this.rule = rule;
      this.reason = reason;
    }

    Evidence toEvidence(String allowWord, String denyWord) {
      List<String> dst = new ArrayList<>();
      remote.forEach(
          (f, l) -> dst.addAll((l.size() == 1 ? l.get(0) : IpSet.unionAll(f, l)).toCidrs()));
      List<String> src = new ArrayList<>();
      local.forEach(
          (f, l) -> {
            IpSet s = l.size() == 1 ? l.get(0) : IpSet.unionAll(f, l);
            src.addAll(
                s.intervalCount() > 16
                    ? List.of(s.intervalCount() + " address ranges")
                    : s.toCidrs());
          });
      String what = String.join(" and ", kinds) + " packets";
      String msg =
          switch (verdict) {
            case ALLOW ->
                allowWord
                    + ": "
                    + what
                    + " allowed"
                    + (rule == null ? " (no rule stops them)" : "");
            case DENY ->
                denyWord
                    + ": "
                    + what
                    + " stopped"
                    + (rule == null ? "" : " by " + rule.actionText());
            case INDETERMINATE -> "indeterminate: " + what + ": " + reason;
          };
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("packets", List.copyOf(kinds));
      if (reason != null) {
        data.put("reason", reason);
      }
      return new Evidence(
          verdict.label(),
          rule == null ? null : rule.location().file(),
          rule == null ? 0 : rule.location().line(),
          rule == null ? null : rule.text(),
          msg,
          dst,
          src,
          data);
    }
  }
}
