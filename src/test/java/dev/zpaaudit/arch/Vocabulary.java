package dev.zpaaudit.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds netfilter words in source files: in identifiers (split at their camel-case humps, so {@code
 * CtState} has "ct" and {@code runChain} "chain") and in comments and strings alike.
 */
final class Vocabulary {
  /** The words of one vendor's packet filter that the neutral layers must not speak. */
  static final Set<String> NETFILTER =
      Set.of(
          "hook",
          "hooks",
          "chain",
          "chains",
          "conntrack",
          "netfilter",
          "iptables",
          "ip6tables",
          "nftables",
          "nft",
          "prerouting",
          "postrouting",
          "notrack",
          "ct");

  /**
   * The words of AWS's network that only its reader (ingest.aws) may speak. ("VPC" is not one:
   * Google Cloud's networks are VPCs too.)
   */
  static final Set<String> AWS =
      Set.of("aws", "amazon", "ec2", "nacl", "nacls", "eni", "enis", "igw", "vgw", "tgw");

  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern HUMP = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+");

  private Vocabulary() {}

  /** The banned words each file under {@code dirs} of {@code root} uses, by relative path. */
  static Map<String, Set<String>> uses(Path root, List<String> dirs, Set<String> banned) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String d : dirs) {
      Path dir = root.resolve(d);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          Set<String> found = words(Files.readString(f), banned);
          if (!found.isEmpty()) {
            out.put(root.relativize(f).toString().replace('\\', '/'), found);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static Set<String> words(String text, Set<String> banned) {
    Set<String> found = new java.util.TreeSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      Matcher h = HUMP.matcher(m.group());
      while (h.find()) {
        String w = h.group().toLowerCase(Locale.ROOT);
        if (banned.contains(w)) {
          found.add(w);
        }
      }
    }
    return found;
  }

  /**
   * Problems against a list of files still allowed to speak the words: new ones, and cured ones.
   */
  static List<String> ratchet(Map<String, Set<String>> uses, Set<String> stillAllowed) {
    return ratchet(uses, stillAllowed, "netfilter");
  }

  /** As above, for the words of {@code vendor}. */
  static List<String> ratchet(
      Map<String, Set<String>> uses, Set<String> stillAllowed, String vendor) {
    List<String> problems = new ArrayList<>();
    uses.forEach(
        (file, words) -> {
          if (!stillAllowed.contains(file)) {
            problems.add(file + " uses " + vendor + " words " + words);
          }
        });
    for (String file : stillAllowed) {
      if (!uses.containsKey(file)) {
        problems.add(file + " no longer uses " + vendor + " words: take it off the list");
      }
    }
    return problems;
  }
}
