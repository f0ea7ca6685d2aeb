package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code osHardening.unsupportedOs}: {@code [{ids: [...], versionMajor: "7", reason}]}. */
final class UnsupportedOsList {
  private UnsupportedOsList() {}

  static List<HostRules.UnsupportedOs> read(RuleDoc doc, Diagnostics d) {
    List<HostRules.UnsupportedOs> out = new ArrayList<>();
    RuleDoc.Located l = doc.find("osHardening.unsupportedOs");
    if (l == null) {
      return out;
    }
    if (!(l.node() instanceof Tree.Seq seq)) {
      d.error(l.at(), "'osHardening.unsupportedOs' must be a list");
      return out;
    }
    for (Tree t : seq.items()) {
      if (!(t instanceof Tree.Obj o)
          || o.get("ids").isEmpty()
          || o.get("versionMajor").isEmpty()
          || o.get("reason").isEmpty()) {
        d.error(
            RuleDoc.at(l.file(), t), "an unsupportedOs entry needs ids, versionMajor and reason");
        continue;
      }
      List<String> ids = doc.strings(l.file(), o.get("ids").get(), "ids");
      if (ids == null) {
        continue;
      }
      out.add(
          new HostRules.UnsupportedOs(
              ids.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(),
              scalar(o, "versionMajor"),
              scalar(o, "reason"),
              RuleDoc.at(l.file(), t)));
    }
    return out;
  }

  private static String scalar(Tree.Obj o, String key) {
    Tree t = o.get(key).orElseThrow();
    return t instanceof Tree.Scalar s ? s.text() : t.toString();
  }
}
