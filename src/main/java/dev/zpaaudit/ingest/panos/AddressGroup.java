package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/** An {@code <address-group>}: a static list of members or a dynamic tag filter. */
public record AddressGroup(String name, Content content, List<String> tags, int line) {
  public AddressGroup {
    Checks.name(name, "address group name");
    Objects.requireNonNull(content, "content");
    tags = Checks.names(tags, "tag");
    Checks.writtenLine(line);
  }

  /** What the group holds. */
  public sealed interface Content {}

  /** {@code <static>}: address, address group, region or list names (or literal addresses). */
  public record Static(List<String> members) implements Content {
    public Static {
      members = Checks.names(members, "member");
    }
  }

  /** {@code <dynamic><filter>}: the tag expression choosing registered addresses. */
  public record Dynamic(String filter) implements Content {
    public Dynamic {
      Checks.name(filter, "dynamic filter");
    }
  }
}
