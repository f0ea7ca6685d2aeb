package dev.zpaaudit.eval;

/**
 * Packets that have behaved alike so far. {@code cube} is how they look now; {@code origSession}
 * the session state they had when they arrived (an exemption from tracking changes it), so results
 * are reported in terms of the packets asked about.
 */
record Piece(Cube cube, dev.zpaaudit.model.Bits origSession, Trace trace, Note notes) {

  static Piece of(Cube c) {
    return new Piece(c, c.session(), Trace.EMPTY, null);
  }

  Cube origin() {
    return cube.session().equals(origSession) ? cube : cube.withSession(origSession);
  }

  /** The same packets restricted to a sub-cube (of the current shape). */
  Piece narrow(Cube part) {
    dev.zpaaudit.model.Bits oc =
        part.session().equals(cube.session()) ? origSession : part.session();
    return new Piece(part, oc, trace, notes);
  }

  /** The same packets with trace {@code t} and no notes, as they enter a called filter afresh. */
  Piece afresh(Trace t) {
    return new Piece(cube, origSession, t, null);
  }

  Piece withTrace(Trace t) {
    return new Piece(cube, origSession, t, notes);
  }

  Piece note(Note n) {
    return new Piece(
        cube,
        origSession,
        trace,
        new Note(n.verdict(), n.rule(), n.test(), n.reason(), n.stage(), notes));
  }

  Piece withNotes(Note n) {
    return new Piece(cube, origSession, trace, n);
  }
}
