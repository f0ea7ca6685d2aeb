package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.model.host.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host and sizing limits, each with the rule file line it came from. Loaded by {@link
 * HostRulesLoader} from {@code rules/hosts.yaml}, profiles and {@code rules/instance-types.yaml}.
 */
public record HostRules(
    List<String> profiles,
    Memory memory,
    Cpu cpu,
    Instances instances,
    Disk disk,
    Param<Long> nicMinimum,
    Sizing sizing,
    PlatformRules platform,
    Hardening hardening,
    Map<String, Severity> severities) {

  /** R1. */
  public record Memory(
      Param<Double> minimumGiB,
      Param<Double> kernelReservePercent,
      Param<Boolean> acceptRecommended) {}

  /** R2. {@code minimumPassmark} is empty when no PassMark CPU mark is required. */
  public record Cpu(
      Param<Long> physicalCores,
      Param<Long> vmVcpus,
      Param<Long> awsGcpVcpus,
      Param<Long> azureBeforeV3Cores,
      Param<Long> azureV3Vcpus,
      Param<Boolean> requireAesNi,
      Optional<Param<Long>> minimumPassmark) {
    public Cpu {
      Objects.requireNonNull(minimumPassmark, "minimumPassmark");
    }
  }

  /** R3: recommended types per cloud and the table of known types. */
  public record Instances(
      Map<Platform, Param<List<String>>> recommended,
      Param<Boolean> azureOrLater,
      Map<Platform, Map<String, InstanceType>> table) {
    public Instances {
      recommended = Map.copyOf(recommended);
      table = Map.copyOf(table);
    }

    /** A type by name (AWS and GCP names are lower case; Azure names match case-insensitively). */
    public Optional<InstanceType> find(Platform cloud, String type) {
      Map<String, InstanceType> t = table.getOrDefault(cloud, Map.of());
      return Optional.ofNullable(t.get(key(cloud, type)));
    }

    /** The recommended entry this type matches, if any. */
    public Optional<String> recommendedMatch(Platform cloud, String type) {
      Param<List<String>> rec = recommended.get(cloud);
      if (rec == null) {
        return Optional.empty();
      }
      for (String r : rec.value()) {
        if (key(cloud, r).equals(key(cloud, type))) {
          return Optional.of(r);
        }
        if (cloud == Platform.AZURE
            && azureOrLater.value()
            && key(cloud, InstanceType.azureFamily(r))
                .equals(key(cloud, InstanceType.azureFamily(type)))
            && InstanceType.azureVersion(type) >= InstanceType.azureVersion(r)) {
          return Optional.of(r + " or later");
        }
      }
      return Optional.empty();
    }

    static String key(Platform cloud, String type) {
      String t = type.trim();
      return cloud == Platform.AZURE ? t.toLowerCase(Locale.ROOT) : t;
    }
  }

  /** R4. */
  public record Disk(
      Param<Double> minimumGiB,
      Param<String> installPath,
      Param<Double> filesystemOverheadPercent,
      Param<Boolean> requireThin) {}

  /** R6, R7. */
  public record Sizing(
      ThroughputTable table, Param<Long> spares, Param<Long> largeConnectorVcpus) {}

  /** R9. */
  public record PlatformRules(
      Param<List<String>> architectures,
      Param<Boolean> requireSystemd,
      Param<Boolean> requireStaticMac,
      Param<Boolean> requireRootOrSudo) {}

  /** R11. */
  public record Hardening(
      Param<List<Long>> allowedListeningPorts,
      Param<Long> maxPackageAgeDays,
      List<UnsupportedOs> unsupportedOs) {
    public Hardening {
      unsupportedOs = List.copyOf(unsupportedOs);
    }
  }

  /** An OS release that is out of support: os-release IDs and the major version. */
  public record UnsupportedOs(
      List<String> ids, String versionMajor, String reason, dev.zpaaudit.model.SourceLocation at) {
    public UnsupportedOs {
      ids = List.copyOf(ids);
    }

    public boolean matches(String id, String versionId) {
      String major = versionId.split("\\.", 2)[0];
      return ids.contains(id.toLowerCase(Locale.ROOT)) && major.equals(versionMajor);
    }
  }

  public HostRules {
    profiles = List.copyOf(profiles);
    Objects.requireNonNull(memory);
    Objects.requireNonNull(cpu);
    Objects.requireNonNull(instances);
    Objects.requireNonNull(disk);
    Objects.requireNonNull(nicMinimum);
    Objects.requireNonNull(sizing);
    Objects.requireNonNull(platform);
    Objects.requireNonNull(hardening);
    severities = Map.copyOf(severities);
  }

  public Severity severity(String checkId) {
    return severities.getOrDefault(checkId, Severity.MEDIUM);
  }
}
