package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.FileReading;

/** The file being read and what has been said so far about the files of the export. */
final class Reading extends FileReading {
  Reading(String file, Diagnostics diagnostics) {
    super(file, diagnostics);
  }
}
