package dev.zpaaudit.cli;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Fingerprints;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.Suppression;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A suppression file (YAML): a list of accepted findings, each {@code fingerprint} (from the JSON
 * report), {@code reason} and {@code expires} (YYYY-MM-DD). Unknown keys, a missing field and a bad
 * date are errors at their lines. Applied to a report: a finding suppressed until a date not past
 * is flagged and does not fail the run; an expired suppression is said and no longer applies; one
 * that matches no finding is said.
 */
final class Suppressions {
  private static final Set<String> KEYS = Set.of("fingerprint", "reason", "expires");

  private Suppressions() {}

  static List<Suppression> read(Path file) throws InputException {
    Tree root = SafeParsers.yaml(InputFiles.read(file), file.toString());
    Diagnostics d = new Diagnostics();
    List<Suppression> out = new ArrayList<>();
    if (!(root instanceof Tree.Seq list)) {
      d.error(at(file, root), "a suppression file is a list of {fingerprint, reason, expires}");
    } else {
      for (Tree t : list.items()) {
        entry(file, t, d).ifPresent(out::add);
      }
    }
    if (d.hasErrors()) {
      List<Diagnostic> e = new ArrayList<>(d.errors());
      e.sort(Diagnostic.ORDER);
      throw new InputException(e);
    }
    return out;
  }

  private static Optional<Suppression> entry(Path file, Tree t, Diagnostics d) {
    if (!(t instanceof Tree.Obj o)) {
      d.error(at(file, t), "a suppression is a mapping of fingerprint, reason and expires");
      return Optional.empty();
    }
    for (Map.Entry<String, Tree> f : o.fields().entrySet()) {
      if (!KEYS.contains(f.getKey())) {
        d.error(
            at(file, f.getValue()),
            "unknown key '" + f.getKey() + "' (expected expires, fingerprint, reason)");
      }
    }
    Optional<String> fp = text(o, "fingerprint");
    if (o.get("fingerprint").orElse(null) instanceof Tree.Scalar v && !v.isString()) {
      d.error(at(file, v), "fingerprint " + v.text() + " is read as a number: quote it");
      return Optional.empty();
    }
    Optional<String> reason = text(o, "reason");
    Optional<String> expires = text(o, "expires");
    for (String k : List.of("fingerprint", "reason", "expires")) {
      if (text(o, k).filter(v -> !v.isBlank()).isEmpty()) {
        d.error(at(file, o), "the suppression has no " + k);
      }
    }
    if (fp.isEmpty() || reason.isEmpty() || expires.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Suppression(
              fp.get(), reason.get(), LocalDate.parse(expires.get()), file.toString(), o.line()));
    } catch (DateTimeParseException e) {
      d.error(
          at(file, o.get("expires").get()),
          "expires '" + expires.get() + "' is not a date YYYY-MM-DD");
      return Optional.empty();
    }
  }

  /** The report with the suppressions that apply, and what was said about the others. */
  static Report apply(Report r, List<Suppression> list, LocalDate today) {
    Map<String, Suppression> by = new LinkedHashMap<>();
    List<Diagnostic> diags = new ArrayList<>(r.diagnostics());
    for (Suppression s : list) {
      Optional<CheckResult> c =
          r.checks().stream()
              .filter(x -> Fingerprints.of(x, r).equals(s.fingerprint()))
              .filter(x -> x.status() == Status.FAIL || x.status() == Status.INDETERMINATE)
              .findFirst();
      SourceLocation at = new SourceLocation(s.file(), s.line());
      if (c.isEmpty()) {
        diags.add(
            warning(at, "suppression of " + s.fingerprint() + " matches no finding of this run"));
      } else if (s.expires().isBefore(today)) {
        diags.add(
            warning(
                at,
                "suppression of "
                    + c.get().id()
                    + " expired on "
                    + s.expires()
                    + ": the finding counts again"));
      } else {
        by.put(c.get().id(), s);
      }
    }
    return new Report(r.command(), r.ranges(), r.inputs(), r.context(), r.checks(), diags, by);
  }

  private static Diagnostic warning(SourceLocation at, String message) {
    return new Diagnostic(Diagnostic.Severity.WARNING, at, message);
  }

  private static Optional<String> text(Tree.Obj o, String key) {
    return o.get(key).filter(t -> t instanceof Tree.Scalar).map(t -> ((Tree.Scalar) t).text());
  }

  private static SourceLocation at(Path file, Tree t) {
    return new SourceLocation(file.toString(), t.line());
  }
}
