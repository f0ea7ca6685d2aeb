package dev.zpaaudit.probe;

import dev.zpaaudit.model.IpSet;

/** The embedded rule pack and small ranges for tests. */
final class TestRules {
  private TestRules() {}

  static ProbeRules embedded() {
    try {
      return ProbeRulesReader.embedded();
    } catch (dev.zpaaudit.diag.InputException e) {
      throw new AssertionError(e);
    }
  }

  /** The rule pack with short timeouts, for loopback. */
  static ProbeRules fast() {
    ProbeRules r = embedded();
    return new ProbeRules(
        r.file(),
        r.port(),
        r.names(),
        r.vendorDomains(),
        new ProbeRules.Dns(r.dns().recordTypes(), 400, r.dns().maxCnameDepth()),
        new ProbeRules.Tcp(
            1000, r.tcp().samplePerRange(), r.tcp().maxSample(), r.tcp().localResetMs()),
        new ProbeRules.Tls(2000, r.tls().maxAddressesPerName()),
        new ProbeRules.Ntp(r.ntp().servers(), 1000, r.ntp().maxOffsetMs()),
        4);
  }

  static ZenRanges ranges(String... cidrs) {
    IpSet v4 = IpSet.empty(4);
    for (String c : cidrs) {
      v4 = v4.union(IpSet.parse(c));
    }
    return new ZenRanges(v4, null, "test-ranges", cidrs.length);
  }
}
