package dev.zpaaudit.ingest.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an access rule reads in a trace, in Check Point's terms: {@code rule 3 'Allow_SSH': source
 * INSIDE_NET; destination Any; service ssh; action Accept}, with the VPN, content, time and
 * installation cells where they hold more than Any.
 */
final class RuleText {
  private RuleText() {}

  static String of(AccessRule r, String label, Map<String, CpObject> objects) {
    List<String> cells = new ArrayList<>();
    cells.add(cell("source", r.source(), objects));
    cells.add(cell("destination", r.destination(), objects));
    cells.add(cell("service", r.service(), objects));
    for (String key : List.of("vpn", "content", "time", "install-on")) {
      Column c =
          switch (key) {
            case "vpn" -> r.vpn();
            case "content" -> r.content();
            case "time" -> r.time();
            default -> r.installOn();
          };
      if (!isAny(c, objects)) {
        cells.add(cell(key, c, objects));
      }
    }
    String actionName = objects.get(r.action().uid()).name();
    if (r.inlineLayer() != null) {
      CpObject layer = objects.get(r.inlineLayer().uid());
      actionName += " '" + (layer == null ? r.inlineLayer().uid() : layer.name()) + "'";
    }
    cells.add("action " + actionName);
    return label + ": " + String.join("; ", cells);
  }

  private static String cell(String key, Column c, Map<String, CpObject> objects) {
    List<String> names = new ArrayList<>();
    for (Ref ref : c.refs()) {
      CpObject o = objects.get(ref.uid());
      names.add(o == null ? ref.uid() : o.name());
    }
    return key
        + " "
        + (c.negate() ? "not " : "")
        + (names.isEmpty() ? "Any" : String.join(", ", names));
  }

  /** Whether a cell holds nothing but Any (or the policy's own targets), not negated. */
  private static boolean isAny(Column c, Map<String, CpObject> objects) {
    if (c.negate()) {
      return false;
    }
    for (Ref ref : c.refs()) {
      CpObject o = objects.get(ref.uid());
      boolean any =
          o != null
              && (o.body() instanceof CpObject.Any
                  || o.name().equals(CheckpointMatches.POLICY_TARGETS));
      if (!any) {
        return false;
      }
    }
    return true;
  }
}
