package dev.zpaaudit.probe;

import dev.zpaaudit.model.IpSet;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks sample addresses from the published blocks, deterministically: the first host addresses of
 * each block (the block's own address when it is a single host), spread evenly over the blocks when
 * the total would pass the cap.
 */
public final class Sampler {
  private Sampler() {}

  public static List<Target> sample(ZenRanges ranges, int perRange, int maxSample, int port) {
    List<String> blocks = new ArrayList<>(ranges.v4().toCidrs());
    blocks.addAll(ranges.v6().toCidrs());
    if (perRange == 0 || maxSample == 0 || blocks.isEmpty()) {
      return List.of();
    }
    int want = Math.max(1, Math.min(blocks.size(), maxSample / perRange));
    List<Target> out = new ArrayList<>();
    for (int i = 0; i < want && out.size() < maxSample; i++) {
      String cidr = blocks.get((int) ((long) i * blocks.size() / want));
      for (InetAddress a : hosts(IpSet.parse(cidr), perRange)) {
        if (out.size() < maxSample) {
          out.add(Target.sampled(cidr, a, port));
        }
      }
    }
    return out;
  }

  /** Up to n addresses of the block, skipping its network address when it has more than two. */
  static List<InetAddress> hosts(IpSet block, int n) {
    BigInteger size = block.size();
    BigInteger first = new BigInteger(1, block.first().orElseThrow().getAddress());
    BigInteger skip = size.compareTo(BigInteger.TWO) > 0 ? BigInteger.ONE : BigInteger.ZERO;
    int bytes = block.family().bits() / 8;
    List<InetAddress> out = new ArrayList<>();
    for (int k = 0; k < n && skip.add(BigInteger.valueOf(k)).compareTo(size) < 0; k++) {
      out.add(toAddress(first.add(skip).add(BigInteger.valueOf(k)), bytes));
    }
    return out;
  }

  private static InetAddress toAddress(BigInteger x, int bytes) {
    byte[] raw = x.toByteArray();
    byte[] b = new byte[bytes];
    int n = Math.min(raw.length, bytes);
    System.arraycopy(raw, raw.length - n, b, bytes - n, n);
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
