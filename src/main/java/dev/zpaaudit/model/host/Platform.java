package dev.zpaaudit.model.host;

import java.util.Locale;

/** Where a connector runs. */
public enum Platform {
  PHYSICAL,
  VMWARE,
  AWS,
  AZURE,
  GCP;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean publicCloud() {
    return this == AWS || this == AZURE || this == GCP;
  }

  public boolean virtual() {
    return this != PHYSICAL;
  }

  /** Parses a platform name; throws IllegalArgumentException naming the accepted values. */
  public static Platform parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT);
    for (Platform p : values()) {
      if (p.label().equals(k)) {
        return p;
      }
    }
    if (k.equals("esxi") || k.equals("vsphere")) {
      return VMWARE;
    }
    if (k.equals("bare-metal") || k.equals("baremetal")) {
      return PHYSICAL;
    }
    throw new IllegalArgumentException(
        "unknown platform '" + s + "' (expected physical, vmware, aws, azure or gcp)");
  }
}
