package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Check Point management export into a {@link CheckpointExport}: the output of {@code
 * mgmt_cli show access-rulebase ... --format json} (one file), or a folder of such outputs (one per
 * layer, or per page of a long layer) with, optionally, {@code show objects} pages beside them. The
 * JSON is parsed with bounded size and nesting; a reference to an object the export does not
 * define, a value Check Point would refuse or a malformed rule is an {@link InputException} listing
 * every error at its line.
 */
public final class CheckpointReader {
  /** What a Check Point export holds near its start. */
  private static final Pattern START =
      Pattern.compile(
          "\"(rulebase|objects-dictionary|domain-type)\"\\s*:"
              + "|\"type\"\\s*:\\s*\"access-(rule|section|layer)\"");

  /** How much of the start of a file {@link #looksLike} looks at. */
  private static final int HEAD = 16 * 1024;

  /** The most files a folder may hold. */
  static final int MAX_FILES = 1000;

  /** An export and what the reader had to say about it, sorted by file and line. */
  public record Result(CheckpointExport export, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private final Diagnostics diagnostics = new Diagnostics();
  private final ObjectReader objects = new ObjectReader();
  private final List<RulebaseReader.Page> pages = new ArrayList<>();

  private CheckpointReader() {}

  /** Whether the text starts like a Check Point management API output (a JSON object). */
  public static boolean looksLike(String text) {
    String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
    return head.stripLeading().startsWith("{") && START.matcher(head).find();
  }

  /** Whether a folder holds a Check Point export: a JSON file that looks like one. */
  public static boolean isExport(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(CheckpointReader::isJson)
          .limit(MAX_FILES)
          .anyMatch(f -> looksLike(head(f)));
    } catch (IOException e) {
      return false;
    }
  }

  /** A folder's export or one file's. */
  public static Result read(Path path) throws InputException {
    CheckpointReader reader = new CheckpointReader();
    if (Files.isDirectory(path)) {
      for (Path f : jsonFiles(path)) {
        reader.file(InputFiles.read(f), f.toString());
      }
    } else {
      reader.file(InputFiles.read(path), path.toString());
    }
    return reader.finish(path.toString());
  }

  /** One file's export. */
  public static Result parse(String text, String file) throws InputException {
    CheckpointReader reader = new CheckpointReader();
    reader.file(text, file);
    return reader.finish(file);
  }

  private static boolean isJson(Path f) {
    return Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json");
  }

  /** The start of a file, as text, for detection. */
  private static String head(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      return new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static List<Path> jsonFiles(Path dir) throws InputException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(CheckpointReader::isJson).sorted().limit(MAX_FILES + 1L).toList();
    } catch (IOException e) {
      throw error(dir.toString(), 0, "cannot list the folder: " + e.getMessage());
    }
    if (files.size() > MAX_FILES) {
      throw error(dir.toString(), 0, "the folder holds more than " + MAX_FILES + " JSON files");
    }
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        throw error(f.toString(), 0, "cannot read: " + e.getMessage());
      }
    }
    if (total > InputFiles.limit()) {
      throw error(
          dir.toString(),
          0,
          "the folder's JSON files are "
              + total
              + " bytes together; the limit is "
              + InputFiles.limit()
              + " (raise it with --max-input-size)");
    }
    return files;
  }

  private void file(String text, String file) throws InputException {
    Tree root = SafeParsers.json(text, file);
    Reading r = new Reading(file, diagnostics);
    if (!(root instanceof Tree.Obj o)) {
      r.error(root.line(), "expected a JSON object, the output of mgmt_cli ... --format json");
      return;
    }
    if (o.fields().get("rulebase") instanceof Tree.Seq) {
      pages.add(new RulebaseReader(objects).read(r, o));
    } else if (o.fields().get("objects") instanceof Tree.Seq seq) {
      for (Tree t : seq.items()) {
        if (t instanceof Tree.Obj x) {
          objects.add(r, x);
        } else {
          r.error(t.line(), "an 'objects' entry that is not an object");
        }
      }
    } else {
      r.error(
          o.line(),
          "neither show access-rulebase output (a 'rulebase' list) nor show objects output"
              + " (an 'objects' list)");
    }
  }

  private Result finish(String source) throws InputException {
    if (pages.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          new SourceLocation(source, 0),
          "holds no show access-rulebase output (a JSON object with a 'rulebase' list), only"
              + " objects");
    }
    CheckpointExport export = new CheckpointExport(source, Pages.layers(pages), objects.objects());
    Reading r = new Reading(source, diagnostics);
    new ReferenceCheck(r, export).check();
    if (r.hasErrors()) {
      throw new InputException(r.errors());
    }
    return new Result(export, r.diagnostics());
  }

  private static InputException error(String file, int line, String message) {
    return new InputException(
        new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(file, line), message));
  }
}
