package dev.zpaaudit.probe;

import dev.zpaaudit.probe.NtpResult.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;

/** Measures the local clock's offset against an NTP server (SNTP with commons-net). */
public final class NtpProbe {
  private final int timeoutMs;

  public NtpProbe(int timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  public NtpResult measure(String label, InetSocketAddress server) {
    NTPUDPClient client = new NTPUDPClient();
    client.setDefaultTimeout(Duration.ofMillis(timeoutMs));
    try {
      client.open();
      client.setSoTimeout(Duration.ofMillis(timeoutMs));
      TimeInfo info = client.getTime(server.getAddress(), server.getPort());
      info.computeDetails();
      NtpV3Packet m = info.getMessage();
      int stratum = m.getStratum();
      Long offset = info.getOffset();
      Long delay = info.getDelay();
      if (stratum == 0 || stratum >= 16 || m.getLeapIndicator() == NtpV3Packet.LI_ALARM_CONDITION) {
        String why =
            stratum == 0
                ? "kiss-of-death " + m.getReferenceIdString()
                : "stratum " + stratum + ", leap indicator " + m.getLeapIndicator();
        return new NtpResult(
            label,
            Outcome.UNSYNCHRONIZED,
            0,
            0,
            stratum,
            "the server is not synchronized (" + why + ")");
      }
      if (offset == null || delay == null) {
        return new NtpResult(
            label,
            Outcome.ERROR,
            0,
            0,
            stratum,
            "the reply lacks the timestamps to compute an offset");
      }
      return new NtpResult(label, Outcome.MEASURED, offset, delay, stratum, "");
    } catch (IOException e) {
      Outcome o = Outcomes.isTimeout(e) ? Outcome.TIMEOUT : Outcome.ERROR;
      String why =
          o == Outcome.TIMEOUT ? "no answer within " + timeoutMs + " ms" : Outcomes.describe(e);
      return new NtpResult(label, o, 0, 0, 0, why);
    } finally {
      client.close();
    }
  }
}
