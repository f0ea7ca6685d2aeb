package dev.zpaaudit.ingest.checkpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every object a rule names must be in the export (a rulebase's objects dictionary holds each one
 * its rules name, so one that is not is a broken export), and no group may contain itself. A group
 * member the export does not define is not an error: the dictionary need not hold members, and the
 * conversion says which one it lacks.
 */
final class ReferenceCheck {
  private final Reading reading;
  private final CheckpointExport export;
  private final Map<String, CpObject> objects;
  private final Set<String> checkedGroups = new HashSet<>();

  ReferenceCheck(Reading reading, CheckpointExport export) {
    this.reading = reading;
    this.export = export;
    this.objects = export.objects();
  }

  void check() {
    for (Layer l : export.layers()) {
      for (Entry e : l.entries()) {
        if (e instanceof AccessRule rule) {
          check(rule);
        }
      }
    }
  }

  private void check(AccessRule rule) {
    Reading r = reading.of(rule.at().file());
    cell(r, rule, "source", rule.source());
    cell(r, rule, "destination", rule.destination());
    cell(r, rule, "service", rule.service());
    cell(r, rule, "vpn", rule.vpn());
    cell(r, rule, "content", rule.content());
    cell(r, rule, "time", rule.time());
    cell(r, rule, "install-on", rule.installOn());
    defined(r, rule, "action", rule.action());
    Ref inline = rule.inlineLayer();
    if (inline != null
        && !objects.containsKey(inline.uid())
        && export.layer(inline.uid(), null).isEmpty()) {
      undefined(r, rule, "inline-layer", inline);
    }
  }

  private void cell(Reading r, AccessRule rule, String column, Column c) {
    for (Ref ref : c.refs()) {
      if (defined(r, rule, column, ref)) {
        cycles(objects.get(ref.uid()), new ArrayList<>());
      }
    }
  }

  private boolean defined(Reading r, AccessRule rule, String column, Ref ref) {
    if (objects.containsKey(ref.uid())) {
      return true;
    }
    undefined(r, rule, column, ref);
    return false;
  }

  private static void undefined(Reading r, AccessRule rule, String column, Ref ref) {
    r.error(
        ref.line(),
        rule.label()
            + ": "
            + column
            + " '"
            + ref.uid()
            + "' is not defined in the export (neither in its objects-dictionary nor in show"
            + " objects output)");
  }

  /** Follows a group's members; a group met again on the way is a cycle. */
  private void cycles(CpObject o, List<CpObject> path) {
    if (o == null || checkedGroups.contains(o.uid())) {
      return;
    }
    List<Ref> members = members(o.body());
    if (members.isEmpty()) {
      return;
    }
    if (path.stream().anyMatch(p -> p.uid().equals(o.uid()))) {
      List<String> names = new ArrayList<>();
      int from = path.indexOf(path.stream().filter(p -> p.uid().equals(o.uid())).findFirst().get());
      path.subList(from, path.size()).forEach(p -> names.add(p.name()));
      names.add(o.name());
      reading
          .of(o.at().file())
          .error(
              o.at().line(),
              "group '" + o.name() + "' contains itself: " + String.join(" -> ", names));
      checkedGroups.add(o.uid());
      return;
    }
    path.add(o);
    for (Ref m : members) {
      cycles(objects.get(m.uid()), path);
    }
    path.remove(path.size() - 1);
    checkedGroups.add(o.uid());
  }

  private static List<Ref> members(CpObject.Body b) {
    if (b instanceof CpObject.Group g) {
      return g.members();
    }
    if (b instanceof CpObject.Exclusion x) {
      return List.of(x.include(), x.except());
    }
    return List.of();
  }
}
