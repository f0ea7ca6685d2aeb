package dev.zpaaudit.ingest.checkpoint;

import java.util.List;

/** One cell of a rule (source, destination, service...): the objects it names, negated or not. */
record Column(List<Ref> refs, boolean negate) {
  /**
   * A cell the export leaves out: it names nothing, which the columns that may be left out read as
   * Any.
   */
  static final Column NONE = new Column(List.of(), false);

  Column {
    refs = List.copyOf(refs);
  }
}
