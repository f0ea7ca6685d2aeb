package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which addresses of a published entry hold a verdict on every path. A connection needs all its
 * packets (every kind, source and port asked about) to pass each device; which interface they use
 * is up to routing, which the exports do not show, so where the user named no interface each class
 * of interfaces the rules tell apart is a path of its own, and each device (filters in series are
 * separate machines) picks its own. An address is denied when some device stops it on every path,
 * allowed when every device lets it through on every path, and allowed only on some paths
 * (interface-conditional) when every device lets it through on at least one.
 */
final class EveryPath {
  /** Addresses denied on every path, allowed on every path, and allowed only on some. */
  record Result(IpSet denied, IpSet allowed, IpSet conditional, List<PathCondition> conditions) {
    /** The same for a subset of the addresses: each address's verdict is its own. */
    Result restrict(IpSet addrs) {
      List<PathCondition> cond = new ArrayList<>();
      for (PathCondition c : conditions) {
        IpSet in = c.addresses().intersect(addrs);
        if (!in.isEmpty()) {
          cond.add(new PathCondition(in, c.paths()));
        }
      }
      return new Result(
          denied.intersect(addrs), allowed.intersect(addrs), conditional.intersect(addrs), cond);
    }
  }

  /** The paths one device lets some addresses through on, as classes of interfaces. */
  record Paths(int device, List<Bits[]> allowed, List<Bits[]> all) {
    boolean unconditional() {
      return allowed.size() == all.size();
    }
  }

  private EveryPath() {}

  static Result of(IpSet addrs, List<Decision> parts, int devices) {
    AddressFamily fam = addrs.family();
    IpSet denied = IpSet.empty(fam);
    IpSet allowed = addrs;
    IpSet someEverywhere = addrs;
    List<DeviceView> views = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      List<Decision> mine = new ArrayList<>();
      for (Decision p : parts) {
        if (p.device() == d) {
          mine.add(p);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      DeviceView v = new DeviceView(d, addrs, mine);
      views.add(v);
      denied = denied.union(v.deniedEverywhere);
      allowed = allowed.intersect(v.allowedEverywhere);
      someEverywhere = someEverywhere.intersect(v.allowedSomewhere);
    }
    if (views.isEmpty()) {
      return new Result(denied, IpSet.empty(fam), IpSet.empty(fam), List.of());
    }
    allowed = allowed.minus(denied);
    IpSet conditional = someEverywhere.minus(allowed).minus(denied);
    return new Result(denied, allowed, conditional, conditions(conditional, views));
  }

  /** The conditional addresses grouped by the paths each device lets them through on. */
  private static List<PathCondition> conditions(IpSet conditional, List<DeviceView> views) {
    if (conditional.isEmpty()) {
      return List.of();
    }
    List<Group> groups = new ArrayList<>(List.of(new Group(conditional, new ArrayList<>())));
    for (DeviceView v : views) {
      List<Group> next = new ArrayList<>();
      for (Group g : groups) {
        next.addAll(v.split(g, groups.size() >= MAX_GROUPS));
      }
      groups = next;
    }
    List<PathCondition> out = new ArrayList<>();
    for (Group g : groups) {
      out.add(new PathCondition(g.addrs, g.paths));
    }
    return out;
  }

  /** How many different conditions one entry is split into at most. */
  private static final int MAX_GROUPS = 8;

  private record Group(IpSet addrs, List<Paths> paths) {}

  /** One device's decisions for one entry, per class of interfaces (input x output). */
  private static final class DeviceView {
    final int device;
    final List<Bits[]> classes = new ArrayList<>();

    /** Per class, the addresses it does not let through (stopped, or maybe stopped). */
    final List<IpSet> notOk = new ArrayList<>();

    IpSet deniedEverywhere;
    IpSet allowedEverywhere;
    IpSet allowedSomewhere;

    DeviceView(int device, IpSet addrs, List<Decision> parts) {
      this.device = device;
      List<Bits> ins = atoms(parts.stream().map(Decision::iif).toList());
      List<Bits> outs = atoms(parts.stream().map(Decision::oif).toList());
      AddressFamily fam = addrs.family();
      // Every set below lies within addrs: what a class lets through is addrs without its notOk.
      deniedEverywhere = addrs;
      IpSet notOkEverywhere = addrs;
      List<Interfaces> byInterfaces = byInterfaces(addrs, parts);
      // Classes that the same decisions apply to have the same sets: worked out once.
      Map<BitSet, Blocked> known = new HashMap<>();
      for (Bits in : ins) {
        for (Bits out : outs) {
          int i = in.members()[0];
          int o = out.members()[0];
          BitSet applying = new BitSet(byInterfaces.size());
          for (int k = 0; k < byInterfaces.size(); k++) {
            Interfaces p = byInterfaces.get(k);
            if (p.iif().contains(i) && p.oif().contains(o)) {
              applying.set(k);
            }
          }
          Blocked sets =
              known.computeIfAbsent(
                  applying,
                  a -> {
                    List<IpSet> stopped = new ArrayList<>();
                    List<IpSet> unsure = new ArrayList<>();
                    a.stream()
                        .forEach(
                            k -> {
                              stopped.add(byInterfaces.get(k).stopped());
                              unsure.add(byInterfaces.get(k).unsure());
                            });
                    IpSet st = IpSet.unionAll(fam, stopped);
                    return new Blocked(st, st.union(IpSet.unionAll(fam, unsure)));
                  });
          classes.add(new Bits[] {in, out});
          notOk.add(sets.notOk());
        }
      }
      for (Blocked sets : known.values()) {
        deniedEverywhere = deniedEverywhere.intersect(sets.stopped());
        notOkEverywhere = notOkEverywhere.intersect(sets.notOk());
      }
      IpSet notOkSomewhere =
          IpSet.unionAll(fam, known.values().stream().map(Blocked::notOk).toList());
      allowedEverywhere = addrs.minus(notOkSomewhere);
      allowedSomewhere = addrs.minus(notOkEverywhere);
    }

    /** What some decisions stop, and what they stop or may not let by. */
    private record Blocked(IpSet stopped, IpSet notOk) {}

    /** The addresses that decisions on the same interfaces stop, and those they may not let by. */
    private record Interfaces(Bits iif, Bits oif, IpSet stopped, IpSet unsure) {}

    /**
     * The decisions that do not allow, merged per pair of interface sets (there are few of them):
     * each class of interfaces is then judged by a handful of sets rather than every decision.
     */
    private static List<Interfaces> byInterfaces(IpSet addrs, List<Decision> parts) {
      Map<List<Bits>, List<List<IpSet>>> by = new LinkedHashMap<>();
      for (Decision p : parts) {
        if (p.verdict() != Verdict.ALLOW) {
          List<List<IpSet>> sets =
              by.computeIfAbsent(
                  List.of(p.iif(), p.oif()), k -> List.of(new ArrayList<>(), new ArrayList<>()));
          sets.get(p.verdict() == Verdict.DENY ? 0 : 1).add(p.remote().intersect(addrs));
        }
      }
      List<Interfaces> out = new ArrayList<>(by.size());
      AddressFamily fam = addrs.family();
      by.forEach(
          (k, sets) ->
              out.add(
                  new Interfaces(
                      k.get(0),
                      k.get(1),
                      IpSet.unionAll(fam, sets.get(0)),
                      IpSet.unionAll(fam, sets.get(1)))));
      return out;
    }

    /**
     * A group split by the classes of interfaces this device lets its addresses through on; past
     * the limit of groups, not split, and this device's paths are left unnamed.
     */
    List<Group> split(Group g, boolean coarse) {
      if (coarse) {
        return List.of(g);
      }
      Map<List<Integer>, IpSet> by = new LinkedHashMap<>();
      by.put(List.of(), g.addrs());
      for (int c = 0; c < classes.size(); c++) {
        Map<List<Integer>, IpSet> next = new LinkedHashMap<>();
        for (Map.Entry<List<Integer>, IpSet> e : by.entrySet()) {
          IpSet in = e.getValue().minus(notOk.get(c));
          IpSet out = e.getValue().intersect(notOk.get(c));
          if (!in.isEmpty()) {
            List<Integer> with = new ArrayList<>(e.getKey());
            with.add(c);
            next.put(with, in);
          }
          if (!out.isEmpty()) {
            next.put(e.getKey(), out);
          }
        }
        by = next;
      }
      List<Group> out = new ArrayList<>();
      for (Map.Entry<List<Integer>, IpSet> e : by.entrySet()) {
        List<Bits[]> allowed = new ArrayList<>();
        for (int c : e.getKey()) {
          allowed.add(classes.get(c));
        }
        List<Paths> paths = new ArrayList<>(g.paths());
        paths.add(new Paths(device, allowed, classes));
        out.add(new Group(e.getValue(), paths));
      }
      return out;
    }
  }

  /**
   * The coarsest classes of interfaces that the given sets do not split: every set is a union of
   * classes. The classes cover the union of the sets.
   */
  static List<Bits> atoms(List<Bits> sets) {
    List<Bits> out = new ArrayList<>();
    if (sets.isEmpty()) {
      return out;
    }
    Bits all = sets.get(0);
    for (Bits b : sets) {
      all = all.union(b);
    }
    out.add(all);
    for (Bits b : new java.util.LinkedHashSet<>(sets)) {
      List<Bits> next = new ArrayList<>(out.size() + 1);
      for (Bits a : out) {
        Bits in = a.intersect(b);
        Bits rest = a.minus(b);
        if (!in.isEmpty()) {
          next.add(in);
        }
        if (!rest.isEmpty()) {
          next.add(rest);
        }
      }
      out = next;
    }
    return out;
  }
}
