package dev.zpaaudit.probe;

/** A probe run that could not take place at all (the command line exits with code 3). */
public final class ProbeFailedException extends Exception {
  public ProbeFailedException(String message) {
    super(message);
  }
}
