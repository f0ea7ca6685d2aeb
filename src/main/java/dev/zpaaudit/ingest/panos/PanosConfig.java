package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/**
 * A PAN-OS running config as read: a firewall's vsys and network, or Panorama's device groups,
 * templates and template stacks, with the shared scope both have. Nothing here is judged yet.
 */
public record PanosConfig(
    String file,
    Platform platform,
    String version,
    SharedScope shared,
    List<Vsys> vsys,
    Network network,
    List<DeviceGroup> deviceGroups,
    List<Template> templates) {
  public enum Platform {
    FIREWALL,
    PANORAMA
  }

  public PanosConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(shared, "shared");
    vsys = List.copyOf(vsys);
    Objects.requireNonNull(network, "network");
    deviceGroups = List.copyOf(deviceGroups);
    templates = List.copyOf(templates);
  }
}
