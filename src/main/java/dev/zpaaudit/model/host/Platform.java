package dev.zpaaudit.model.host;

import java.util.Locale;

/** Where a connector runs. */
public enum Platform {
  PHYSICAL,
  VMWARE,
  /** KVM/QEMU-based private-cloud hypervisors (libvirt, Proxmox): a VM like VMware. */
  KVM,
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

  /** A VM on the customer's own hypervisor (VMware or KVM): a private-cloud image. */
  public boolean privateCloudVm() {
    return this == VMWARE || this == KVM;
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
    if (k.equals("qemu") || k.equals("libvirt") || k.equals("proxmox")) {
      return KVM;
    }
    if (k.equals("bare-metal") || k.equals("baremetal")) {
      return PHYSICAL;
    }
    throw new IllegalArgumentException(
        "unknown platform '" + s + "' (expected physical, vmware, kvm, aws, azure or gcp)");
  }
}
