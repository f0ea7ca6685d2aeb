package dev.zpaaudit.cli;

import java.util.function.Supplier;

/**
 * The command line was misused: an option value that cannot be read, options that conflict or are
 * missing, an output that cannot be written. {@link Main} turns it into exit code 2 and prints the
 * message on one line; nothing has been written.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }

  /**
   * Reads an option's value with a value parser of the model, whose IllegalArgumentException quotes
   * the value; {@code prefix} (e.g. {@code "--peak: "}) goes before its message.
   */
  static <T> T parse(String prefix, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(prefix + e.getMessage());
    }
  }
}
