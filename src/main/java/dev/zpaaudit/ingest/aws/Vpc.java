package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A VPC: its id, Name tag, primary IPv4 CIDR block (null when absent) and all its CIDR blocks. */
record Vpc(String id, String name, IpSet primary, List<IpSet> cidrs, SourceLocation at) {
  Vpc {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    cidrs = List.copyOf(cidrs);
    Objects.requireNonNull(at, "at");
  }
}
