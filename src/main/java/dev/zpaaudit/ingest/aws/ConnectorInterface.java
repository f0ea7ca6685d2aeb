package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The network interface of the connector: the one whose private addresses the {@code --connector}
 * addresses hold. Several may, as when a block names several connectors: then they must share their
 * security groups and subnet, so that one filter judges them all.
 */
final class ConnectorInterface {
  /** How many interfaces an error lists. */
  private static final int LISTED = 5;

  private final Ec2Export export;

  ConnectorInterface(Ec2Export export) {
    this.export = export;
  }

  NetworkInterface find(List<IpSet> connectors) throws InputException {
    if (export.interfaces().isEmpty()) {
      throw error(
          "no network interface in the export: add the output of aws ec2 describe-instances"
              + " (Reservations) or describe-network-interfaces (NetworkInterfaces)");
    }
    if (connectors.isEmpty()) {
      throw error(
          "an EC2 export describes many hosts: name the connector's with --connector, the private"
              + " address of its network interface");
    }
    List<NetworkInterface> held =
        export.interfaces().stream().filter(i -> holds(i, connectors)).toList();
    if (held.isEmpty()) {
      throw error(
          "no network interface in the export has the --connector address "
              + String.join(", ", connectors.stream().map(IpSet::toString).toList())
              + " (it has "
              + list(export.interfaces())
              + ")");
    }
    NetworkInterface first = held.get(0);
    List<NetworkInterface> unlike = held.stream().filter(i -> !alike(first, i)).toList();
    if (!unlike.isEmpty()) {
      throw error(
          "the --connector addresses are on network interfaces with different security groups or"
              + " subnets ("
              + list(held)
              + "): audit each connector with its own --connector");
    }
    return first;
  }

  private static boolean holds(NetworkInterface i, List<IpSet> connectors) {
    return i.addresses().stream()
        .anyMatch(
            a -> connectors.stream().anyMatch(c -> c.family() == a.family() && c.intersects(a)));
  }

  private static boolean alike(NetworkInterface a, NetworkInterface b) {
    return a.groups().stream().sorted().toList().equals(b.groups().stream().sorted().toList())
        && java.util.Objects.equals(a.subnetId(), b.subnetId());
  }

  private static String list(List<NetworkInterface> interfaces) {
    List<String> out = new ArrayList<>();
    for (NetworkInterface i : interfaces.subList(0, Math.min(LISTED, interfaces.size()))) {
      out.add(
          i.label()
              + " "
              + String.join(" ", i.addresses().stream().map(IpSet::toString).toList())
              + " in "
              + i.subnetId()
              + " with "
              + String.join(" ", i.groups()));
    }
    if (interfaces.size() > LISTED) {
      out.add("and " + (interfaces.size() - LISTED) + " more");
    }
    return String.join("; ", out);
  }

  private InputException error(String message) {
    return new InputException(
        new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(export.source(), 0), message));
  }
}
