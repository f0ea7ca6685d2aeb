package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure's service tags and their address prefixes, from the file Microsoft publishes
 * (ServiceTags_Public_YYYYMMDD.json) or {@code az network list-service-tags}: {@code values[]},
 * each with a {@code name} and {@code properties.addressPrefixes}. A rule that names a tag found
 * here tests its prefixes exactly; a tag not found stays unknown. Tags names are matched without
 * regard to case, as Azure does.
 */
final class ServiceTags {
  static final ServiceTags NONE = new ServiceTags(Map.of(), null);

  /** A tag's prefixes, per family, and where it is defined. */
  record Tag(String name, IpSet v4, IpSet v6, SourceLocation at) {}

  private final Map<String, Tag> tags;
  private final String file;

  private ServiceTags(Map<String, Tag> tags, String file) {
    this.tags = tags;
    this.file = file;
  }

  /** The tag of this name, if the file defines it. */
  Optional<Tag> get(String name) {
    return Optional.ofNullable(tags.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The file the tags were read from (null when none was given). */
  String file() {
    return file;
  }

  /** Whether a document is a service tags file. */
  static boolean looksLike(String text) {
    String head = text.length() > 65536 ? text.substring(0, 65536) : text;
    return head.contains("\"values\"")
        && head.contains("\"addressPrefixes\"")
        && !head.contains("\"securityRules\"");
  }

  /** Reads one service tags file; errors go to {@code diagnostics}. */
  static ServiceTags read(String text, String file, Diagnostics diagnostics) throws InputException {
    Tree root = SafeParsers.json(text, file);
    Map<String, Tag> out = new HashMap<>();
    if (!(root instanceof Tree.Obj o) || !(o.get("values").orElse(null) instanceof Tree.Seq s)) {
      diagnostics.error(
          new SourceLocation(file, root.line()), "a service tags file has a list 'values'");
      return new ServiceTags(out, file);
    }
    for (Tree item : s.items()) {
      tag(item, file, diagnostics).ifPresent(t -> out.put(t.name().toLowerCase(Locale.ROOT), t));
    }
    return new ServiceTags(out, file);
  }

  private static Optional<Tag> tag(Tree item, String file, Diagnostics diagnostics) {
    SourceLocation at = new SourceLocation(file, item.line());
    if (!(item instanceof Tree.Obj o)
        || !(o.get("name").orElse(null) instanceof Tree.Scalar name)
        || !(o.get("properties").orElse(null) instanceof Tree.Obj props)
        || !(props.get("addressPrefixes").orElse(null) instanceof Tree.Seq prefixes)) {
      diagnostics.error(at, "a service tag has a 'name' and 'properties.addressPrefixes'");
      return Optional.empty();
    }
    List<IpSet> v4 = new ArrayList<>();
    List<IpSet> v6 = new ArrayList<>();
    for (Tree p : prefixes.items()) {
      Optional<IpSet> set =
          p instanceof Tree.Scalar sc && sc.value() instanceof String str
              ? IpSet.tryParse(str)
              : Optional.empty();
      if (set.isEmpty()) {
        diagnostics.error(
            new SourceLocation(file, p.line()),
            "service tag '" + name.text() + "': '" + text(p) + "' is not an address prefix");
      } else {
        (set.get().family() == AddressFamily.IPV4 ? v4 : v6).add(set.get());
      }
    }
    return Optional.of(
        new Tag(
            name.text(),
            IpSet.unionAll(AddressFamily.IPV4, v4),
            IpSet.unionAll(AddressFamily.IPV6, v6),
            at));
  }

  private static String text(Tree t) {
    return t instanceof Tree.Scalar s ? s.text() : "?";
  }
}
