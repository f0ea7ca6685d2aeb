package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A FortiGate configuration as read: the file, its header comments ({@code #config-version=...}),
 * whether it has VDOMs ({@code config vdom}), and each VDOM in the order the file lists them.
 */
record FortiosConfig(String file, List<String> header, boolean multiVdom, List<Vdom> vdoms) {
  FortiosConfig {
    Objects.requireNonNull(file, "file");
    header = List.copyOf(header);
    vdoms = List.copyOf(vdoms);
  }

  /** The FortiOS version the header names ({@code 6.4.4}), or "" when it names none. */
  String version() {
    for (String h : header) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^#config-version=[^-]*-(\\d+\\.\\d+(\\.\\d+)?)-")
              .matcher(h);
      if (m.find()) {
        return m.group(1);
      }
    }
    return "";
  }
}
