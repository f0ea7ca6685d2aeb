package dev.zpaaudit.ingest.asa;

import java.util.List;

/**
 * A top-level command of the configuration with the indented lines under it: {@code object network
 * web} and its {@code host 10.0.0.1}. Each line keeps its words and its line number.
 */
record Block(Line first, List<Line> body) {
  record Line(List<String> words, int number) {
    Line {
      words = List.copyOf(words);
    }
  }

  Block {
    body = List.copyOf(body);
  }

  List<String> head() {
    return first.words();
  }

  int line() {
    return first.number();
  }

  /** The block's name: the third word of {@code object network NAME}, {@code object-group ...}. */
  String name() {
    return head().size() > 2 ? head().get(2) : "";
  }
}
