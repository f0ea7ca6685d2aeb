package dev.zpaaudit.model.host;

import java.util.List;
import java.util.Objects;

/**
 * The name and value type of one host fact, as used in facts files. Values are String, Long,
 * Boolean or a list of {@link Nic} or {@link Listener}. A String fact may be limited to {@code
 * values} (lower case); empty means any text.
 */
public record FactKey<T>(String name, Class<?> type, String description, List<String> values) {
  public static final FactKey<String> ARCHITECTURE =
      k("architecture", String.class, "CPU architecture");
  public static final FactKey<String> CPU_MODEL = k("cpuModel", String.class, "CPU model name");
  public static final FactKey<Long> SOCKETS = k("sockets", Long.class, "CPU sockets");
  public static final FactKey<Long> CORES = k("cores", Long.class, "physical CPU cores");
  public static final FactKey<Long> THREADS = k("threads", Long.class, "logical CPUs (vCPUs)");
  public static final FactKey<Boolean> HYPER_THREADING =
      k("hyperThreading", Boolean.class, "more logical CPUs than cores");
  public static final FactKey<Boolean> AES_NI = k("aesNi", Boolean.class, "AES-NI CPU flag");
  public static final FactKey<Long> MEMORY_BYTES = k("memoryBytes", Long.class, "MemTotal");
  public static final FactKey<Long> INSTALLED_MEMORY_BYTES =
      k("installedMemoryBytes", Long.class, "online memory blocks");
  public static final FactKey<Long> STATED_MEMORY_BYTES =
      k("statedMemoryBytes", Long.class, "memory as provisioned (stated)");
  public static final FactKey<String> INSTALL_PATH = k("installPath", String.class, "install path");
  public static final FactKey<Long> DISK_BYTES = k("diskBytes", Long.class, "block device size");
  public static final FactKey<Long> FILESYSTEM_BYTES =
      k("filesystemBytes", Long.class, "file system size");
  public static final FactKey<List<Nic>> NICS = k("nics", List.class, "network interfaces");
  public static final FactKey<Long> NIC_COUNT = k("nicCount", Long.class, "stated NIC count");
  public static final FactKey<Boolean> MAC_STATIC =
      k("macStatic", Boolean.class, "stated static MAC");
  public static final FactKey<Boolean> SYSTEMD = k("systemd", Boolean.class, "booted with systemd");
  public static final FactKey<String> OS_ID = k("osId", String.class, "os-release ID");
  public static final FactKey<String> OS_VERSION_ID =
      k("osVersionId", String.class, "os-release VERSION_ID");
  public static final FactKey<String> OS_PRETTY_NAME =
      k("osPrettyName", String.class, "os-release PRETTY_NAME");
  public static final FactKey<List<Listener>> LISTENING =
      k("listening", List.class, "listening TCP sockets");
  public static final FactKey<String> SSH_PASSWORD_AUTH =
      k("sshPasswordAuthentication", String.class, "sshd PasswordAuthentication");
  public static final FactKey<String> SSH_PERMIT_ROOT_LOGIN =
      k("sshPermitRootLogin", String.class, "sshd PermitRootLogin");
  public static final FactKey<String> SSH_KBD_INTERACTIVE =
      k("sshKbdInteractiveAuthentication", String.class, "sshd KbdInteractiveAuthentication");
  public static final FactKey<String> SSH_USE_PAM = k("sshUsePam", String.class, "sshd UsePAM");
  public static final FactKey<String> LAST_PACKAGE_UPDATE =
      k("lastPackageUpdate", String.class, "time of the last package change");
  public static final FactKey<Long> PACKAGE_AGE_DAYS =
      k("packageAgeDays", Long.class, "days since the last package change");
  public static final FactKey<Boolean> DEFAULT_PASSWORD_CHANGED =
      k("defaultPasswordChanged", Boolean.class, "default console password changed");
  public static final FactKey<Boolean> HYPERVISOR =
      k("hypervisor", Boolean.class, "hypervisor CPU flag");
  public static final FactKey<String> DMI_VENDOR =
      k("dmiSysVendor", String.class, "DMI system vendor");
  public static final FactKey<String> DMI_PRODUCT =
      k("dmiProductName", String.class, "DMI product name");
  public static final FactKey<Long> PASSMARK = k("passmark", Long.class, "PassMark CPU mark");
  public static final FactKey<String> PRIVILEGED_ACCESS =
      k(
          "privilegedAccess",
          String.class,
          "root or sudo access",
          "root",
          "sudo",
          "sudo-with-password",
          "none");
  public static final FactKey<String> DISK_PROVISIONING =
      k("diskProvisioning", String.class, "virtual disk provisioning", "thin", "thick");

  public static final List<FactKey<?>> ALL =
      List.of(
          ARCHITECTURE,
          CPU_MODEL,
          SOCKETS,
          CORES,
          THREADS,
          HYPER_THREADING,
          AES_NI,
          MEMORY_BYTES,
          INSTALLED_MEMORY_BYTES,
          STATED_MEMORY_BYTES,
          INSTALL_PATH,
          DISK_BYTES,
          FILESYSTEM_BYTES,
          NICS,
          NIC_COUNT,
          MAC_STATIC,
          SYSTEMD,
          OS_ID,
          OS_VERSION_ID,
          OS_PRETTY_NAME,
          LISTENING,
          SSH_PASSWORD_AUTH,
          SSH_PERMIT_ROOT_LOGIN,
          SSH_KBD_INTERACTIVE,
          SSH_USE_PAM,
          LAST_PACKAGE_UPDATE,
          PACKAGE_AGE_DAYS,
          DEFAULT_PASSWORD_CHANGED,
          HYPERVISOR,
          DMI_VENDOR,
          DMI_PRODUCT,
          PASSMARK,
          DISK_PROVISIONING,
          PRIVILEGED_ACCESS);

  /** Facts that cannot be read on the host, only stated in an inventory. */
  public static final List<FactKey<?>> STATED_ONLY =
      List.of(
          STATED_MEMORY_BYTES,
          NIC_COUNT,
          MAC_STATIC,
          DEFAULT_PASSWORD_CHANGED,
          PASSMARK,
          DISK_PROVISIONING);

  public FactKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
  }

  private static <T> FactKey<T> k(
      String name, Class<?> type, String description, String... values) {
    return new FactKey<>(name, type, description, List.of(values));
  }

  /**
   * The value as this fact holds it (lower case), if the text is one of its {@link #values}
   * (ignoring case) or the fact takes any text; else empty.
   */
  public java.util.Optional<String> accept(String text) {
    if (values.isEmpty()) {
      return java.util.Optional.of(text);
    }
    String v = text.trim().toLowerCase(java.util.Locale.ROOT);
    return values.contains(v) ? java.util.Optional.of(v) : java.util.Optional.empty();
  }

  /** The accepted values in words: {@code thin or thick}, {@code a, b or c}. */
  public String valuesInWords() {
    if (values.size() < 2) {
      return String.join("", values);
    }
    return String.join(", ", values.subList(0, values.size() - 1))
        + " or "
        + values.get(values.size() - 1);
  }

  public static java.util.Optional<FactKey<?>> byName(String name) {
    return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
  }
}
