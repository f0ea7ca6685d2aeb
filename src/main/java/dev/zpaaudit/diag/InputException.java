package dev.zpaaudit.diag;

import java.util.List;

/**
 * Input that cannot be used: unreadable, of an unknown format, or with errors. Carries the located
 * errors; the command line turns it into exit code 2 and writes nothing else.
 */
public final class InputException extends Exception {
  private final List<Diagnostic> errors;

  public InputException(List<Diagnostic> errors) {
    super(errors.isEmpty() ? "bad input" : errors.get(0).format());
    this.errors = List.copyOf(errors);
  }

  public InputException(Diagnostic error) {
    this(List.of(error));
  }

  public List<Diagnostic> errors() {
    return errors;
  }
}
