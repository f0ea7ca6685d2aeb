package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Check Point export into the neutral model: each access layer that no rule applies inline
 * is a stateful filter on forwarded traffic (every one must accept, as ordered layers do), its
 * rules tried in order, disabled ones skipped, ending in the layer's implicit cleanup rule (Drop
 * unless the export says otherwise). An inline layer is a filter its parent rule jumps to, ending
 * in its own cleanup rule. The rules name no interface, so they apply between any two. What the
 * export does not settle is said, never guessed.
 */
public final class CheckpointConversions {
  /** How the format is named: {@code Check Point layer 'Network'}. */
  public static final String FORMAT = "Check Point";

  private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4, AddressFamily.IPV6);

  private final CheckpointExport export;
  private final Map<String, CpObject> objects;
  private final CheckpointMatches matches;
  private final Map<String, Filter> filters = new LinkedHashMap<>();

  /** Each inline layer's filter name, once lowered; the layers being lowered. */
  private final Map<Layer, String> inline = new HashMap<>();

  private final Set<Layer> lowering = new HashSet<>();

  private CheckpointConversions(CheckpointExport export) {
    this.export = export;
    this.objects = export.objects();
    this.matches = new CheckpointMatches(objects);
  }

  public static ParseResult convert(CheckpointReader.Result read) throws InputException {
    CheckpointConversions c = new CheckpointConversions(read.export());
    return new ParseResult(c.firewall(), read.diagnostics());
  }

  private Firewall firewall() throws InputException {
    List<Layer> top = topLayers();
    List<Attachment> attachments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Layer l : top) {
      String name = filterName(l);
      List<Rule> rules = rules(l, "");
      filters.put(name, new Filter(name, rules, cleanup(l)));
      attachments.add(
          new Attachment(
              Point.FORWARDED,
              Attachment.Kind.SESSION,
              attachments.size(),
              name,
              BOTH,
              "access layer '" + l.name() + "'"));
      names.add("'" + l.name() + "'");
    }
    String format = FORMAT + (top.size() == 1 ? " layer " : " layers ") + String.join(", ", names);
    return new Firewall(
        export.source(), format, BOTH, filters, attachments, Network.NONE, List.of(), false);
  }

  /** The layers that no rule of the export applies inline: the policy's ordered layers. */
  private List<Layer> topLayers() throws InputException {
    Set<Layer> applied = new HashSet<>();
    for (Layer l : export.layers()) {
      for (Entry e : l.entries()) {
        if (e instanceof AccessRule r && r.inlineLayer() != null) {
          inlineLayer(r).ifPresent(applied::add);
        }
      }
    }
    List<Layer> top = export.layers().stream().filter(l -> !applied.contains(l)).toList();
    if (top.isEmpty()) {
      Layer first = export.layers().get(0);
      throw error(first.at(), "every layer is applied inline by another: none is the policy's");
    }
    return top;
  }

  private java.util.Optional<Layer> inlineLayer(AccessRule r) {
    CpObject o = objects.get(r.inlineLayer().uid());
    return export.layer(r.inlineLayer().uid(), o == null ? null : o.name());
  }

  private String filterName(Layer l) {
    return filters.containsKey(l.name()) ? l.name() + " (" + l.uid() + ")" : l.name();
  }

  /** A layer's enabled rules, numbered after {@code prefix} ("5." in the layer rule 5 applies). */
  private List<Rule> rules(Layer l, String prefix) throws InputException {
    List<Rule> out = new ArrayList<>();
    for (Entry e : l.entries()) {
      if (e instanceof Entry.Missing m) {
        out.add(
            new Rule(
                m.at(),
                m.what(),
                List.of(new Condition.Unknown(m.why())),
                new Action.Unknown(m.why())));
      } else if (e instanceof AccessRule r && r.enabled()) {
        String label = label(r, prefix);
        Action action = action(r, label, prefix + r.number() + ".");
        out.add(new Rule(r.at(), RuleText.of(r, label, objects), matches.rule(r), action));
      }
    }
    return out;
  }

  static String label(AccessRule r, String prefix) {
    return "rule " + prefix + r.number() + (r.name().isEmpty() ? "" : " '" + r.name() + "'");
  }

  private Action action(AccessRule r, String label, String inlinePrefix) throws InputException {
    String name = objects.get(r.action().uid()).name();
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "accept" -> new Action.Accept("Accept");
      case "drop" -> new Action.Drop("Drop");
      case "reject" -> new Action.Reject("");
      case "inner layer", "apply layer", "inline layer" -> inline(r, label, inlinePrefix);
      case "ask", "inform" ->
          new Action.Unknown(
              "action " + name + ": what it does depends on the user's answer (UserCheck)");
      default -> new Action.Unknown("action " + name + " is not modelled");
    };
  }

  /** A jump to the inline layer's filter, or an unknown when the export lacks its rules. */
  private Action inline(AccessRule r, String label, String prefix) throws InputException {
    if (r.inlineLayer() == null) {
      return new Action.Unknown(label + " applies an inline layer, and the export names none");
    }
    CpObject o = objects.get(r.inlineLayer().uid());
    java.util.Optional<Layer> l = inlineLayer(r);
    if (l.isEmpty()) {
      String name = o == null ? r.inlineLayer().uid() : o.name();
      return new Action.Unknown(
          "inline layer '"
              + name
              + "': its rules are not in the export (add show access-rulebase name \""
              + name
              + "\" output to the folder)");
    }
    return new Action.Jump(inlineFilter(l.get(), r, prefix));
  }

  private String inlineFilter(Layer l, AccessRule parent, String prefix) throws InputException {
    String done = inline.get(l);
    if (done != null) {
      return done;
    }
    if (!lowering.add(l)) {
      throw error(parent.at(), "inline layer '" + l.name() + "' is applied inside itself");
    }
    String name = filterName(l);
    List<Rule> rules = rules(l, prefix);
    rules.add(cleanup(l));
    filters.put(name, new Filter(name, rules, null));
    inline.put(l, name);
    lowering.remove(l);
    return name;
  }

  /** The layer's implicit cleanup rule: Drop, unless the export says the layer's is Accept. */
  private Rule cleanup(Layer l) {
    CpObject o = l.uid() == null ? null : objects.get(l.uid());
    boolean accept =
        o != null && o.body() instanceof CpObject.Layer x && "accept".equalsIgnoreCase(x.cleanup());
    Action a = accept ? new Action.Accept("Accept") : new Action.Drop("Drop");
    return new Rule(
        l.at(), "layer '" + l.name() + "': implicit cleanup rule (" + a.text() + ")", List.of(), a);
  }

  private static InputException error(SourceLocation at, String message) {
    return new InputException(new Diagnostic(Diagnostic.Severity.ERROR, at, message));
  }
}
