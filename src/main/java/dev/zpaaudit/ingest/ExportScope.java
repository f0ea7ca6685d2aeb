package dev.zpaaudit.ingest;

/**
 * Which part of an export that holds several firewalls to read: a vsys of a PAN-OS firewall, a
 * device group of Panorama. Null where the user named none (the export's only one is read).
 */
public record ExportScope(String vsys, String deviceGroup) {
  public static final ExportScope ALL = new ExportScope(null, null);
}
