package dev.zpaaudit.ingest.ranges;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the published ranges: the vendor's JSON feed ({"Cloud Name", "content": [rows]}), whose
 * connector rows are selected by their Source, or plain text (one CIDR or address per line, '#'
 * comments). Bad entries are errors with their line; a file without any range is an error.
 */
public final class RangesReader {
  /** The Source value that marks the rows a connector needs. */
  public static final String CONNECTOR_SOURCE = "Connector";

  private RangesReader() {}

  public static PublishedRanges read(Path file) throws InputException {
    String text = InputFiles.read(file);
    return parse(text, file.toString(), file.toString(), "date not stated");
  }

  /** The snapshot embedded in the tool (rules/zpa-ranges), with its provenance. */
  public static PublishedRanges embedded() {
    Properties p = new Properties();
    try (InputStream meta =
        RangesReader.class.getResourceAsStream("/rules/zpa-ranges/snapshot.properties")) {
      if (meta == null) {
        throw new IllegalStateException("the embedded range snapshot is missing from the build");
      }
      p.load(meta);
      String name = "rules/zpa-ranges/" + p.getProperty("file");
      try (InputStream in = RangesReader.class.getResourceAsStream("/" + name)) {
        String text = InputFiles.decode(in.readAllBytes(), new SourceLocation(name, 0));
        return parse(text, name, p.getProperty("source"), p.getProperty("date"));
      }
    } catch (IOException | InputException e) {
      throw new IllegalStateException(
          "the embedded range snapshot cannot be read: " + e.getMessage(), e);
    }
  }

  public static PublishedRanges parse(String text, String file, String source, String date)
      throws InputException {
    String t = text.stripLeading();
    PublishedRanges r =
        t.startsWith("{") ? json(text, file, source, date) : plain(text, file, source, date);
    if (r.entries().isEmpty()) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(file, 0),
              "no ranges found"
                  + (t.startsWith("{")
                      ? " in rows whose Source names the " + CONNECTOR_SOURCE
                      : "")));
    }
    return r;
  }

  private static PublishedRanges plain(String text, String file, String source, String date)
      throws InputException {
    Diagnostics d = new Diagnostics();
    List<PublishedRanges.Entry> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      String v = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (v.isEmpty()) {
        continue;
      }
      SourceLocation at = new SourceLocation(file, i + 1);
      Optional<IpSet> s = v.contains("-") ? Optional.empty() : IpSet.tryParse(v);
      if (s.isEmpty()) {
        d.error(at, "'" + v + "' is not an IPv4 or IPv6 address or CIDR");
      } else {
        out.add(new PublishedRanges.Entry(v, s.get(), at));
      }
    }
    if (d.hasErrors()) {
      throw new InputException(d.errors());
    }
    return new PublishedRanges(source, date, out, List.of());
  }

  private static PublishedRanges json(String text, String file, String source, String date)
      throws InputException {
    Diagnostics d = new Diagnostics();
    Tree root = SafeParsers.json(text, file);
    if (!(root instanceof Tree.Obj obj)
        || !(obj.fields().get("content") instanceof Tree.Seq rows)) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(file, root.line()),
              "expected the ZPA feed shape {\"Cloud Name\": ..., \"content\": [rows]}"));
    }
    String cloud =
        obj.get("Cloud Name")
            .filter(x -> x instanceof Tree.Scalar)
            .map(x -> ((Tree.Scalar) x).text())
            .orElse("");
    List<PublishedRanges.Entry> out = new ArrayList<>();
    Set<String> domains = new LinkedHashSet<>();
    for (Tree row : rows.items()) {
      if (!(row instanceof Tree.Obj r)) {
        d.error(new SourceLocation(file, row.line()), "a content row must be an object");
        continue;
      }
      String src =
          r.get("Source")
              .filter(x -> x instanceof Tree.Scalar)
              .map(x -> ((Tree.Scalar) x).text())
              .orElse(null);
      if (src == null) {
        d.error(new SourceLocation(file, r.line()), "row has no \"Source\"");
        continue;
      }
      boolean connector =
          List.of(src.split(",")).stream().map(String::strip).anyMatch(CONNECTOR_SOURCE::equals);
      if (!connector) {
        continue;
      }
      r.get("Domains")
          .filter(x -> x instanceof Tree.Scalar)
          .ifPresent(
              x -> {
                for (String dom : ((Tree.Scalar) x).text().split(",")) {
                  if (!dom.isBlank()) {
                    domains.add(dom.strip());
                  }
                }
              });
      Optional<Tree> ips = r.get("IPs");
      if (ips.isEmpty() || !(ips.get() instanceof Tree.Seq list)) {
        d.error(new SourceLocation(file, r.line()), "row has no \"IPs\" list");
        continue;
      }
      for (Tree ip : list.items()) {
        SourceLocation at = new SourceLocation(file, ip.line());
        String v = ip instanceof Tree.Scalar s && s.isString() ? s.text().strip() : null;
        Optional<IpSet> set = v == null || v.contains("-") ? Optional.empty() : IpSet.tryParse(v);
        if (set.isEmpty()) {
          d.error(at, "'" + (v == null ? ip : v) + "' is not an IPv4 or IPv6 address or CIDR");
        } else {
          out.add(new PublishedRanges.Entry(v, set.get(), at));
        }
      }
    }
    if (d.hasErrors()) {
      throw new InputException(d.errors());
    }
    String src = source.equals(file) && !cloud.isEmpty() ? file + " (cloud " + cloud + ")" : source;
    return new PublishedRanges(src, date, out, List.copyOf(domains));
  }
}
