package dev.zpaaudit.cli;

/** The process exit codes, documented in the README. */
public final class ExitCodes {
  /** Every check passed (or none gates). */
  public static final int CLEAN = 0;

  /** A check failed (or was indeterminate) at or above --fail-on. */
  public static final int FINDINGS = 1;

  /** Bad usage or unreadable input; nothing was written. */
  public static final int INPUT = 2;

  /** A probe could not run at all, or the ranges feed could not be fetched. */
  public static final int PROBE = 3;

  /** An unexpected internal error (a bug), or out of memory. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
