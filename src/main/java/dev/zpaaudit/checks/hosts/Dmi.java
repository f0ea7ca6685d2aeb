package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Platform;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a host's DMI strings ({@code /sys/class/dmi/id/sys_vendor} and {@code product_name}) say
 * about where it runs. Only strings that name a platform without doubt are read: AWS Nitro
 * instances ({@code Amazon EC2}, the product name is the instance type), GCP ({@code Google} /
 * {@code Google Compute Engine}), Hyper-V guests as Azure runs them ({@code Microsoft Corporation}
 * / {@code Virtual Machine}), VMware guests ({@code VMware, Inc.} / {@code VMware...}) and QEMU
 * machines as KVM hypervisors (libvirt, Proxmox) present them ({@code QEMU} / {@code Standard PC
 * ...}). Anything else (older Xen-based AWS instances show {@code Xen} / {@code HVM domU}, physical
 * vendors) tells nothing here.
 */
final class Dmi {
  /** An AWS instance type as EC2 writes it into product_name: family.size, e.g. m5a.xlarge. */
  private static final Pattern AWS_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");

  private Dmi() {}

  /** The DMI strings of a connector's host, as read from its facts file. */
  record Seen(Fact<String> vendor, Fact<String> product) {
    String describe() {
      return "sys_vendor '"
          + vendor.value()
          + "', product_name '"
          + product.value()
          + "' ("
          + vendor.where()
          + ")";
    }
  }

  static Optional<Seen> seen(Connector c) {
    Fact<String> v = c.host().get(FactKey.DMI_VENDOR);
    Fact<String> p = c.host().get(FactKey.DMI_PRODUCT);
    return v.known() && p.known() ? Optional.of(new Seen(v, p)) : Optional.empty();
  }

  /** The platform the DMI strings name, if they name one. */
  static Optional<Platform> platform(Seen s) {
    String vendor = s.vendor().value().trim();
    String product = s.product().value().trim();
    if (vendor.equals("Amazon EC2")) {
      return Optional.of(Platform.AWS);
    }
    if (vendor.equals("Google") && product.equals("Google Compute Engine")) {
      return Optional.of(Platform.GCP);
    }
    if (vendor.equals("Microsoft Corporation") && product.equals("Virtual Machine")) {
      return Optional.of(Platform.AZURE);
    }
    if (vendor.equals("VMware, Inc.") && product.startsWith("VMware")) {
      return Optional.of(Platform.VMWARE);
    }
    if (vendor.equals("QEMU") && product.startsWith("Standard PC (")) {
      return Optional.of(Platform.KVM);
    }
    return Optional.empty();
  }

  /** How the DMI strings read, in words, for a platform they name. */
  static String platformWords(Platform p) {
    switch (p) {
      case AWS:
        return "an AWS EC2 instance";
      case GCP:
        return "a GCP Compute Engine VM";
      case AZURE:
        return "a Hyper-V virtual machine (as Azure runs them)";
      case VMWARE:
        return "a VMware virtual machine";
      case KVM:
        return "a QEMU/KVM virtual machine";
      default:
        return p.label();
    }
  }

  /**
   * The instance type the host runs as, from its DMI product name: only AWS Nitro instances write
   * it there ({@code Amazon EC2} / {@code m5a.xlarge}). Located at the facts file's product_name.
   */
  static Optional<Fact<String>> awsType(Connector c) {
    Optional<Seen> s = seen(c);
    if (s.isEmpty() || !s.get().vendor().value().trim().equals("Amazon EC2")) {
      return Optional.empty();
    }
    String product = s.get().product().value().trim();
    if (!AWS_TYPE.matcher(product).matches()) {
      return Optional.empty();
    }
    return Optional.of(Fact.of(product, s.get().product().at()));
  }
}
