package dev.zpaaudit.oracle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes published {@code iptables-save} files loadable by today's {@code iptables-restore}, and
 * says what it changed. Rewrites are deterministic: the same input always gives the same output.
 *
 * <ul>
 *   <li>{@value #MAC}: a MAC address whose digits were replaced by {@code X} becomes the locally
 *       administered {@code 02:00:00:00:hh:ll}, numbered by occurrence from 1.
 *   <li>{@value #NEGATION}: the negation syntax iptables dropped in 1.4.3, {@code -d ! 10.0.0.0/8},
 *       becomes {@code ! -d 10.0.0.0/8}.
 * </ul>
 */
public final class CorpusSanitizer {
  public static final String MAC = "anonymised MAC address";
  public static final String NEGATION = "pre-1.4.3 negation syntax";

  private static final Pattern ANON_MAC =
      Pattern.compile("\\b(?=[0-9A-Fa-f:]*[Xx])[0-9A-Fa-fXx]{2}(:[0-9A-Fa-fXx]{2}){5}\\b");
  private static final Pattern OLD_NEGATION =
      Pattern.compile("(?<= )(-[A-Za-z]|--[a-z][a-z0-9-]*) ! ");

  /** The rewritten ruleset and, for each kind of rewrite applied, how often it was applied. */
  public record Result(String content, Map<String, Integer> rewrites) {
    public Result {
      rewrites = Map.copyOf(rewrites);
    }
  }

  private CorpusSanitizer() {}

  public static Result sanitize(String content) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int[] macs = {0};
    String out = replace(content, ANON_MAC, MAC, counts, m -> mac(++macs[0]));
    out = replace(out, OLD_NEGATION, NEGATION, counts, m -> "! " + m.group(1) + " ");
    return new Result(out, counts);
  }

  private static String replace(
      String text,
      Pattern pattern,
      String kind,
      Map<String, Integer> counts,
      Function<Matcher, String> replacement) {
    StringBuilder sb = new StringBuilder();
    int done = 0;
    for (String line : text.split("(?<=\n)")) {
      if (line.startsWith("#")) {
        sb.append(line);
        continue;
      }
      Matcher m = pattern.matcher(line);
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
        done++;
      }
      m.appendTail(sb);
    }
    if (done > 0) {
      counts.put(kind, done);
    }
    return sb.toString();
  }

  private static String mac(int n) {
    if (n > 0xFFFF) {
      throw new IllegalArgumentException("more than 65535 anonymised MAC addresses");
    }
    return String.format("02:00:00:00:%02x:%02x", n >> 8, n & 0xFF);
  }
}
