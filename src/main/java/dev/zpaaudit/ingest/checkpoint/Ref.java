package dev.zpaaudit.ingest.checkpoint;

import java.util.Objects;

/** A reference to a management object as a rule or a group writes it: its uid, and the line. */
record Ref(String uid, int line) {
  Ref {
    Objects.requireNonNull(uid, "uid");
  }
}
