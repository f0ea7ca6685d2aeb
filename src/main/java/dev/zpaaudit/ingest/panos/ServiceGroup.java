package dev.zpaaudit.ingest.panos;

import java.util.List;

/** A {@code <service-group>}: services and service groups. */
public record ServiceGroup(String name, List<String> members, List<String> tags, int line) {
  public ServiceGroup {
    Checks.name(name, "service group name");
    members = Checks.names(members, "member");
    tags = Checks.names(tags, "tag");
    Checks.writtenLine(line);
  }
}
