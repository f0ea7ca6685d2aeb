package dev.zpaaudit.ingest.nftables;

/** Something in a rule that is not modelled (a warning), or, if fatal, an error in the export. */
final class NftProblem extends Exception {
  final boolean fatal;

  NftProblem(String message) {
    this(message, false);
  }

  NftProblem(String message, boolean fatal) {
    super(message);
    this.fatal = fatal;
  }
}
