package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.PortSet;
import java.util.Objects;

/**
 * One line of an extended ACL, parsed: the ACL's name, the line's number in it (remarks not
 * counted, as {@code show access-list} numbers them), permit or deny, its operands (ports null
 * where none is written; a port group by name in {@code portGroup...}), whether it is {@code
 * inactive}, its {@code time-range} (null for none), its text and its line in the file.
 */
record AclEntry(
    String acl,
    int index,
    boolean permit,
    AsaProtocol protocol,
    AsaAddress source,
    PortSet sourcePorts,
    String sourcePortGroup,
    AsaAddress destination,
    PortSet destinationPorts,
    String destinationPortGroup,
    boolean inactive,
    String timeRange,
    String text,
    int line) {
  AclEntry {
    Objects.requireNonNull(acl, "acl");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(text, "text");
  }
}
