package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;

/** What an address operand of an ACL, or a member of a network object-group, stands for. */
sealed interface AsaAddress {
  /** {@code any} (family null), {@code any4} or {@code any6}. */
  record Any(AddressFamily family) implements AsaAddress {}

  /** Addresses written out: {@code host A}, {@code A MASK}, {@code A/LEN}, a range. */
  record Set(IpSet set) implements AsaAddress {}

  /** {@code object NAME}: a network object. */
  record Object(String name) implements AsaAddress {}

  /** {@code object-group NAME}: a network object-group. */
  record Group(String name) implements AsaAddress {}

  /** {@code interface NAMEIF}: the interface's own address. */
  record Iface(String nameif) implements AsaAddress {}

  /** Something the export does not settle (an FQDN object, a user, a security group...). */
  record Unknown(String why) implements AsaAddress {}
}
