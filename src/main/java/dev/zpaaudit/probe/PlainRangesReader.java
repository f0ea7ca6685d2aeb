package dev.zpaaudit.probe;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads ranges as plain text: one CIDR or bare address a line, {@code #} starts a comment. */
public final class PlainRangesReader {
  private PlainRangesReader() {}

  public static ZenRanges read(Path file) throws InputException {
    return parse(InputFiles.read(file), file.toString());
  }

  public static ZenRanges parse(String text, String file) throws InputException {
    List<IpSet> v4 = new ArrayList<>();
    List<IpSet> v6 = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String s = lines[i];
      int hash = s.indexOf('#');
      s = (hash >= 0 ? s.substring(0, hash) : s).trim();
      if (s.isEmpty()) {
        continue;
      }
      Optional<IpSet> set = s.contains("-") ? Optional.empty() : IpSet.tryParse(s);
      if (set.isEmpty()) {
        errors.add(new Diagnostic(Severity.ERROR, new SourceLocation(file, i + 1),
            "not a CIDR or IP address: '" + s + "'"));
      } else if (set.get().family() == 4) {
        v4.add(set.get());
      } else {
        v6.add(set.get());
      }
    }
    if (!errors.isEmpty()) {
      throw new InputException(errors);
    }
    if (v4.isEmpty() && v6.isEmpty()) {
      throw new InputException(new Diagnostic(Severity.ERROR, new SourceLocation(file, 0),
          "no ranges in the file"));
    }
    return new ZenRanges(IpSet.unionAll(4, v4), IpSet.unionAll(6, v6), file, v4.size() + v6.size());
  }
}
