package dev.zpaaudit.checks.network;

import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A coverage as evidence: grouped by verdict and deciding rule, the addresses allowed only on some
 * interfaces, and the per-entry table.
 */
final class CoverageEvidence {
  /** How many deciding rules a per-range result names per verdict; the count says if more. */
  static final int BY_LIMIT = 50;

  private CoverageEvidence() {}

  /**
   * Per-entry results as evidence data: each entry's status and the deciding rules by verdict
   * ("file:line", detailed in the grouped evidence), why it is not allowed where rules alone do not
   * say; for a partial entry also its parts: which sub-ranges and sources each rule decided.
   */
  /**
   * The per-range results; {@code words} (status label to what it means for this check, and {@code
   * none} for the entries that do not pass) when the check's words are not allow and deny.
   */
  static Evidence perRange(
      Coverage cov, List<Coverage.EntryResult> entries, Map<String, String> words) {
    List<Map<String, Object>> list = new ArrayList<>();
    LocationRanks ranks = new LocationRanks(cov.decisions());
    for (Coverage.EntryResult r : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("range", r.entry().text());
      m.put("file", r.entry().location().file());
      m.put("line", r.entry().location().line());
      m.put("status", r.status().label());
      by(m, r.parts(), ranks);
      if (r.reason() != null) {
        m.put("reason", r.reason());
      }
      if (r.status() == Coverage.EntryStatus.PARTIAL) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Decision d : r.parts()) {
          parts.add(part(cov, d, r.entry().addresses()));
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
        words.isEmpty() ? Map.of("ranges", list) : Map.of("ranges", list, "labels", words));
  }

  /**
   * The deciding rules' locations numbered in their order, once for all entries: an entry's set of
   * locations is then a set of numbers, in order as it is built (an entry may have hundreds).
   */
  private static final class LocationRanks {
    /** Each decision's location's number, by the decision's index (-1: no rule). */
    private final int[] rank;

    /** Each location as text ("file:line"), made once. */
    private final List<String> locations;

    LocationRanks(Collection<Decision> decisions) {
      TreeMap<SourceLocation, Integer> order = new TreeMap<>();
      for (Decision d : decisions) {
        if (d.rule() != null) {
          order.put(d.rule().location(), 0);
        }
      }
      int n = 0;
      for (Map.Entry<SourceLocation, Integer> e : order.entrySet()) {
        e.setValue(n++);
      }
      rank = new int[decisions.size()];
      for (Decision d : decisions) {
        rank[d.index] = d.rule() == null ? -1 : order.get(d.rule().location());
      }
      locations = order.keySet().stream().map(SourceLocation::toString).toList();
    }
  }

  /** A line number that sorts as text in number order: nine digits, zeros in front. */
  private static String lineKey(int line) {
    String n = Integer.toString(line);
    return n.length() >= 9 ? n : "000000000".substring(n.length()) + n;
  }

  /** The deciding rules of an entry by verdict: allowBy, denyBy, indeterminateBy. */
  private static void by(Map<String, Object> m, List<Decision> parts, LocationRanks ranks) {
    // By the verdict's ordinal: an entry may have hundreds of parts, each read here.
    BitSet[] by = new BitSet[BY_LABEL.size()];
    boolean[] noRule = new boolean[BY_LABEL.size()];
    for (Decision d : parts) {
      int v = d.verdict().ordinal();
      if (by[v] == null) {
        by[v] = new BitSet();
      }
      int rank = ranks.rank[d.index];
      if (rank < 0) {
        noRule[v] = true;
      } else {
        by[v].set(rank);
      }
    }
    for (Verdict v : BY_LABEL) {
      BitSet locs = by[v.ordinal()];
      if (locs == null) {
        continue;
      }
      int count = locs.cardinality();
      List<String> l = new ArrayList<>(Math.min(count + 1, BY_LIMIT));
      if (noRule[v.ordinal()]) {
        l.add("(no rule on the path)");
      }
      for (int i = locs.nextSetBit(0); i >= 0 && l.size() < BY_LIMIT; i = locs.nextSetBit(i + 1)) {
        l.add(ranks.locations.get(i));
      }
      m.put(v.label() + "By", l);
      if (count > BY_LIMIT) {
        m.put(v.label() + "ByCount", count);
      }
    }
  }

  /** The verdicts in the order of their labels, as the evidence lists them. */
  private static final List<Verdict> BY_LABEL =
      Arrays.stream(Verdict.values()).sorted((a, b) -> a.label().compareTo(b.label())).toList();

  private static Map<String, Object> part(Coverage cov, Decision d, IpSet entry) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("verdict", d.verdict().label());
    p.put("packets", d.kind());
    p.put("destinations", d.remote().intersect(entry).toCidrs());
    p.put("sources", d.localText());
    String qual = cov.asked(d.device()).qualifier(d.iif(), d.oif());
    if (!qual.isEmpty()) {
      p.put("interfaces", qual);
    }
    if (d.rule() != null) {
      p.put("file", d.rule().location().file());
      p.put("line", d.rule().location().line());
      p.put("rule", d.rule().text());
    }
    if (d.reason() != null) {
      p.put("reason", d.reason());
    }
    return p;
  }

  /**
   * The addresses allowed only on some interfaces, one indeterminate item per condition: the
   * condition with its rules, the addresses and the options that would name the interfaces.
   */
  static List<Evidence> conditional(List<Coverage.EntryResult> entries) {
    Map<String, List<IpSet>> addrs = new LinkedHashMap<>();
    Map<String, PathCondition.Text> texts = new LinkedHashMap<>();
    for (Coverage.EntryResult r : entries) {
      for (Coverage.Conditional c : r.conditionals()) {
        String key = c.text().reason();
        texts.putIfAbsent(key, c.text());
        addrs.computeIfAbsent(key, k -> new ArrayList<>()).add(c.addresses());
      }
    }
    List<Evidence> out = new ArrayList<>();
    texts.forEach(
        (key, t) -> {
          List<IpSet> l = addrs.get(key);
          IpSet all = IpSet.unionAll(l.get(0).family(), l);
          out.add(conditional(new Coverage.Conditional(all, t)));
        });
    return out;
  }

  /** One condition as an indeterminate item: the rule that makes it, the addresses, the options. */
  static Evidence conditional(Coverage.Conditional c) {
    PathCondition.Text t = c.text();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reason", t.reason());
    data.put("rules", t.rules());
    data.put("options", t.options());
    Rule r = t.rule();
    return new Evidence(
        "indeterminate",
        r == null ? null : r.location().file(),
        r == null ? 0 : r.location().line(),
        r == null ? null : r.text(),
        "depends on an interface not named: " + t.reason(),
        c.addresses().toCidrs(),
        List.of(),
        data);
  }

  /** The not-applicable entries per family, in words: "; 3 IPv6 ranges not applicable: ...". */
  static String notApplicableSummary(List<Coverage.EntryResult> entries) {
    StringBuilder sb = new StringBuilder();
    notApplicableByFamily(entries)
        .forEach(
            (fam, list) ->
                sb.append("; ")
                    .append(count(fam, list))
                    .append(" not applicable: ")
                    .append(list.get(0).reason()));
    return sb.toString();
  }

  /** One info item per family of not-applicable entries, listing them with the reason. */
  static List<Evidence> notApplicable(List<Coverage.EntryResult> entries) {
    List<Evidence> out = new ArrayList<>();
    notApplicableByFamily(entries)
        .forEach(
            (fam, list) ->
                out.add(
                    new Evidence(
                        "info",
                        null,
                        0,
                        null,
                        count(fam, list)
                            + " not applicable: "
                            + list.get(0).reason()
                            + " (--connector names none of this family)",
                        list.stream().map(r -> r.entry().text()).toList(),
                        List.of(),
                        Map.of("notApplicable", list.size(), "family", fam.version()))));
    return out;
  }

  private static String count(AddressFamily family, List<Coverage.EntryResult> list) {
    return list.size() + " " + family.label() + (list.size() == 1 ? " range" : " ranges");
  }

  private static Map<AddressFamily, List<Coverage.EntryResult>> notApplicableByFamily(
      List<Coverage.EntryResult> entries) {
    Map<AddressFamily, List<Coverage.EntryResult>> by = new TreeMap<>();
    for (Coverage.EntryResult r : entries) {
      if (r.status() == Coverage.EntryStatus.NOT_APPLICABLE) {
        by.computeIfAbsent(r.entry().addresses().family(), k -> new ArrayList<>()).add(r);
      }
    }
    return by;
  }

  /**
   * Evidence grouped by verdict, deciding rule and interfaces, restricted to {@code scope}; each
   * message starts with the word of its verdict ({@code allowWord}, {@code denyWord}, {@code
   * unknownWord}).
   */
  static List<Evidence> grouped(
      Coverage cov,
      Map<AddressFamily, IpSet> scope,
      String allowWord,
      String denyWord,
      String unknownWord) {
    Map<String, Group> groups = new TreeMap<>();
    for (Decision d : cov.decisions()) {
      IpSet sc = scope.get(d.family());
      if (sc == null) {
        continue;
      }
      IpSet in = d.remote().intersect(sc);
      if (in.isEmpty()) {
        continue;
      }
      Rule rule = d.rule();
      String qual = cov.asked(d.device()).qualifier(d.iif(), d.oif());
      String key =
          order(d.verdict())
              + "|"
              + (rule == null ? "" : rule.location().file())
              + "|"
              + lineKey(rule == null ? 0 : rule.location().line())
              + "|"
              + (d.reason() == null ? "" : d.reason())
              + "|"
              + qual;
      Group g = groups.computeIfAbsent(key, k -> new Group(d.verdict(), rule, d.reason(), qual));
      g.remote.computeIfAbsent(in.family(), k -> new ArrayList<>()).add(in);
      IpSet loc = d.local();
      g.local.computeIfAbsent(loc.family(), k -> new ArrayList<>()).add(loc);
      g.kinds.add(d.kind());
    }
    List<Evidence> out = new ArrayList<>();
    // Groups often decide the same addresses (one rule on several interfaces or packet kinds):
    // each set is written as CIDRs once.
    Map<IpSet, List<String>> cidrs = new HashMap<>();
    for (Group g : groups.values()) {
      out.add(g.toEvidence(allowWord, denyWord, unknownWord, cidrs));
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
    final String interfaces;
    final Map<AddressFamily, List<IpSet>> remote = new TreeMap<>();
    final Map<AddressFamily, List<IpSet>> local = new TreeMap<>();
    final Set<String> kinds = new LinkedHashSet<>();

    Group(Verdict verdict, Rule rule, String reason, String interfaces) {
      this.verdict = verdict;
      this.rule = rule;
      this.reason = reason;
      this.interfaces = interfaces;
    }

    Evidence toEvidence(
        String allowWord, String denyWord, String unknownWord, Map<IpSet, List<String>> cidrs) {
      List<String> dst = new ArrayList<>();
      remote.forEach(
          (f, l) ->
              dst.addAll(
                  cidrs.computeIfAbsent(
                      l.size() == 1 ? l.get(0) : IpSet.unionAll(f, l), IpSet::toCidrs)));
      List<String> src = new ArrayList<>();
      local.forEach(
          (f, l) -> {
            IpSet s = l.size() == 1 ? l.get(0) : IpSet.unionAll(f, l);
            src.addAll(
                s.intervalCount() > 16
                    ? List.of(s.intervalCount() + " address ranges")
                    : s.toCidrs());
          });
      String what =
          String.join(" and ", kinds) + " packets" + (interfaces.isEmpty() ? "" : " " + interfaces);
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
            case INDETERMINATE -> unknownWord + ": " + what + ": " + reason;
          };
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("packets", List.copyOf(kinds));
      if (!interfaces.isEmpty()) {
        data.put("interfaces", interfaces);
      }
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
