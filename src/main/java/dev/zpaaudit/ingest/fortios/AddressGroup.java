package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code firewall addrgrp} or {@code addrgrp6}: its members (addresses or groups), and with
 * {@code exclude enable} the members it leaves out ({@code exclude-member}).
 */
record AddressGroup(String name, List<String> members, List<String> excluded, int line) {
  AddressGroup {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
    excluded = List.copyOf(excluded);
  }
}
