package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Platform;
import dev.zpaaudit.model.host.Throughput;
import java.util.Optional;

/** Looks up what is known about a connector: host facts first, then the instance-type table. */
final class Known {
  static final double GIB = 1024.0 * 1024 * 1024;

  private Known() {}

  static String gib(double bytes) {
    return Throughput.number(bytes / GIB) + " GiB";
  }

  static SourceLocation at(Fact<?> f, Connector c) {
    return f.at() != null ? f.at() : c.at();
  }

  /**
   * The instance type that is judged: on AWS the one the host reports in its DMI product name (from
   * its facts file), which is what it runs as; otherwise, or when the host does not report one, the
   * inventory's.
   */
  static Fact<String> instanceType(Connector c) {
    return hostInstanceType(c).orElse(c.instanceType());
  }

  /** The instance type an AWS connector's host reports in its DMI product name, if it does. */
  static Optional<Fact<String>> hostInstanceType(Connector c) {
    return c.platform().value() == Platform.AWS ? Dmi.awsType(c) : Optional.empty();
  }

  static Optional<InstanceType> type(Connector c, HostRules r) {
    Fact<String> t = instanceType(c);
    if (!t.known() || !c.platform().value().publicCloud()) {
      return Optional.empty();
    }
    return r.instances().find(c.platform().value(), t.value());
  }

  static boolean recommended(Connector c, HostRules r) {
    Fact<String> t = instanceType(c);
    return t.known()
        && c.platform().value().publicCloud()
        && r.instances().recommendedMatch(c.platform().value(), t.value()).isPresent();
  }

  /** vCPUs (logical CPUs): measured or stated, else from the instance-type table. */
  static Fact<Long> vcpus(Connector c, HostRules r) {
    Fact<Long> f = c.host().get(FactKey.THREADS);
    if (f.known()) {
      return f;
    }
    Optional<InstanceType> t = type(c, r);
    if (t.isPresent()) {
      return Fact.of(t.get().vcpus(), t.get().at());
    }
    Fact<String> type = instanceType(c);
    return Fact.unknown(
        f.missing()
            + (type.known()
                ? "; instance type " + type.value() + " is not in the instance-type table"
                : ""),
        at(f, c));
  }

  /** Memory as provisioned: stated in the inventory, else from the instance-type table. */
  static Fact<Long> provisionedMemory(Connector c, HostRules r) {
    Fact<Long> f = c.host().get(FactKey.STATED_MEMORY_BYTES);
    if (f.known()) {
      return f;
    }
    Optional<InstanceType> t = type(c, r);
    if (t.isPresent()) {
      return Fact.of(Math.round(t.get().memoryGiB() * GIB), t.get().at());
    }
    return f;
  }

  /** CPU architecture: measured or stated, else from the instance-type table. */
  static Fact<String> arch(Connector c, HostRules r) {
    Fact<String> f = c.host().get(FactKey.ARCHITECTURE);
    if (f.known()) {
      return f;
    }
    return type(c, r).map(t -> Fact.of(t.arch(), t.at())).orElse(f);
  }
}
