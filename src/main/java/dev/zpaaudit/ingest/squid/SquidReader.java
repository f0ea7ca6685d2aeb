package dev.zpaaudit.ingest.squid;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.FileReading;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Squid configuration's TLS interception: {@code acl} lines (values inline or from a quoted
 * file, looked up beside the configuration when the path written does not exist), {@code ssl_bump}
 * rules and the ports that bump. Directives that do not bear on it are passed over, as Squid has
 * hundreds; a malformed {@code acl}, an {@code ssl_bump} with an unknown action or naming an
 * undefined ACL, and a missing ACL file are errors at their lines. The files an {@code include}
 * names are not read: where it stands among the {@code ssl_bump} rules, what it may decide is
 * unknown. Rules and ACLs inside an {@code if} block apply or not by how Squid is started, which
 * the configuration does not say: a rule among them, or naming an ACL defined among them, is
 * uncertain.
 */
public final class SquidReader {
  private static final Pattern LOOKS =
      Pattern.compile("^\\s*(http_port|https_port|ssl_bump|http_access)\\s", Pattern.MULTILINE);

  static final Set<String> ACTIONS =
      Set.of(
          "peek", "stare", "splice", "bump", "terminate", "client-first", "server-first", "none");

  /** The ACLs Squid defines itself. */
  static final Set<String> PREDEFINED =
      Set.of("all", "manager", "localhost", "to_localhost", "to_linklocal");

  private final Path file;
  private final Diagnostics d = new Diagnostics();
  private final Map<String, SquidConfig.Acl> acls = new LinkedHashMap<>();
  private final List<SquidConfig.BumpRule> rules = new ArrayList<>();
  private boolean explicit;
  private boolean intercept;

  /** The ACLs some of whose lines stand inside an {@code if} block, by name: the block's line. */
  private final Map<String, String> conditionalAcls = new LinkedHashMap<>();

  private SquidReader(Path file) {
    this.file = file;
  }

  public static boolean looksLike(String text) {
    return LOOKS.matcher(text.length() > 65536 ? text.substring(0, 65536) : text).find();
  }

  public static ParseResult parse(String text, Path file) throws InputException {
    SquidReader r = new SquidReader(file);
    SquidConfig c = r.read(text);
    if (r.d.hasErrors()) {
      throw new InputException(FileReading.sorted(r.d.errors()));
    }
    return SquidConversions.convert(c, r.d.all());
  }

  /** An {@code ssl_bump} line or an unread {@code include}, where it stands and in what. */
  private record Pending(String[] words, Path file, int line, String block, String afterInclude) {}

  /** How deep includes may nest, and how many files a configuration may include in all. */
  static final int MAX_INCLUDE_DEPTH = 16;

  static final int MAX_INCLUDED_FILES = 1000;

  private final List<Pending> pending = new ArrayList<>();
  private final java.util.Set<Path> reading = new java.util.HashSet<>();
  private int includedFiles;

  /** Where the first include whose files were not found stands (null: none so far). */
  private String unreadInclude;

  private SquidConfig read(String text) {
    lines(text, file, 0, new ArrayList<>());
    for (Pending p : pending) {
      bumpRule(p);
    }
    return new SquidConfig(file.toString(), acls, rules, explicit, intercept);
  }

  /** The directives of one file, the configuration or one it includes. */
  private void lines(String text, Path from, int depth, List<String> blocks) {
    Path self = from.toAbsolutePath().normalize();
    reading.add(self);
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] w = line.split("\\s+");
      String block = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      switch (w[0]) {
        case "acl" -> {
          acl(w, from, n);
          if (block != null && w.length > 1) {
            conditionalAcls.putIfAbsent(w[1], block);
          }
        }
        case "ssl_bump" -> pending.add(new Pending(w, from, n, block, unreadInclude));
        case SquidConfig.INCLUDE -> include(w, from, n, depth, blocks);
        case "http_port", "https_port" -> port(w);
        case "if" -> blocks.add("'" + line + "' (" + where(from, n) + ")");
        case "endif" -> {
          if (!blocks.isEmpty()) {
            blocks.remove(blocks.size() - 1);
          }
        }
        default -> {
          // every other directive: no bearing on which TLS is decrypted
        }
      }
    }
    reading.remove(self);
  }

  /**
   * {@code include FILE...}: each file read in place, found as written or beside the configuration;
   * the ones not found stand among the rules as unknown.
   */
  private void include(String[] w, Path from, int n, int depth, List<String> blocks) {
    List<String> missing = new ArrayList<>();
    for (int i = 1; i < w.length; i++) {
      List<Path> found = IncludedFiles.find(w[i], file);
      if (found.isEmpty()) {
        missing.add(w[i]);
      }
      for (Path f : found) {
        if (reading.contains(f.toAbsolutePath().normalize())) {
          d.warning(
              new SourceLocation(from.toString(), n),
              "include " + w[i] + ": " + f + " is being read already; not read again");
          continue;
        }
        if (depth + 1 > MAX_INCLUDE_DEPTH || ++includedFiles > MAX_INCLUDED_FILES) {
          error(
              from,
              n,
              "include "
                  + w[i]
                  + ": more than "
                  + MAX_INCLUDE_DEPTH
                  + " levels or "
                  + MAX_INCLUDED_FILES
                  + " files of includes");
          return;
        }
        try {
          lines(InputFiles.read(f), f, depth + 1, blocks);
        } catch (InputException e) {
          d.addAll(e.errors());
        }
      }
    }
    if (!missing.isEmpty()) {
      String[] marker = new String[missing.size() + 1];
      marker[0] = SquidConfig.INCLUDE;
      for (int i = 0; i < missing.size(); i++) {
        marker[i + 1] = missing.get(i);
      }
      String block = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      pending.add(new Pending(marker, from, n, block, unreadInclude));
      if (unreadInclude == null) {
        unreadInclude = where(from, n);
      }
    }
  }

  private String where(Path f, int line) {
    return SquidConfig.where(file.toString(), f.toString(), line);
  }

  private void port(String[] w) {
    boolean bumps = false;
    boolean intercepted = false;
    for (String x : w) {
      bumps |= x.equals("ssl-bump");
      intercepted |= x.equals("intercept") || x.equals("tproxy") || x.equals("transparent");
    }
    if (bumps) {
      intercept |= intercepted || w[0].equals("https_port");
      explicit |= !intercepted && w[0].equals("http_port");
    }
  }

  private void acl(String[] w, Path from, int line) {
    if (w.length < 3) {
      error(from, line, "acl needs a name and a type");
      return;
    }
    List<String> values = new ArrayList<>();
    for (int i = 3; i < w.length; i++) {
      String v = w[i];
      if (v.equals("-i") || v.equals("-n") || v.equals("+i")) {
        continue;
      }
      if (v.startsWith("\"") && v.endsWith("\"") && v.length() > 2) {
        values.addAll(sideFile(v.substring(1, v.length() - 1), from, line));
      } else {
        values.add(v);
      }
    }
    SquidConfig.Acl old = acls.get(w[1]);
    if (old != null && !old.type().equals(w[2])) {
      error(from, line, "acl " + w[1] + " is of type " + old.type() + ", not " + w[2]);
      return;
    }
    if (old != null) {
      values.addAll(0, old.values());
    }
    acls.put(w[1], new SquidConfig.Acl(w[1], w[2], values, old == null ? line : old.line()));
  }

  /** The values of an ACL file, one a line, {@code #} starting a comment. */
  private List<String> sideFile(String name, Path from, int line) {
    Path p = Path.of(name);
    Path beside = file.toAbsolutePath().getParent().resolve(p.getFileName());
    Path found = Files.isRegularFile(p) ? p : Files.isRegularFile(beside) ? beside : null;
    if (found == null) {
      error(
          from,
          line,
          "ACL file "
              + name
              + " does not exist (nor "
              + beside.getFileName()
              + " beside the configuration)");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      for (String l : InputFiles.read(found).split("\n")) {
        String t = l.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (InputException e) {
      error(from, line, "ACL file " + found + " cannot be read");
    }
    return out;
  }

  private void bumpRule(Pending p) {
    String[] w = p.words();
    int line = p.line();
    List<String> doubts = new ArrayList<>();
    if (p.block() != null) {
      doubts.add("inside " + p.block() + ", which applies by how Squid is started");
    }
    String text = String.join(" ", w);
    String file = p.file().toString();
    if (w[0].equals(SquidConfig.INCLUDE)) {
      rules.add(new SquidConfig.BumpRule(SquidConfig.INCLUDE, List.of(), text, file, line, doubts));
      return;
    }
    if (w.length < 2 || !ACTIONS.contains(w[1])) {
      error(
          p.file(),
          line,
          "ssl_bump needs an action (peek, stare, splice, bump, terminate), not '"
              + (w.length < 2 ? "" : w[1])
              + "'");
      return;
    }
    List<SquidConfig.AclRef> refs = new ArrayList<>();
    for (int i = 2; i < w.length; i++) {
      boolean neg = w[i].startsWith("!");
      String name = neg ? w[i].substring(1) : w[i];
      if (!PREDEFINED.contains(name) && !acls.containsKey(name)) {
        if (p.afterInclude() != null) {
          doubts.add(
              "acl '"
                  + name
                  + "' is not defined here: the include at "
                  + p.afterInclude()
                  + " may define it");
          continue;
        }
        error(p.file(), line, "ssl_bump names acl '" + name + "', which is not defined");
      }
      if (conditionalAcls.containsKey(name)) {
        doubts.add("acl '" + name + "' is defined inside " + conditionalAcls.get(name));
      }
      refs.add(new SquidConfig.AclRef(name, neg));
    }
    rules.add(new SquidConfig.BumpRule(w[1], refs, text, file, line, doubts));
  }

  private void error(Path f, int line, String message) {
    d.error(new SourceLocation(f.toString(), line), message);
  }
}
