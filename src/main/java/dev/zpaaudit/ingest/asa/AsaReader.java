package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Cisco ASA running configuration ({@code show running-config}, 8.3 and later): its
 * interfaces, objects, object-groups, extended ACLs and where they are applied, routes, MTUs,
 * crypto maps and same-security settings. A line that cannot be read, or names an object, group or
 * ACL that is not defined, is an error at its line; every error is reported at once.
 */
public final class AsaReader {
  private static final Pattern START =
      Pattern.compile("^(: Saved|ASA Version \\d|PIX Version \\d)", Pattern.MULTILINE);

  /** A configuration and what the reader had to say about it. */
  public record Result(AsaConfig config, List<Diagnostic> diagnostics) {}

  private AsaReader() {}

  /** Whether the text looks like an ASA configuration. */
  public static boolean looksLike(String text) {
    String head = text.length() > 16384 ? text.substring(0, 16384) : text;
    return START.matcher(head).find()
        || Pattern.compile("^access-list \\S+ (line \\d+ )?extended ", Pattern.MULTILINE)
                .matcher(head)
                .find()
            && head.contains("\n nameif ");
  }

  public static Result parse(String text, String file) throws InputException {
    Diagnostics d = new Diagnostics();
    AsaConfig config = new ConfigBuilder(file, d).build(blocks(text));
    if (d.hasErrors()) {
      List<Diagnostic> errors = new ArrayList<>(d.errors());
      errors.sort(Diagnostic.ORDER);
      throw new InputException(errors);
    }
    return new Result(config, d.all());
  }

  /** The top-level commands with the indented lines under each; comments and {@code !} dropped. */
  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    Block.Line head = null;
    List<Block.Line> body = new ArrayList<>();
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      String line = raw.stripTrailing();
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("!") || t.startsWith(":")) {
        continue;
      }
      Block.Line l = new Block.Line(List.of(t.split("\\s+")), n);
      if (Character.isWhitespace(line.charAt(0)) && head != null) {
        body.add(l);
        continue;
      }
      if (head != null) {
        out.add(new Block(head, body));
      }
      head = l;
      body = new ArrayList<>();
    }
    if (head != null) {
      out.add(new Block(head, body));
    }
    return out;
  }

  static SourceLocation at(String file, int line) {
    return new SourceLocation(file, line);
  }

  static <K, V> Map<K, V> map() {
    return new LinkedHashMap<>();
  }
}
