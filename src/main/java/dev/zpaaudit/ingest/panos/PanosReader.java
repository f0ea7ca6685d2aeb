package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.entries;
import static dev.zpaaudit.ingest.panos.Elements.name;
import static dev.zpaaudit.ingest.panos.Elements.text;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.panos.PanosResolver.Scope;
import dev.zpaaudit.io.SafeXml;
import dev.zpaaudit.io.XmlElement;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a PAN-OS running config (firewall or Panorama XML) into a {@link PanosConfig}. Malformed or
 * unsafe XML is an {@link InputException}; everything else is read as far as it goes, with
 * diagnostics: errors for what is wrong (an undefined name, a group that contains itself, a value
 * PAN-OS would refuse), warnings for what is not modelled (see {@link PanosSupport}).
 */
public final class PanosReader {
  private static final Set<String> PANORAMA_ONLY =
      Set.of("device-group", "template", "template-stack");

  /** A config and what the reader had to say about it, sorted by line. */
  public record Result(PanosConfig config, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private PanosReader() {}

  public static Result read(Path file) throws InputException {
    return read(SafeXml.read(file), file.toString());
  }

  public static Result parse(String text, String file) throws InputException {
    return read(SafeXml.parse(text, file), file);
  }

  static Result read(XmlElement root, String file) throws InputException {
    if (!root.name().equals("config")) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(file, root.line()),
              "not a PAN-OS config: the root element is <" + root.name() + ">, not <config>"));
    }
    Reading r = new Reading(file);
    new SupportCheck(r).walk(root, PanosSupport.Node.CONFIG);
    PanosConfig config = config(r, root, file);
    checkParents(r, config.deviceGroups());
    checkReferences(r, config);
    return new Result(config, r.diagnostics());
  }

  private static PanosConfig config(Reading r, XmlElement root, String file) {
    ScopeReader scopes = new ScopeReader(r);
    SharedScope shared = scopes.shared(root.child("shared"));
    Map<String, String> parents = parents(r, root);
    List<Vsys> vsys = new ArrayList<>();
    List<XmlElement> networks = new ArrayList<>();
    List<DeviceGroup> groups = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    for (XmlElement d : entries(r, root, "devices")) {
      vsys.addAll(scopes.vsys(d));
      d.child("network").ifPresent(networks::add);
      groups.addAll(scopes.deviceGroups(d, parents));
      templates.addAll(scopes.templates(d));
    }
    return new PanosConfig(
        file,
        isPanorama(root) ? PanosConfig.Platform.PANORAMA : PanosConfig.Platform.FIREWALL,
        root.attribute("version").orElse(""),
        shared,
        vsys,
        scopes.network(networks),
        groups,
        templates);
  }

  /** Panorama's settings, shared rulebases, or device groups and templates make it Panorama. */
  private static boolean isPanorama(XmlElement root) {
    boolean sharedRules =
        root.child("shared")
            .map(s -> s.child("pre-rulebase").isPresent() || s.child("post-rulebase").isPresent())
            .orElse(false);
    boolean groupsOrTemplates =
        root.child("devices").stream()
            .flatMap(d -> d.children("entry").stream())
            .flatMap(d -> d.children().stream())
            .anyMatch(c -> PANORAMA_ONLY.contains(c.name()));
    return root.child("panorama").isPresent() || sharedRules || groupsOrTemplates;
  }

  /**
   * Each device group's parent, as Panorama records it in the readonly section: {@code
   * readonly/devices/entry/device-group/entry/parent-dg} (8.0 on) or {@code
   * readonly/dg-meta-data/dginfo/entry/parent-dg} (before). A group with none is under shared.
   */
  private static Map<String, String> parents(Reading r, XmlElement root) {
    Map<String, String> parents = new HashMap<>();
    Optional<XmlElement> ro = root.child("readonly");
    if (ro.isEmpty()) {
      return parents;
    }
    List<XmlElement> groups = new ArrayList<>();
    for (XmlElement d : entries(r, ro.get(), "devices")) {
      groups.addAll(entries(r, d, "device-group"));
    }
    ro.get().child("dg-meta-data").ifPresent(m -> groups.addAll(entries(r, m, "dginfo")));
    for (XmlElement g : groups) {
      text(g, "parent-dg").ifPresent(p -> parents.put(name(g), p));
    }
    return parents;
  }

  private static void checkParents(Reading r, List<DeviceGroup> groups) {
    for (DeviceGroup g : groups) {
      Optional<String> parent = g.parent();
      if (parent.isPresent() && DeviceGroups.find(groups, parent.get()).isEmpty()) {
        r.error(
            g.line(),
            "device group '"
                + g.name()
                + "': parent device group '"
                + parent.get()
                + "' is not defined");
      }
      List<DeviceGroup> lineage = DeviceGroups.ancestry(groups, g);
      Optional<String> above = lineage.get(lineage.size() - 1).parent();
      if (above.isPresent() && above.get().equals(g.name())) {
        List<String> names = new ArrayList<>(lineage.stream().map(DeviceGroup::name).toList());
        names.add(g.name());
        r.error(
            g.line(),
            "device group '" + g.name() + "' is its own ancestor: " + String.join(" -> ", names));
      }
    }
  }

  private static void checkReferences(Reading r, PanosConfig config) {
    ReferenceCheck check = new ReferenceCheck(r);
    Scope shared = new Scope("shared", config.shared().objects());
    check.scope(
        new PanosResolver(List.of(shared)),
        List.of(config.shared().preRulebase(), config.shared().postRulebase()));
    for (Vsys v : config.vsys()) {
      Scope own = new Scope("vsys '" + v.name() + "'", v.objects());
      check.scope(new PanosResolver(List.of(own, shared)), List.of(v.rulebase()));
    }
    for (DeviceGroup g : config.deviceGroups()) {
      List<Scope> lineage = new ArrayList<>();
      for (DeviceGroup a : DeviceGroups.ancestry(config.deviceGroups(), g)) {
        lineage.add(new Scope("device group '" + a.name() + "'", a.objects()));
      }
      lineage.add(shared);
      check.scope(new PanosResolver(lineage), List.of(g.preRulebase(), g.postRulebase()));
    }
  }
}
