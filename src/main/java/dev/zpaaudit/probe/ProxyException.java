package dev.zpaaudit.probe;

import java.io.IOException;

/**
 * The explicit proxy failed: it could not be reached ({@code reached} false), or it answered the
 * CONNECT with something other than success (the status line is the message).
 */
public final class ProxyException extends IOException {
  private final boolean reached;

  public ProxyException(String message, boolean reached) {
    super(message);
    this.reached = reached;
  }

  public boolean reached() {
    return reached;
  }
}
