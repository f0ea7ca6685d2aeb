package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.FileReading;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the JSON that the AWS command line prints for {@code aws ec2 describe-*}: a folder of such
 * outputs, or one file. Each file is told by its top-level keys ({@code SecurityGroups}, {@code
 * NetworkAcls}, {@code Subnets}, {@code RouteTables}, {@code Reservations}, {@code
 * NetworkInterfaces}, {@code Vpcs}, {@code PrefixLists}, {@code NatGateways}, and the {@code
 * Entries} of a prefix list), not by its name; one file may hold several. Every file is bounded in
 * size and nesting; an error is said at its file and line, and all of them are said before reading
 * stops.
 */
public final class AwsReader {
  static final String SECURITY_GROUPS = "SecurityGroups";
  static final String NETWORK_ACLS = "NetworkAcls";
  static final String SUBNETS = "Subnets";
  static final String ROUTE_TABLES = "RouteTables";
  static final String RESERVATIONS = "Reservations";
  static final String NETWORK_INTERFACES = "NetworkInterfaces";
  static final String VPCS = "Vpcs";
  static final String PREFIX_LISTS = "PrefixLists";
  static final String NAT_GATEWAYS = "NatGateways";
  static final String ENTRIES = "Entries";

  /** The top-level keys of the outputs read. */
  static final Set<String> KEYS =
      Set.of(
          SECURITY_GROUPS,
          NETWORK_ACLS,
          SUBNETS,
          ROUTE_TABLES,
          RESERVATIONS,
          NETWORK_INTERFACES,
          VPCS,
          PREFIX_LISTS,
          NAT_GATEWAYS);

  /** Most files a folder may hold. */
  static final int MAX_FILES = 1000;

  /** The first key of a JSON object. */
  private static final Pattern FIRST_KEY = Pattern.compile("\\A\\s*\\{\\s*\"(\\w+)\"\\s*:");

  /** The name of a file that holds a prefix list's entries: the list's id. */
  private static final Pattern LIST_FILE = Pattern.compile("^(pl-[0-9a-f]+)\\.json$");

  private AwsReader() {}

  /** How much of the start of a file {@link #looksLike} looks at. */
  private static final int HEAD = 4096;

  /** Whether the text is a JSON object whose first key is one of a describe-* output read here. */
  public static boolean looksLike(String text) {
    Matcher m = FIRST_KEY.matcher(text.length() > HEAD ? text.substring(0, HEAD) : text);
    return m.find() && KEYS.contains(m.group(1));
  }

  /** Whether a folder holds at least one file that {@link #looksLike} a describe-* output. */
  public static boolean isExport(Path dir) throws InputException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    for (Path f : files(dir)) {
      if (isJson(f) && Files.isRegularFile(f) && looksLike(InputFiles.head(f, HEAD))) {
        return true;
      }
    }
    return false;
  }

  /** An export and what was said about it, sorted by file and line. */
  record Result(Ec2Export export, List<Diagnostic> diagnostics) {
    Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads a folder of describe-* outputs. */
  static Result read(Path dir) throws InputException {
    Diagnostics d = new Diagnostics();
    ExportBuilder b = new ExportBuilder(dir.toString());
    for (Path f : files(dir)) {
      readFile(f, b, d);
    }
    return result(dir.toString(), b, d);
  }

  /** Reads one file of describe-* output (one or several, each under its top-level key). */
  static Result parse(String text, String file) throws InputException {
    Diagnostics d = new Diagnostics();
    ExportBuilder b = new ExportBuilder(file);
    add(SafeParsers.json(text, file), new Reading(file, d), b, Path.of(file).getFileName());
    return result(file, b, d);
  }

  private static Result result(String path, ExportBuilder b, Diagnostics d) throws InputException {
    if (d.hasErrors()) {
      throw new InputException(FileReading.sorted(d.errors()));
    }
    Ec2Export export = b.build();
    if (export.read().isEmpty()) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(path, 0),
              "no EC2 describe-* output here (JSON objects with "
                  + String.join(", ", KEYS.stream().sorted().toList())
                  + ")"));
    }
    return new Result(export, FileReading.sorted(d.all()));
  }

  private static void readFile(Path f, ExportBuilder b, Diagnostics d) throws InputException {
    Reading r = new Reading(f.toString(), d);
    if (Files.isDirectory(f)) {
      r.warning(0, "not read: a folder inside the export folder");
      return;
    }
    if (!isJson(f)) {
      r.warning(0, "not read: not a .json file");
      return;
    }
    add(SafeParsers.json(InputFiles.read(f), f.toString()), r, b, f.getFileName());
  }

  private static void add(Tree t, Reading r, ExportBuilder b, Path name) {
    if (!(t instanceof Tree.Obj o)) {
      r.error(t.line(), "expected the JSON object that aws ec2 describe-* prints");
      return;
    }
    Matcher list = LIST_FILE.matcher(name == null ? "" : name.toString());
    b.add(new Node(o, r), list.matches() ? list.group(1) : null);
  }

  private static boolean isJson(Path f) {
    return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** The entries of a folder, sorted by name; at most {@link #MAX_FILES}. */
  private static List<Path> files(Path dir) throws InputException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> out = new ArrayList<>(s.sorted().limit(MAX_FILES + 1L).toList());
      if (out.size() > MAX_FILES) {
        throw new InputException(
            new Diagnostic(
                Diagnostic.Severity.ERROR,
                new SourceLocation(dir.toString(), 0),
                "the folder holds more than " + MAX_FILES + " files"));
      }
      return out;
    } catch (IOException e) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(dir.toString(), 0),
              "cannot read the folder: " + e.getMessage()));
    }
  }
}
