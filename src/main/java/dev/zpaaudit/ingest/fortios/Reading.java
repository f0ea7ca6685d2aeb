package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.FileReading;

/** The configuration file being read and what has been said about it so far. */
final class Reading extends FileReading {
  Reading(String file, Diagnostics diagnostics) {
    super(file, diagnostics);
  }
}
