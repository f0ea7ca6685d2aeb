package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A route table: its id, Name tag, VPC, the subnets explicitly associated with it, whether it is
 * the VPC's main table (the one of every subnet without an explicit association), and its routes.
 */
record RouteTable(
    String id,
    String name,
    String vpcId,
    List<String> subnets,
    boolean main,
    List<VpcRoute> routes,
    SourceLocation at) {
  RouteTable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    subnets = List.copyOf(subnets);
    routes = List.copyOf(routes);
    Objects.requireNonNull(at, "at");
  }

  String label() {
    return name.isEmpty() ? id : id + " '" + name + "'";
  }
}
