package dev.zpaaudit.checks.hosts;

import java.util.Locale;

/**
 * VMware's MAC ranges: 00:50:56:00:00:00-3F:FF:FF is for static (manually set) addresses; 00:0C:29
 * (ESXi host), 00:50:56:80-BF (vCenter) and 00:05:69 / 00:1C:14 are generated ones.
 */
enum VmwareMac {
  MANUAL,
  AUTOMATIC,
  OTHER;

  static VmwareMac of(String mac) {
    String m = mac.toLowerCase(Locale.ROOT).replace('-', ':');
    if (!m.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
      return OTHER;
    }
    int fourth = Integer.parseInt(m.substring(9, 11), 16);
    if (m.startsWith("00:50:56:")) {
      return fourth <= 0x3f ? MANUAL : fourth >= 0x80 && fourth <= 0xbf ? AUTOMATIC : OTHER;
    }
    if (m.startsWith("00:0c:29:") || m.startsWith("00:05:69:") || m.startsWith("00:1c:14:")) {
      return AUTOMATIC;
    }
    return OTHER;
  }
}
