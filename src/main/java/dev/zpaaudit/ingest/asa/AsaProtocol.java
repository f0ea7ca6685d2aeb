package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.PortSet;

/** The protocol operand of an ACL line, and the services object-groups and objects hold. */
sealed interface AsaProtocol {
  /** A protocol by number; -1 is {@code ip}, every protocol. */
  record Number(int protocol) implements AsaProtocol {}

  /** {@code object-group NAME} of a protocol or service object-group. */
  record Group(String name) implements AsaProtocol {}

  /** {@code object NAME}: a service object. */
  record Object(String name) implements AsaProtocol {}

  /** A service: a protocol (-1 any) with source and destination ports. */
  record Service(int protocol, PortSet source, PortSet destination) implements AsaProtocol {}
}
