package dev.zpaaudit.ingest.panos;

import java.util.List;

/** An {@code <application-group>}: application, group and filter names. */
public record ApplicationGroup(String name, List<String> members, int line) {
  public ApplicationGroup {
    Checks.name(name, "application group name");
    members = Checks.names(members, "member");
    Checks.writtenLine(line);
  }
}
