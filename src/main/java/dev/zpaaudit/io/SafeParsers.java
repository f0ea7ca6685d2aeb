package dev.zpaaudit.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses untrusted JSON and YAML into line-tracked {@link Tree}s with bounds: nesting depth, string
 * and number sizes, document size, YAML aliases (no alias bombs), duplicate keys refused.
 */
public final class SafeParsers {
  public static final int MAX_DEPTH = 200;
  public static final int MAX_NODES = 5_000_000;
  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(1_000_000)
          .maxNumberLength(100)
          .build();

  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(LIMITS).build();

  /** How the parser says, inside a location, that it was given no source to quote. */
  private static final String NO_SOURCE =
      "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

  private SafeParsers() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions lo = new LoaderOptions();
    lo.setMaxAliasesForCollections(20);
    lo.setAllowDuplicateKeys(false);
    lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, InputFiles.limit()));
    lo.setNestingDepthLimit(MAX_DEPTH);
    return YAMLFactory.builder().loaderOptions(lo).streamReadConstraints(LIMITS).build();
  }

  public static Tree json(String text, String file) throws InputException {
    JsonParser p = null;
    try {
      p = JSON.createParser(text);
      return parse(p, file);
    } catch (IOException e) {
      throw error(file, e, p);
    }
  }

  public static Tree yaml(String text, String file) throws InputException {
    JsonParser p = null;
    try {
      p = yamlFactory().createParser(text);
      return parse(p, file);
    } catch (IOException e) {
      throw error(file, e, p);
    }
  }

  /**
   * The error at the line the exception names or, when it names none (a limit such as the nesting
   * depth is exceeded), the line the parser had reached.
   */
  private static InputException error(String file, Exception e, JsonParser p) {
    int line = 0;
    String msg = e.getMessage();
    if (e instanceof JsonProcessingException jpe) {
      if (jpe.getLocation() != null) {
        line = Math.max(0, jpe.getLocation().getLineNr());
      }
      msg = jpe.getOriginalMessage();
    }
    if (line == 0 && p != null && p.currentLocation() != null) {
      line = Math.max(0, p.currentLocation().getLineNr());
    }
    if (msg != null) {
      // The parser is given no source to quote: say where without its placeholder for one.
      msg = withoutSetting(msg.lines().findFirst().orElse(msg).replace(NO_SOURCE, ""));
    }
    return new InputException(
        new Diagnostic(Severity.ERROR, new SourceLocation(file, line), "cannot parse: " + msg));
  }

  private static Tree parse(JsonParser p, String file) throws IOException, InputException {
    try (p) {
      return document(p, file);
    }
  }

  /** Jackson's words for a bound, without the name of the setting that sets it. */
  private static String withoutSetting(String msg) {
    int from = msg.indexOf(", from `");
    int to = from < 0 ? -1 : msg.indexOf('`', from + 8);
    return to < 0 ? msg : msg.substring(0, from) + msg.substring(to + 1);
  }

  private static Tree document(JsonParser p, String file) throws IOException, InputException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new InputException(
          new Diagnostic(Severity.ERROR, new SourceLocation(file, 1), "empty document"));
    }
    int[] budget = {MAX_NODES};
    Tree tree = node(p, t, budget, file);
    JsonToken extra = p.nextToken();
    if (extra != null) {
      throw new InputException(
          new Diagnostic(
              Severity.ERROR,
              new SourceLocation(file, line(p)),
              "unexpected content after the document"));
    }
    return tree;
  }

  private static int line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  private static Tree node(JsonParser p, JsonToken t, int[] budget, String file)
      throws IOException, InputException {
    if (--budget[0] < 0) {
      throw new InputException(
          new Diagnostic(
              Severity.ERROR,
              new SourceLocation(file, line(p)),
              "document has more than " + MAX_NODES + " nodes"));
    }
    int line = line(p);
    switch (t) {
      case START_OBJECT -> {
        Map<String, Tree> fields = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = line(p);
          Tree v = node(p, p.nextToken(), budget, file);
          if (fields.put(name, v) != null) {
            throw new InputException(
                new Diagnostic(
                    Severity.ERROR,
                    new SourceLocation(file, keyLine),
                    "duplicate key '" + name + "'"));
          }
        }
        return new Tree.Obj(line, fields);
      }
      case START_ARRAY -> {
        List<Tree> items = new ArrayList<>();
        JsonToken k;
        while ((k = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, k, budget, file));
        }
        return new Tree.Seq(line, items);
      }
      case VALUE_STRING -> {
        return new Tree.Scalar(line, p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Tree.Scalar(line, p.getNumberValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Tree.Scalar(line, p.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Tree.Scalar(line, p.getBooleanValue());
      }
      case VALUE_NULL -> {
        return new Tree.Scalar(line, null);
      }
      default ->
          throw new InputException(
              new Diagnostic(Severity.ERROR, new SourceLocation(file, line), "unexpected " + t));
    }
  }
}
