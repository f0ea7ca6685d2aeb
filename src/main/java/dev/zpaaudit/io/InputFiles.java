package dev.zpaaudit.io;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads untrusted input files with a size bound and strict UTF-8. */
public final class InputFiles {
  /** The largest input file read unless --max-input-size says otherwise: 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;

  /** The largest input file read by default: 64 MiB for what is not a user's export. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private static volatile long limit = DEFAULT_MAX_BYTES;

  private InputFiles() {}

  /** The largest export read in this run (--max-input-size). */
  public static long limit() {
    return limit;
  }

  /** Sets the largest export read in this run. */
  public static void setLimit(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the input limit must be positive");
    }
    limit = bytes;
  }

  public static String read(Path file) throws InputException {
    return read(file, limit);
  }

  public static String read(Path file, long maxBytes) throws InputException {
    SourceLocation at = new SourceLocation(file.toString(), 0);
    try {
      if (Files.isDirectory(file)) {
        throw new InputException(new Diagnostic(Severity.ERROR, at, "is a directory, not a file"));
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new InputException(
            new Diagnostic(
                Severity.ERROR,
                at,
                "file is "
                    + size
                    + " bytes; the limit is "
                    + maxBytes
                    + " (raise it with --max-input-size)"));
      }
      byte[] bytes = readAll(file, size);
      return decode(bytes, at);
    } catch (NoSuchFileException e) {
      throw new InputException(new Diagnostic(Severity.ERROR, at, "no such file"));
    } catch (IOException e) {
      throw new InputException(
          new Diagnostic(Severity.ERROR, at, "cannot read: " + e.getMessage()));
    }
  }

  /**
   * The first {@code bytes} bytes of a file as text (bad UTF-8 replaced), for telling its format
   * before reading it whole; empty when it cannot be read.
   */
  public static String head(Path file, int bytes) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The file's bytes, read a megabyte at a time: a channel reads into a native buffer as large as
   * each read and keeps it, so one read of a large file would hold a second copy of it to the end.
   */
  private static byte[] readAll(Path file, long size) throws IOException {
    byte[] buf = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (true) {
        if (n == buf.length) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          buf = Arrays.copyOf(buf, Math.max(2 * buf.length, 8192));
          buf[n++] = (byte) b;
        }
        int r = in.read(buf, n, Math.min(buf.length - n, CHUNK));
        if (r < 0) {
          break;
        }
        n += r;
      }
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  private static final int CHUNK = 1 << 20;

  /** Decodes strict UTF-8 (a leading byte-order mark is dropped); bad bytes are an error. */
  public static String decode(byte[] bytes, SourceLocation at) throws InputException {
    try {
      // The JDK's own decoding first (one copy for ASCII, most exports): it replaces bad bytes
      // with U+FFFD, so text with one is decoded again strictly, which says whether it was bad.
      String s = new String(bytes, StandardCharsets.UTF_8);
      if (s.indexOf('\uFFFD') >= 0) {
        s =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      }
      if (s.indexOf('\0') >= 0) {
        int line = 1 + (int) s.substring(0, s.indexOf('\0')).chars().filter(c -> c == '\n').count();
        throw new InputException(
            new Diagnostic(
                Severity.ERROR,
                new SourceLocation(at.file(), line),
                "binary data (a NUL byte); expected a text export"));
      }
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new InputException(
          new Diagnostic(
              Severity.ERROR,
              new SourceLocation(at.file(), lineOfFirstBadByte(bytes)),
              "not UTF-8 text"));
    }
  }

  /** The 1-based line where the bytes stop being UTF-8. */
  private static int lineOfFirstBadByte(byte[] bytes) {
    java.nio.charset.CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    d.decode(in, out, true);
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
