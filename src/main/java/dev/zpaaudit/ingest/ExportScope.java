package dev.zpaaudit.ingest;

/**
 * Which part of an export that holds several firewalls to read: a vsys of a PAN-OS firewall, a
 * device group of Panorama, a VDOM of a FortiGate. Null where the user named none (the export's
 * only one is read).
 */
public record ExportScope(String vsys, String deviceGroup, String vdom) {
  public static final ExportScope ALL = new ExportScope(null, null, null);

  /** A PAN-OS scope: a vsys or a device group. */
  public ExportScope(String vsys, String deviceGroup) {
    this(vsys, deviceGroup, null);
  }
}
