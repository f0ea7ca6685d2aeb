package dev.zpaaudit.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of an input file's bytes, the hostile inputs {@link HostileInputTest} feeds to
 * every reader: bit flips, truncations, line edits, huge numbers, long tokens, deep nesting, YAML
 * alias bombs, invalid UTF-8, NUL bytes and line-ending changes. The same seed gives the same
 * mutant.
 */
final class Mutator {
  /** One kind of damage. */
  enum Kind {
    BIT_FLIP,
    TRUNCATE,
    DUPLICATE_LINE,
    DELETE_LINE,
    SWAP_LINES,
    HUGE_NUMBER,
    LONG_TOKEN,
    MANY_COMMAS,
    DEEP_NESTING,
    ALIAS_BOMB,
    INVALID_UTF8,
    NUL_BYTE,
    CRLF,
    LONE_CR,
    ODD_TOKEN,
    ODD_VALUE,
    EMPTY
  }

  private static final String[] NUMBERS = {
    "99999999999999999999",
    "-1",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967296",
    "9223372036854775808",
    "65536",
    "0",
    "-0",
    "1e400",
    "1e999999999",
    "1e-999999999",
    "1e-300",
    "18446744073709551617",
    "9999999999999999999999999999999999999999",
    "1.5",
    "0x7fffffff",
    "000000000000000000000000000000001",
    "NaN",
    "-Infinity"
  };

  /** Tokens that mean something to one reader or another, spliced in where they do not belong. */
  private static final String[] TOKENS = {
    "",
    "-",
    "!",
    "--",
    "-j",
    "-m",
    "-p",
    "--dport",
    "--sport",
    "-s",
    "-d",
    "-g",
    "-N",
    ":",
    "::",
    "/",
    "/33",
    "/129",
    "/-1",
    "0/0",
    "::/0",
    "0.0.0.0/0",
    "256.1.1.1",
    "1.2.3.4/255.255.0.255",
    "10.0.0.9-10.0.0.1",
    "fe80::1%eth0",
    "::ffff:1.2.3.4",
    "65535:0",
    "0:65536",
    "1:",
    ":1",
    "1-",
    "*",
    "&a",
    "*a",
    "!!binary",
    "!!java.lang.Object",
    "!!int",
    "~",
    "null",
    "true",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "\\",
    "\\u0000",
    "\\ud800",
    "#",
    "%",
    "%%",
    "${x}",
    "COMMIT",
    "*filter",
    "*nat",
    ":INPUT ACCEPT [0:0]",
    ":X - [0:0]",
    "-A INPUT",
    "-j X",
    "\"nftables\"",
    "NaN",
    "1e999",
    "0Mbps",
    "-5%",
    "101%",
    "1e308Gbps",
    "Tbps",
    "\u00e9",
    "\u202e",
    "\ud83d\ude00",
    "\t",
    "\u00a0",
    "\u2028",
    "\u0085",
    "\u0007",
    "\u001b[2J",
    ",",
    ",,",
    "a,b",
    "\"\"",
    "[]",
    "{}",
    "- ",
    ": ",
    "? ",
    "|",
    ">",
    "---",
    "...",
    "%YAML 1.1",
    "<<: *a"
  };

  /** Whole values put where a JSON or YAML value was. */
  private static final String[] VALUES = {
    "0",
    "-1",
    "99999999999999999999",
    "1e400",
    "2147483648",
    "true",
    "null",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "[[]]",
    "[null]",
    "{\"\": null}",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"99999999999999999999Gbps\"",
    "\"-1%\"",
    "\"1.2.3.4/99\""
  };

  private static final Pattern NUMBER = Pattern.compile("-?\\d++(\\.\\d++)?");
  private static final Pattern SCALAR =
      Pattern.compile(
          "\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"|-?\\d++(\\.\\d++)?|true|false|null");

  /**
   * Every kind once, and the ones that keep a file readable (a value swapped for another) three
   * times: they are the ones that reach the checks behind the readers.
   */
  private static final Kind[] WEIGHTED = weighted();

  private final SplittableRandom random;

  private static Kind[] weighted() {
    List<Kind> out = new ArrayList<>(List.of(Kind.values()));
    for (int i = 0; i < 2; i++) {
      out.addAll(List.of(Kind.HUGE_NUMBER, Kind.ODD_TOKEN, Kind.ODD_VALUE));
    }
    return out.toArray(Kind[]::new);
  }

  Mutator(long seed) {
    random = new SplittableRandom(seed);
  }

  /** One to three kinds of damage, the kinds chosen by the seed. */
  byte[] mutate(byte[] input) {
    byte[] b = input;
    int rounds = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
    for (int i = 0; i < rounds; i++) {
      b = apply(WEIGHTED[random.nextInt(WEIGHTED.length)], b);
    }
    return b;
  }

  byte[] apply(Kind kind, byte[] b) {
    return switch (kind) {
      case BIT_FLIP -> flipBits(b);
      case TRUNCATE -> java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
      case DUPLICATE_LINE -> editLines(b, kind);
      case DELETE_LINE -> editLines(b, kind);
      case SWAP_LINES -> editLines(b, kind);
      case HUGE_NUMBER -> replaceMatch(b, NUMBER, pick(NUMBERS));
      case LONG_TOKEN -> insert(b, bytes(longToken(b)));
      case MANY_COMMAS ->
          insert(b, random.nextBoolean() ? ",".repeat(100_000) : "1,".repeat(50_000));
      case DEEP_NESTING -> insert(b, deepNesting());
      case ALIAS_BOMB -> concat(utf8(aliasBomb()), b);
      case INVALID_UTF8 ->
          insert(
              b,
              pick(
                  new byte[][] {
                    {(byte) 0xff},
                    {(byte) 0xc3, 0x28},
                    {(byte) 0xe2, (byte) 0x82},
                    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    {(byte) 0xc0, (byte) 0xaf},
                    {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
                  }));
      case NUL_BYTE -> insert(b, new byte[] {0});
      case CRLF -> bytes(latin(b).replace("\n", "\r\n"));
      case LONE_CR -> replaceMatch(b, Pattern.compile("\n"), "\r");
      case ODD_TOKEN -> replaceMatch(b, Pattern.compile("[^\\s,\"'\\[\\]{}]++"), pick(TOKENS));
      case ODD_VALUE -> replaceMatch(b, SCALAR, pick(VALUES));
      case EMPTY ->
          utf8(pick(new String[] {"", "\n", "\uFEFF", " \t\r\n", "#", "---\n", "{}", "[]"}));
    };
  }

  private byte[] flipBits(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    byte[] out = b.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(out.length);
      out[at] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  /** Duplicates, deletes or swaps whole lines (split at '\n', kept byte for byte). */
  private byte[] editLines(byte[] b, Kind kind) {
    List<byte[]> lines = lines(b);
    if (lines.isEmpty()) {
      return b;
    }
    int i = random.nextInt(lines.size());
    int j = random.nextInt(lines.size());
    switch (kind) {
      case DUPLICATE_LINE -> lines.add(j, lines.get(i));
      case DELETE_LINE -> lines.remove(i);
      default -> {
        byte[] t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
    for (byte[] line : lines) {
      out.write(line, 0, line.length);
    }
    return out.toByteArray();
  }

  private static List<byte[]> lines(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(java.util.Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    if (start < b.length) {
      out.add(java.util.Arrays.copyOfRange(b, start, b.length));
    }
    return out;
  }

  /** Replaces one match of the pattern (chosen at random) by the text, else inserts the text. */
  private byte[] replaceMatch(byte[] b, Pattern p, String text) {
    String s = latin(b);
    Matcher m = p.matcher(s);
    List<int[]> spans = new ArrayList<>();
    while (m.find() && spans.size() < 10_000) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return insert(b, text);
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return bytes(s.substring(0, span[0]) + latin(utf8(text)) + s.substring(span[1]));
  }

  private String longToken(byte[] b) {
    return switch (random.nextInt(4)) {
      case 0 -> "A".repeat(100_000);
      case 1 -> "9".repeat(100_000);
      case 2 -> "1.".repeat(50_000);
      default -> {
        List<byte[]> lines = lines(b);
        String line =
            lines.isEmpty() ? "x" : latin(lines.get(random.nextInt(lines.size()))).strip();
        yield (line.isEmpty() ? "x" : line + " ")
            .repeat(Math.max(1, 100_000 / (line.length() + 1)));
      }
    };
  }

  private String deepNesting() {
    int depth = 10_000;
    return switch (random.nextInt(4)) {
      case 0 -> "[".repeat(depth) + "]".repeat(depth);
      case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      case 2 -> "- ".repeat(depth) + "x";
      default -> "[".repeat(depth);
    };
  }

  /** The classic billion-laughs document: nine aliases a level, nine levels deep. */
  private static String aliasBomb() {
    StringBuilder sb = new StringBuilder("lol0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < 9; i++) {
      sb.append("lol").append(i).append(": &l").append(i).append(" [");
      for (int k = 0; k < 9; k++) {
        sb.append(k == 0 ? "" : ",").append("*l").append(i - 1);
      }
      sb.append("]\n");
    }
    return sb.toString();
  }

  private byte[] insert(byte[] b, String text) {
    return insert(b, utf8(text));
  }

  private byte[] insert(byte[] b, byte[] bytes) {
    int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
    byte[] out = new byte[b.length + bytes.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(b, at, out, at + bytes.length, b.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes as text one char a byte, so that bad bytes survive an edit byte for byte. */
  private static String latin(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String latin) {
    return latin.getBytes(StandardCharsets.ISO_8859_1);
  }
}
