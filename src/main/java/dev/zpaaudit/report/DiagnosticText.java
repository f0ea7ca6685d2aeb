package dev.zpaaudit.report;

import static dev.zpaaudit.report.TextLayout.LIST_LIMIT;
import static dev.zpaaudit.report.TextLayout.count;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The diagnostics section of the text report. Up to {@value TextLayout#LIST_LIMIT} are listed one
 * by one; more are counted by kind (severity and {@link Diagnostic#kind()}, else the message), with
 * the places each kind was found: "mac: 885 warnings: match 'mac' (...) is not modelled; ...".
 */
final class DiagnosticText {
  private DiagnosticText() {}

  /** One kind of diagnostic and where it was found, in report order. */
  record Group(Severity severity, String kind, List<Diagnostic> members) {
    String message() {
      String first = members.get(0).message();
      if (members.stream().allMatch(d -> d.message().equals(first))) {
        return first;
      }
      String template = withoutDetails(first);
      if (members.stream().allMatch(d -> withoutDetails(d.message()).equals(template))) {
        return template;
      }
      return "e.g. " + first;
    }
  }

  static void render(StringBuilder sb, List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return;
    }
    sb.append("\ndiagnostics (").append(totals(diagnostics));
    if (diagnostics.size() <= LIST_LIMIT) {
      sb.append("):\n");
      for (Diagnostic d : diagnostics) {
        TextLayout.words(sb, "  ", d.format(), 4);
      }
      return;
    }
    List<Group> groups = groups(diagnostics);
    sb.append(", in ")
        .append(count(groups.size(), "kind", "kinds"))
        .append("; the JSON report lists each):\n");
    int shown = Math.min(groups.size(), LIST_LIMIT);
    for (Group g : groups.subList(0, shown)) {
      group(sb, g);
    }
    if (shown < groups.size()) {
      int rest =
          groups.subList(shown, groups.size()).stream().mapToInt(g -> g.members().size()).sum();
      TextLayout.words(
          sb,
          "  ",
          "... and "
              + count(groups.size() - shown)
              + " more kinds, "
              + count(rest, "diagnostic", "diagnostics")
              + " (see the JSON report)",
          4);
    }
  }

  /** "885 warnings, 2 errors", most severe first. */
  static String totals(List<Diagnostic> diagnostics) {
    Map<Severity, Integer> n = new EnumMap<>(Severity.class);
    diagnostics.forEach(d -> n.merge(d.severity(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    n.forEach((s, k) -> parts.add(count(k, s.label(), s.label() + "s")));
    return String.join(", ", parts);
  }

  /** Diagnostics of one severity and kind together: most severe first, then the most numerous. */
  static List<Group> groups(List<Diagnostic> diagnostics) {
    Map<List<Object>, List<Diagnostic>> byKey = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      String kind = d.kind();
      List<Object> key = List.of(d.severity(), kind == null ? "message:" + d.message() : kind);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<Group> out = new ArrayList<>();
    byKey.forEach(
        (key, members) ->
            out.add(new Group((Severity) key.get(0), members.get(0).kind(), members)));
    out.sort(
        Comparator.comparing(Group::severity)
            .thenComparing(g -> -g.members().size())
            .thenComparing(g -> g.members().get(0).location()));
    return out;
  }

  private static void group(StringBuilder sb, Group g) {
    if (g.members().size() == 1) {
      TextLayout.words(sb, "  ", g.members().get(0).format(), 4);
      return;
    }
    String message = Diagnostic.printable(g.message());
    boolean named = g.kind() != null && !message.startsWith(g.kind());
    String label = named ? g.kind() + ": " : "";
    String counted = count(g.members().size(), g.severity().label(), g.severity().label() + "s");
    TextLayout.words(sb, "  " + label + counted + ": ", message, 4);
    TextLayout.units(sb, "    at ", TextLayout.listUnits(places(g.members())), 6);
  }

  /** file:12, :15, :16: each place once, the file named once for a run of places in it. */
  static List<String> places(List<Diagnostic> members) {
    List<String> out = new ArrayList<>();
    String file = null;
    SourceLocation previous = null;
    for (Diagnostic d : members) {
      SourceLocation at = d.location();
      if (at.equals(previous)) {
        continue;
      }
      previous = at;
      boolean sameFile = Objects.equals(file, at.file()) && at.line() > 0;
      out.add(sameFile ? ":" + at.line() : at.toString());
      file = at.file();
    }
    return out;
  }

  /** The message with what is in parentheses left out: "match 'recent' (...) is not modelled". */
  static String withoutDetails(String message) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (char c : message.toCharArray()) {
      if (c == '(') {
        if (depth++ == 0) {
          sb.append("(...)");
        }
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
