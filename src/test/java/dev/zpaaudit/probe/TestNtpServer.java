package dev.zpaaudit.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

/** An NTP responder on loopback whose clock is off by a set amount. */
final class TestNtpServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final long skewMs;
  private final int stratum;
  private volatile boolean closed;

  TestNtpServer(long skewMs, int stratum) throws IOException {
    this.skewMs = skewMs;
    this.stratum = stratum;
    socket = new DatagramSocket(new InetSocketAddress(TestDnsServer.LOOPBACK, 0));
    TestDnsServer.daemon(this::loop);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void loop() {
    while (!closed) {
      try {
        DatagramPacket p = new DatagramPacket(new byte[512], 512);
        socket.receive(p);
        NtpV3Impl req = new NtpV3Impl();
        req.setDatagramPacket(p);
        NtpV3Impl resp = new NtpV3Impl();
        resp.setMode(NtpV3Packet.MODE_SERVER);
        resp.setVersion(NtpV3Packet.VERSION_3);
        resp.setStratum(stratum);
        resp.setLeapIndicator(0);
        resp.setPrecision(-20);
        resp.setOriginateTimeStamp(req.getTransmitTimeStamp());
        TimeStamp now = TimeStamp.getNtpTime(System.currentTimeMillis() + skewMs);
        resp.setReferenceTime(now);
        resp.setReceiveTimeStamp(now);
        resp.setTransmitTime(now);
        DatagramPacket out = resp.getDatagramPacket();
        out.setSocketAddress(p.getSocketAddress());
        socket.send(out);
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    socket.close();
  }
}
