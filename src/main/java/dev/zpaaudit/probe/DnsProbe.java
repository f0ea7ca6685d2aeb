package dev.zpaaudit.probe;

import dev.zpaaudit.probe.DnsResult.Dnssec;
import dev.zpaaudit.probe.DnsResult.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves a name through one resolver with dnsjava: asks over UDP with the DNSSEC OK bit, retries
 * over TCP when the answer is truncated, and follows CNAME chains (asking again for a target the
 * answer left out) up to a depth limit.
 */
public final class DnsProbe {
  private final Duration timeout;
  private final int maxDepth;
  private final LongSupplier nanos;

  public DnsProbe(int timeoutMs, int maxDepth, LongSupplier nanos) {
    this.timeout = Duration.ofMillis(timeoutMs);
    this.maxDepth = maxDepth;
    this.nanos = nanos;
  }

  /** The state of one lookup as it follows the chain. */
  private static final class Walk {
    final List<String> chain = new ArrayList<>();
    boolean truncated;
    boolean allAd = true;
    boolean anyResponse;
  }

  public DnsResult lookup(String name, String type, InetSocketAddress resolver) {
    long start = nanos.getAsLong();
    Walk w = new Walk();
    w.chain.add(strip(name));
    try {
      return walk(name, Type.value(type), resolver, w, start);
    } catch (TextParseException e) {
      return result(
          name,
          type,
          resolver,
          Outcome.ERROR,
          w,
          List.of(),
          start,
          "not a DNS name: " + e.getMessage());
    } catch (IOException e) {
      if (Outcomes.isRefused(e)) {
        return result(
            name,
            type,
            resolver,
            Outcome.REFUSED,
            w,
            List.of(),
            start,
            "ICMP port unreachable: nothing serves DNS at " + Endpoint.format(resolver));
      }
      Outcome o = Outcomes.isTimeout(e) ? Outcome.TIMEOUT : Outcome.ERROR;
      String why =
          o == Outcome.TIMEOUT
              ? "no answer within " + timeout.toMillis() + " ms"
              : Outcomes.describe(e);
      return result(name, type, resolver, o, w, List.of(), start, why);
    }
  }

  private DnsResult walk(String name, int type, InetSocketAddress resolver, Walk w, long start)
      throws IOException {
    String typeName = Type.string(type);
    Name current = Name.fromString(strip(name) + ".");
    Set<Name> seen = new HashSet<>(List.of(current));
    while (true) {
      Message response = exchange(current, type, resolver, w);
      int rcode = response.getRcode();
      if (rcode != Rcode.NOERROR) {
        return result(
            name,
            typeName,
            resolver,
            rcodeOutcome(rcode),
            w,
            List.of(),
            start,
            Rcode.string(rcode) + " for " + strip(current.toString()));
      }
      List<Record> answer = response.getSection(Section.ANSWER);
      Name at = current;
      for (Record r = cname(answer, at); r != null; r = cname(answer, at)) {
        at = ((CNAMERecord) r).getTarget();
        w.chain.add(strip(at.toString()));
        if (!seen.add(at) || w.chain.size() > maxDepth + 1) {
          return result(
              name,
              typeName,
              resolver,
              Outcome.CNAME_LOOP,
              w,
              List.of(),
              start,
              "CNAME chain loops or is longer than " + maxDepth);
        }
      }
      List<InetAddress> addresses = addresses(answer, at, type);
      if (!addresses.isEmpty()) {
        return result(name, typeName, resolver, Outcome.ANSWER, w, addresses, start, "");
      }
      if (at.equals(current)) {
        return result(
            name,
            typeName,
            resolver,
            Outcome.NODATA,
            w,
            List.of(),
            start,
            "no " + typeName + " record for " + strip(at.toString()));
      }
      current = at;
    }
  }

  private Message exchange(Name name, int type, InetSocketAddress resolver, Walk w)
      throws IOException {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    Message response = send(query, resolver, false);
    if (response.getHeader().getFlag(Flags.TC)) {
      w.truncated = true;
      response = send(query, resolver, true);
    }
    w.anyResponse = true;
    w.allAd &= response.getHeader().getFlag(Flags.AD);
    return response;
  }

  private Message send(Message query, InetSocketAddress resolver, boolean tcp) throws IOException {
    SimpleResolver r = new SimpleResolver(resolver);
    r.setTimeout(timeout);
    r.setTCP(tcp);
    r.setIgnoreTruncation(true);
    r.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    return r.send(query);
  }

  private static Record cname(List<Record> answer, Name owner) {
    for (Record r : answer) {
      if (r.getType() == Type.CNAME && r.getName().equals(owner)) {
        return r;
      }
    }
    return null;
  }

  private static List<InetAddress> addresses(List<Record> answer, Name owner, int type) {
    List<InetAddress> out = new ArrayList<>();
    for (Record r : answer) {
      if (r.getType() == type && r.getName().equals(owner)) {
        out.add(r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress());
      }
    }
    return out;
  }

  private static Outcome rcodeOutcome(int rcode) {
    if (rcode == Rcode.NXDOMAIN) {
      return Outcome.NXDOMAIN;
    }
    if (rcode == Rcode.SERVFAIL) {
      return Outcome.SERVFAIL;
    }
    return rcode == Rcode.REFUSED ? Outcome.REFUSED : Outcome.OTHER_RCODE;
  }

  private DnsResult result(
      String name,
      String type,
      InetSocketAddress resolver,
      Outcome o,
      Walk w,
      List<InetAddress> addresses,
      long start,
      String detail) {
    Dnssec d = !w.anyResponse ? Dnssec.UNKNOWN : w.allAd ? Dnssec.VALIDATED : Dnssec.NOT_VALIDATED;
    long us = Math.max(0, (nanos.getAsLong() - start) / 1000);
    return new DnsResult(
        strip(name),
        type,
        Endpoint.format(resolver),
        o,
        w.chain,
        addresses,
        w.truncated,
        d,
        us,
        detail);
  }

  private static String strip(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
