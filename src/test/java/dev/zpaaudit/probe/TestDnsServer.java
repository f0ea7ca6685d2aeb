package dev.zpaaudit.probe;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on loopback (UDP and TCP on one port), built on dnsjava's
 * message classes, with switches for the failures the prober must tell apart.
 */
final class TestDnsServer implements AutoCloseable {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final Map<Name, List<InetAddress>> a = new ConcurrentHashMap<>();
  private final Map<Name, Name> cname = new ConcurrentHashMap<>();
  private final Set<Name> cnameOnly = ConcurrentHashMap.newKeySet();
  private final Set<Name> nxdomain = ConcurrentHashMap.newKeySet();
  private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
  private final Set<Name> silent = ConcurrentHashMap.newKeySet();
  private final Set<Name> truncated = ConcurrentHashMap.newKeySet();
  private final Set<Name> authenticated = ConcurrentHashMap.newKeySet();
  final AtomicInteger tcpQueries = new AtomicInteger();
  final AtomicInteger udpQueries = new AtomicInteger();

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private volatile boolean closed;

  TestDnsServer() throws IOException {
    ServerSocket t = null;
    DatagramSocket u = null;
    for (int attempt = 0; attempt < 20 && u == null; attempt++) {
      t = new ServerSocket(0, 50, LOOPBACK);
      try {
        u = new DatagramSocket(new InetSocketAddress(LOOPBACK, t.getLocalPort()));
      } catch (BindException e) {
        t.close();
      }
    }
    if (u == null) {
      throw new IOException("no free port for UDP and TCP");
    }
    udp = u;
    tcp = t;
    daemon(this::udpLoop);
    daemon(this::tcpLoop);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(LOOPBACK, tcp.getLocalPort());
  }

  TestDnsServer a(String name, String... ips) {
    List<InetAddress> list = new ArrayList<>();
    for (String ip : ips) {
      list.add(dev.zpaaudit.model.IpSet.parse(ip).first().orElseThrow());
    }
    a.put(n(name), list);
    return this;
  }

  TestDnsServer cname(String name, String target) {
    cname.put(n(name), n(target));
    return this;
  }

  /** The answer for this name stops at its CNAME: the client must ask for the target itself. */
  TestDnsServer cnameOnly(String name, String target) {
    cnameOnly.add(n(name));
    return cname(name, target);
  }

  TestDnsServer nxdomain(String name) {
    nxdomain.add(n(name));
    return this;
  }

  TestDnsServer servfail(String name) {
    servfail.add(n(name));
    return this;
  }

  TestDnsServer silent(String name) {
    silent.add(n(name));
    return this;
  }

  TestDnsServer truncated(String name) {
    truncated.add(n(name));
    return this;
  }

  TestDnsServer authenticated(String name) {
    authenticated.add(n(name));
    return this;
  }

  private static Name n(String s) {
    try {
      return Name.fromString(s.endsWith(".") ? s : s + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  byte[] respond(byte[] query, boolean overTcp) throws IOException {
    Message q = new Message(query);
    Record question = q.getQuestion();
    Name name = question.getName();
    if (silent.contains(name)) {
      return null;
    }
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.AA);
    r.addRecord(question, Section.QUESTION);
    if (nxdomain.contains(name)) {
      r.getHeader().setRcode(Rcode.NXDOMAIN);
    } else if (servfail.contains(name)) {
      r.getHeader().setRcode(Rcode.SERVFAIL);
    } else if (truncated.contains(name) && !overTcp) {
      r.getHeader().setFlag(Flags.TC);
    } else {
      answer(r, name, question.getType());
      if (authenticated.contains(name)) {
        r.getHeader().setFlag(Flags.AD);
      }
    }
    return r.toWire();
  }

  private void answer(Message r, Name name, int type) {
    Name cur = name;
    for (int depth = 0; depth < 20; depth++) {
      Name target = cname.get(cur);
      if (target == null) {
        break;
      }
      r.addRecord(new CNAMERecord(cur, DClass.IN, 60, target), Section.ANSWER);
      if (cnameOnly.contains(cur)) {
        return;
      }
      cur = target;
    }
    if (type == Type.A) {
      for (InetAddress ip : a.getOrDefault(cur, List.of())) {
        r.addRecord(new ARecord(cur, DClass.IN, 60, ip), Section.ANSWER);
      }
    }
    if (!a.containsKey(cur) && !cname.containsKey(cur)) {
      r.getHeader().setRcode(Rcode.NXDOMAIN);
    }
  }

  private void udpLoop() {
    byte[] buf = new byte[4096];
    while (!closed) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        udp.receive(p);
        udpQueries.incrementAndGet();
        byte[] out = respond(java.util.Arrays.copyOf(p.getData(), p.getLength()), false);
        if (out != null) {
          udp.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
        }
      } catch (IOException e) {
        // closed, or a malformed query: keep serving until closed
      }
    }
  }

  private void tcpLoop() {
    while (!closed) {
      try {
        Socket s = tcp.accept();
        daemon(() -> serveTcp(s));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serveTcp(Socket s) {
    try (s) {
      s.setSoTimeout(2000);
      DataInputStream in = new DataInputStream(s.getInputStream());
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      while (!closed) {
        byte[] q = new byte[in.readUnsignedShort()];
        in.readFully(q);
        tcpQueries.incrementAndGet();
        byte[] r = respond(q, true);
        if (r == null) {
          continue;
        }
        out.writeShort(r.length);
        out.write(r);
        out.flush();
      }
    } catch (IOException e) {
      // the client closed the connection or went quiet
    }
  }

  static void daemon(Runnable r) {
    Thread t = new Thread(r, "test-server");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    udp.close();
    tcp.close();
  }
}
