package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Optional;

/** A NAT rule's {@code <source-translation>}, as written. */
public sealed interface SourceTranslation {
  /** {@code dynamic-ip-and-port} to the address of an interface (or one of its addresses). */
  record InterfaceAddress(String interfaceName, Optional<String> address)
      implements SourceTranslation {
    public InterfaceAddress {
      Checks.name(interfaceName, "interface");
      Checks.optional(address, "address");
    }
  }

  /** {@code dynamic-ip-and-port} to translated addresses (address names or literal addresses). */
  record DynamicIpAndPort(List<String> translatedAddresses) implements SourceTranslation {
    public DynamicIpAndPort {
      translatedAddresses = nonEmpty(translatedAddresses);
    }
  }

  /** {@code dynamic-ip}: a pool of translated addresses, ports kept. */
  record DynamicIp(List<String> translatedAddresses) implements SourceTranslation {
    public DynamicIp {
      translatedAddresses = nonEmpty(translatedAddresses);
    }
  }

  /** {@code static-ip}: one-to-one to a translated address, optionally both directions. */
  record StaticIp(String translatedAddress, boolean biDirectional) implements SourceTranslation {
    public StaticIp {
      Checks.name(translatedAddress, "translated address");
    }
  }

  private static List<String> nonEmpty(List<String> addresses) {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no translated address");
    }
    return Checks.names(addresses, "translated address");
  }
}
