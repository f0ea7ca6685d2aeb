package dev.zpaaudit.ingest.gcp;

import java.util.List;
import java.util.Objects;

/**
 * A Google Cloud firewall rule, of a VPC network (its name, else null; {@code policy} null) or of a
 * hierarchical or network firewall policy: name, priority, direction, action ({@code allow}, {@code
 * deny}, {@code goto_next}), protocols with their ports, source and destination ranges, the
 * instances it targets (tags and service accounts; none: all), source tags, whether it is disabled,
 * its file and line.
 */
record GcpRule(
    String name,
    String network,
    String policy,
    int priority,
    boolean ingress,
    String action,
    List<Layer4> layer4,
    List<String> sources,
    List<String> destinations,
    List<String> targetTags,
    List<String> targetServiceAccounts,
    List<String> sourceTags,
    boolean disabled,
    String file,
    int line) {
  /** A protocol ({@code tcp}, {@code udp}, {@code icmp}, {@code all}, a number) and its ports. */
  record Layer4(String protocol, List<String> ports) {
    Layer4 {
      ports = List.copyOf(ports);
    }
  }

  GcpRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    layer4 = List.copyOf(layer4);
    sources = List.copyOf(sources);
    destinations = List.copyOf(destinations);
    targetTags = List.copyOf(targetTags);
    targetServiceAccounts = List.copyOf(targetServiceAccounts);
    sourceTags = List.copyOf(sourceTags);
  }
}
