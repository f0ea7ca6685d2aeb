package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A {@code <zone>}: its type (the element inside {@code <network>}) and its interfaces. */
public record Zone(String name, Type type, List<String> interfaces, int line) {
  public enum Type {
    LAYER3,
    LAYER2,
    VIRTUAL_WIRE,
    TAP,
    TUNNEL,
    EXTERNAL,
    NONE;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public Zone {
    Checks.name(name, "zone name");
    Objects.requireNonNull(type, "type");
    interfaces = Checks.names(interfaces, "interface");
    Checks.writtenLine(line);
  }
}
