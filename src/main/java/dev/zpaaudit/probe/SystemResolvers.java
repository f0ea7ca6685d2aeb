package dev.zpaaudit.probe;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** The resolvers the operating system is configured with (resolv.conf and the like). */
public final class SystemResolvers {
  private SystemResolvers() {}

  public static List<InetSocketAddress> list() {
    return List.copyOf(ResolverConfig.getCurrentConfig().servers());
  }
}
