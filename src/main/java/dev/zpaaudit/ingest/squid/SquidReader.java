package dev.zpaaudit.ingest.squid;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
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

  /** The line of the first {@code include} (0: none). */
  private int firstInclude;

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
      List<Diagnostic> errors = new ArrayList<>(r.d.errors());
      errors.sort(Diagnostic.ORDER);
      throw new InputException(errors);
    }
    return SquidConversions.convert(c, r.d.all());
  }

  private SquidConfig read(String text) {
    int n = 0;
    List<String[]> bump = new ArrayList<>();
    List<Integer> bumpLines = new ArrayList<>();
    List<String> bumpBlocks = new ArrayList<>();
    List<String> blocks = new ArrayList<>(); // the if blocks open at this line
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
          acl(w, n);
          if (block != null && w.length > 1) {
            conditionalAcls.putIfAbsent(w[1], block);
          }
        }
        case "ssl_bump", SquidConfig.INCLUDE -> {
          bump.add(w);
          bumpLines.add(n);
          bumpBlocks.add(block);
          if (w[0].equals(SquidConfig.INCLUDE) && firstInclude == 0) {
            firstInclude = n;
          }
        }
        case "http_port", "https_port" -> port(w);
        case "if" -> blocks.add("'" + line + "' (line " + n + ")");
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
    for (int i = 0; i < bump.size(); i++) {
      bumpRule(bump.get(i), bumpLines.get(i), bumpBlocks.get(i));
    }
    return new SquidConfig(file.toString(), acls, rules, explicit, intercept);
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

  private void acl(String[] w, int line) {
    if (w.length < 3) {
      error(line, "acl needs a name and a type");
      return;
    }
    List<String> values = new ArrayList<>();
    for (int i = 3; i < w.length; i++) {
      String v = w[i];
      if (v.equals("-i") || v.equals("-n") || v.equals("+i")) {
        continue;
      }
      if (v.startsWith("\"") && v.endsWith("\"") && v.length() > 2) {
        values.addAll(sideFile(v.substring(1, v.length() - 1), line));
      } else {
        values.add(v);
      }
    }
    SquidConfig.Acl old = acls.get(w[1]);
    if (old != null && !old.type().equals(w[2])) {
      error(line, "acl " + w[1] + " is of type " + old.type() + ", not " + w[2]);
      return;
    }
    if (old != null) {
      values.addAll(0, old.values());
    }
    acls.put(w[1], new SquidConfig.Acl(w[1], w[2], values, old == null ? line : old.line()));
  }

  /** The values of an ACL file, one a line, {@code #} starting a comment. */
  private List<String> sideFile(String name, int line) {
    Path p = Path.of(name);
    Path beside = file.toAbsolutePath().getParent().resolve(p.getFileName());
    Path found = Files.isRegularFile(p) ? p : Files.isRegularFile(beside) ? beside : null;
    if (found == null) {
      error(
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
      error(line, "ACL file " + found + " cannot be read");
    }
    return out;
  }

  private void bumpRule(String[] w, int line, String block) {
    List<String> doubts = new ArrayList<>();
    if (block != null) {
      doubts.add("inside " + block + ", which applies by how Squid is started");
    }
    if (w[0].equals(SquidConfig.INCLUDE)) {
      rules.add(
          new SquidConfig.BumpRule(
              SquidConfig.INCLUDE, List.of(), String.join(" ", w), line, doubts));
      return;
    }
    if (w.length < 2 || !ACTIONS.contains(w[1])) {
      error(
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
        if (firstInclude > 0 && firstInclude < line) {
          doubts.add(
              "acl '"
                  + name
                  + "' is not defined here: the include at line "
                  + firstInclude
                  + " may define it");
          continue;
        }
        error(line, "ssl_bump names acl '" + name + "', which is not defined");
      }
      if (conditionalAcls.containsKey(name)) {
        doubts.add("acl '" + name + "' is defined inside " + conditionalAcls.get(name));
      }
      refs.add(new SquidConfig.AclRef(name, neg));
    }
    rules.add(new SquidConfig.BumpRule(w[1], refs, String.join(" ", w), line, doubts));
  }

  private void error(int line, String message) {
    d.error(new SourceLocation(file.toString(), line), message);
  }
}
