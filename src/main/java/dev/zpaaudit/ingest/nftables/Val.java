package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.ArrayList;
import java.util.List;

/** A set of values of one field: what a set lookup or a comparison accepts. */
sealed interface Val {
  Val union(Val o);

  /** The values the field can take that are not in this set. */
  Val complement();

  record Addrs(IpSet set) implements Val {
    public Val union(Val o) {
      return new Addrs(set.union(((Addrs) o).set));
    }

    public Val complement() {
      return new Addrs(set.complement());
    }
  }

  record Ports(PortSet set) implements Val {
    public Val union(Val o) {
      return new Ports(set.union(((Ports) o).set));
    }

    public Val complement() {
      return new Ports(set.complement());
    }
  }

  /** Members of a small universe; {@code universe} is every value the field can take. */
  record Small(Bits set, Bits universe) implements Val {
    public Val union(Val o) {
      return new Small(set.union(((Small) o).set), universe);
    }

    public Val complement() {
      return new Small(universe.minus(set), universe);
    }
  }

  /** Interface name patterns ('+' wildcard); negated: any name but these. */
  record Names(List<String> patterns, boolean negated) implements Val {
    public Names {
      patterns = List.copyOf(patterns);
    }

    public Val union(Val o) {
      Names n = (Names) o;
      if (negated || n.negated) {
        throw new IllegalStateException("union of negated name sets");
      }
      List<String> all = new ArrayList<>(patterns);
      all.addAll(n.patterns);
      return new Names(all, false);
    }

    public Val complement() {
      return new Names(patterns, !negated);
    }
  }
}
