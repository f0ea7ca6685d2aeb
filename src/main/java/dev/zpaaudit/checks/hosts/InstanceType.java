package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Platform;
import java.util.Objects;

/** One row of the instance-type table: vCPUs, memory in GiB and CPU architecture. */
public record InstanceType(
    Platform cloud, String name, long vcpus, double memoryGiB, String arch, SourceLocation at) {
  public InstanceType {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(at, "at");
    if (vcpus < 1 || memoryGiB <= 0) {
      throw new IllegalArgumentException(name + ": vcpus and memoryGiB must be positive");
    }
  }

  /**
   * The Azure series version: 3 for {@code Standard_D4s_v3}, 1 without a {@code _vN} suffix; a
   * version too large for an int counts as the largest.
   */
  public static int azureVersion(String type) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("_v(\\d+)$").matcher(type.trim());
    if (!m.find()) {
      return 1;
    }
    java.math.BigInteger v = new java.math.BigInteger(m.group(1));
    return v.bitLength() < 32 ? v.intValue() : Integer.MAX_VALUE;
  }

  /**
   * The Azure size without its version suffix: {@code Standard_D4s} for {@code Standard_D4s_v3}.
   */
  public static String azureFamily(String type) {
    return type.trim().replaceFirst("_v\\d+$", "");
  }
}
