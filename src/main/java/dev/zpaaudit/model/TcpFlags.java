package dev.zpaaudit.model;

import java.util.Locale;

/** TCP flag bytes as a set over all 256 combinations. Non-TCP packets carry the value 0. */
public final class TcpFlags {
  public static final int FIN = 1;
  public static final int SYN = 2;
  public static final int RST = 4;
  public static final int PSH = 8;
  public static final int ACK = 16;
  public static final int URG = 32;
  public static final int ECE = 64;
  public static final int CWR = 128;

  private TcpFlags() {}

  public static Bits all() {
    return Bits.all(256);
  }

  /** The combinations where (flags AND mask) == comparison. */
  public static Bits masked(int mask, int comparison) {
    return Bits.where(256, f -> (f & mask) == comparison);
  }

  /** Parses "SYN,ACK", "ALL" or "NONE" into a bit mask. */
  public static int parseList(String list) {
    int m = 0;
    for (String f : list.split(",")) {
      m |=
          switch (f.trim().toUpperCase(Locale.ROOT)) {
            case "FIN" -> FIN;
            case "SYN" -> SYN;
            case "RST" -> RST;
            case "PSH" -> PSH;
            case "ACK" -> ACK;
            case "URG" -> URG;
            case "ECE", "ECN" -> ECE;
            case "CWR" -> CWR;
            case "ALL" -> 255;
            case "NONE" -> 0;
            default -> throw new IllegalArgumentException("unknown TCP flag '" + f + "'");
          };
    }
    return m;
  }

  /** The first packet of a connection: SYN alone. */
  public static Bits syn() {
    return Bits.of(256, SYN);
  }

  /** A reply to a SYN: SYN and ACK. */
  public static Bits synAck() {
    return Bits.of(256, SYN | ACK);
  }

  /** Packets of an established connection: ACK set, SYN clear (data, FIN, RST with ACK). */
  public static Bits established() {
    return Bits.of(256, ACK, ACK | PSH, ACK | FIN, ACK | FIN | PSH, ACK | RST);
  }
}
