package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of each equal condition and action of an export's rules. Large exports repeat the
 * same few protocols, ports, states, interfaces and targets on most of their rules; sharing them
 * keeps the model a small multiple of the export's size. Address conditions are mostly distinct and
 * are kept as they are. The values are immutable, so sharing changes nothing else.
 */
final class ValuePool {
  private final Map<Object, Object> values = new HashMap<>();

  /** Each protocol number as a set, made once: most rules name one of a few protocols. */
  private static final Bits[] PROTOCOLS = new Bits[256];

  static {
    for (int p = 0; p < 256; p++) {
      PROTOCOLS[p] = Bits.of(256, p);
    }
  }

  /** Protocol {@code p} (0 to 255) as a set. */
  static Bits protocols(int p) {
    return PROTOCOLS[p];
  }

  /** A test of protocol {@code p} (0 to 255). */
  static Condition.Proto proto(int p) {
    return new Condition.Proto(PROTOCOLS[p]);
  }

  /** The conditions, each replaced by the first equal one seen, where it is of a repeated kind. */
  List<Condition> conditions(List<Condition> conds) {
    List<Condition> out = new ArrayList<>(conds.size());
    for (Condition c : conds) {
      out.add(shared(c) ? share(c) : c);
    }
    return out;
  }

  Action action(Action a) {
    return share(a);
  }

  private static boolean shared(Condition c) {
    return !(c instanceof Condition.Src
        || c instanceof Condition.Dst
        || c instanceof Condition.Unknown
        || c instanceof Condition.AnyOf
        || c instanceof Condition.Not);
  }

  @SuppressWarnings("unchecked")
  private <T> T share(T v) {
    Object known = values.putIfAbsent(v, v);
    return known == null ? v : (T) known;
  }
}
