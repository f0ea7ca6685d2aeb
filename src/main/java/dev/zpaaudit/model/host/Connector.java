package dev.zpaaudit.model.host;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One App Connector as listed in an inventory: where it runs, its own measured traffic (peak and
 * average, aggregate in+out) and the facts known about its host. Fields that were not stated are
 * unknown facts with the reason.
 */
public record Connector(
    String name,
    String group,
    SourceLocation at,
    Fact<Platform> platform,
    Fact<String> instanceType,
    Fact<String> region,
    Fact<String> vpc,
    Fact<List<String>> peeredVpcs,
    Fact<String> provisioningKey,
    Fact<Throughput> peak,
    Fact<Throughput> average,
    HostFacts host) {
  public Connector {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(instanceType, "instanceType");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(vpc, "vpc");
    Objects.requireNonNull(peeredVpcs, "peeredVpcs");
    Objects.requireNonNull(provisioningKey, "provisioningKey");
    Objects.requireNonNull(peak, "peak");
    Objects.requireNonNull(average, "average");
    Objects.requireNonNull(host, "host");
  }
}
