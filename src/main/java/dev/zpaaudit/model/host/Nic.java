package dev.zpaaudit.model.host;

import java.util.Objects;

/**
 * A network interface: its name, MAC address, the kernel's {@code addr_assign_type} (0 permanent, 1
 * random, 2 stolen, 3 set; -1 unknown) and whether it is a software device (loopback, bridge).
 */
public record Nic(String name, String mac, int addrAssignType, boolean virtual) {
  public Nic {
    Objects.requireNonNull(name, "name");
    if (addrAssignType < -1 || addrAssignType > 3) {
      throw new IllegalArgumentException("addr_assign_type must be 0-3 or -1: " + addrAssignType);
    }
  }

  /** Whether the kernel reports the address as fixed (permanent or explicitly set). */
  public boolean macFixed() {
    return addrAssignType == 0 || addrAssignType == 3;
  }

  public String assignLabel() {
    return switch (addrAssignType) {
      case 0 -> "permanent";
      case 1 -> "random";
      case 2 -> "stolen";
      case 3 -> "set";
      default -> "unknown";
    };
  }
}
