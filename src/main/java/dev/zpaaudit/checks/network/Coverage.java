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
 * destinations and sources it decided.
 */
final class Coverage {
  /** Which address of an outcome's packets is the published range's (dst egress, src replies). */
  private final Function<Outcome, IpSet> remote;
  private final Function<Outcome, IpSet> local;
  private final List<Outcome> outcomes = new ArrayList<>();

  Coverage(Function<Outcome, IpSet> remote, Function<Outcome, IpSet> local) {
    this.remote = remote;
    this.local = local;
  }

  void add(List<Outcome> more) {
    outcomes.addAll(more);
  }

  /** The status of one entry. */
  enum EntryStatus {
    ALLOWED, DENIED, PARTIAL, INDETERMINATE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record EntryResult(PublishedRanges.Entry entry, EntryStatus status, List<Outcome> parts) {}

  List<EntryResult> perEntry(List<PublishedRanges.Entry> entries) {
    List<EntryResult> out = new ArrayList<>(entries.size());
    for (PublishedRanges.Entry e : entries) {
      List<Outcome> parts = new ArrayList<>();
      List<IpSet> denied = new ArrayList<>();
      List<IpSet> unsure = new ArrayList<>();
      int fam = e.addresses().family();
      for (Outcome o : outcomes) {
        IpSet r = remote.apply(o);
        if (r.family() != fam || !r.intersects(e.addresses())) {
          continue;
        }
        parts.add(o);
        if (o.verdict() == Verdict.DENY) {
          denied.add(r.intersect(e.addresses()));
        } else if (o.verdict() == Verdict.INDETERMINATE) {
          unsure.add(r.intersect(e.addresses()));
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
        st = notProven.containsAll(e.addresses()) && stopped.equals(notProven)
            && stopped.containsAll(e.addresses()) ? EntryStatus.DENIED : EntryStatus.PARTIAL;
      }
      out.add(new EntryResult(e, st, parts));
    }
    return out;
  }

  /** Per-entry results as evidence data: status, and for entries not allowed, every part. */
  Evidence perRange(List<EntryResult> entries) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (EntryResult r : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("range", r.entry().text());
      m.put("file", r.entry().location().file());
      m.put("line", r.entry().location().line());
      m.put("status", r.status().label());
      if (r.status() != EntryStatus.ALLOWED) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Outcome o : r.parts()) {
          Rule rule = o.decidingRule();
          String key = o.verdict() + "|" + (rule == null ? "" : rule.location().line()) + "|"
              + (rule == null ? "" : rule.location().file()) + "|" + o.reason() + "|" + Flows.kind(o.packets());
          Part part = parts.computeIfAbsent(key, k -> new Part(o));
          part.remote.add(remote.apply(o).intersect(r.entry().addresses()));
          part.outcomes.add(o);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        parts.values().forEach(p -> out.add(p.toMap()));
        m.put("parts", out);
      }
      list.add(m);
    }
    return new Evidence("info", null, 0, null, "per-range results: see data.ranges",
        List.of(), List.of(), Map.of("ranges", list));
  }

  private final Map<List<Integer>, Object> sourcesCache = new java.util.HashMap<>();
  private final Map<Outcome, Integer> ids = new java.util.IdentityHashMap<>();

  /** The local addresses of some outcomes, as CIDRs (or a count when long); computed once. */
  private Object sourcesOf(List<Outcome> outs) {
    List<Integer> key = new ArrayList<>(outs.size());
    for (Outcome o : outs) {
      key.add(ids.computeIfAbsent(o, x -> ids.size()));
    }
    return sourcesCache.computeIfAbsent(key, k -> {
      List<IpSet> sets = new ArrayList<>();
      outs.forEach(o -> sets.add(local.apply(o)));
      IpSet u = IpSet.unionAll(sets.get(0).family(), sets);
      return u.intervalCount() > 16 ? List.of(u.intervalCount() + " address ranges") : u.toCidrs();
    });
  }

  /** Packets of one entry decided alike. */
  private final class Part {
    final Outcome first;
    final List<IpSet> remote = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();

    Part(Outcome o) {
      first = o;
    }

    Map<String, Object> toMap() {
      IpSet remote = IpSet.unionAll(this.remote.get(0).family(), this.remote);
      Object sources = sourcesOf(outcomes);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("verdict", first.verdict().label());
      p.put("packets", Flows.kind(first.packets()));
      p.put("destinations", remote.toCidrs());
      p.put("sources", sources);
      Rule rule = first.decidingRule();
      if (rule != null) {
        p.put("file", rule.location().file());
        p.put("line", rule.location().line());
        p.put("rule", rule.text());
      }
      if (first.reason() != null) {
        p.put("reason", first.reason());
      }
      return p;
    }
  }

  /** Remote addresses (within {@code scope}) of packets not allowed. */
  IpSet notAllowed(IpSet scope) {
    IpSet s = IpSet.empty(scope.family());
    for (Outcome o : outcomes) {
      IpSet r = remote.apply(o);
      if (o.verdict() != Verdict.ALLOW && r.family() == scope.family()) {
        s = s.union(r.intersect(scope));
      }
    }
    return s;
  }

  /** Evidence grouped by verdict and deciding rule, restricted to {@code scope} remotes. */
  List<Evidence> evidence(Map<Integer, IpSet> scope, String allowWord, String denyWord) {
    Map<String, Group> groups = new TreeMap<>();
    for (Outcome o : outcomes) {
      IpSet r = remote.apply(o);
      IpSet sc = scope.get(r.family());
      if (sc == null) {
        continue;
      }
      IpSet in = r.intersect(sc);
      if (in.isEmpty()) {
        continue;
      }
      Rule rule = o.decidingRule();
      String key = order(o.verdict()) + "|" + (rule == null ? "" : rule.location().file()) + "|"
          + String.format("%09d", rule == null ? 0 : rule.location().line()) + "|"
          + (o.reason() == null ? "" : o.reason());
      Group g = groups.computeIfAbsent(key, k -> new Group(o.verdict(), rule, o.reason()));
      g.remote.computeIfAbsent(in.family(), k -> new ArrayList<>()).add(in);
      IpSet loc = local.apply(o);
      g.local.computeIfAbsent(loc.family(), k -> new ArrayList<>()).add(loc);
      g.kinds.add(Flows.kind(o.packets()));
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
      remote.forEach((f, l) -> dst.addAll(IpSet.unionAll(f, l).toCidrs()));
      List<String> src = new ArrayList<>();
      local.forEach((f, l) -> {
        IpSet s = IpSet.unionAll(f, l);
        src.addAll(s.intervalCount() > 16 ? List.of(s.intervalCount() + " address ranges") : s.toCidrs());
      });
      String what = String.join(" and ", kinds) + " packets";
      String msg = switch (verdict) {
        case ALLOW -> allowWord + ": " + what + " allowed" + (rule == null ? " (no rule stops them)" : "");
        case DENY -> denyWord + ": " + what + " stopped" + (rule == null ? "" : " by " + rule.actionText());
        case INDETERMINATE -> "indeterminate: " + what + ": " + reason;
      };
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("packets", List.copyOf(kinds));
      if (reason != null) {
        data.put("reason", reason);
      }
      return new Evidence(verdict.label(), rule == null ? null : rule.location().file(),
          rule == null ? 0 : rule.location().line(), rule == null ? null : rule.text(), msg, dst, src, data);
    }
  }
}
