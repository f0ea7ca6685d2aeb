package dev.zpaaudit.ingest;

import dev.zpaaudit.model.IpSet;
import java.util.List;

/**
 * Which part of an export that holds several firewalls to read: a vsys of a PAN-OS firewall, a
 * device group of Panorama, a VDOM of a FortiGate (null where the user named none: the export's
 * only one is read), and the connector addresses, which pick the connector's own host out of a
 * cloud export that describes many (empty where none were given).
 */
public record ExportScope(String vsys, String deviceGroup, String vdom, List<IpSet> connectors) {
  public static final ExportScope ALL = new ExportScope(null, null, null);

  public ExportScope {
    connectors = List.copyOf(connectors);
  }

  /** A scope that names no connector. */
  public ExportScope(String vsys, String deviceGroup, String vdom) {
    this(vsys, deviceGroup, vdom, List.of());
  }

  /** A PAN-OS scope: a vsys or a device group. */
  public ExportScope(String vsys, String deviceGroup) {
    this(vsys, deviceGroup, null);
  }

  /** This scope with the connector addresses given. */
  public ExportScope withConnectors(List<IpSet> addresses) {
    return new ExportScope(vsys, deviceGroup, vdom, addresses);
  }
}
