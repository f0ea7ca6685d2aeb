package dev.zpaaudit.probe;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.util.encoders.DecoderException;

/** Certificate handling with Bouncy Castle: SPKI pins, signatures, PEM. */
public final class Certificates {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private Certificates() {}

  /** Base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo (the HPKP pin form). */
  public static String spkiSha256(X509Certificate c) {
    try {
      byte[] spki = holder(c).getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER);
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot encode a public key", e);
    }
  }

  /** Whether {@code child} carries a valid signature by {@code parent}'s key. */
  public static boolean signedBy(X509Certificate child, X509Certificate parent) {
    if (!child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
      return false;
    }
    try {
      ContentVerifierProvider vp =
          new JcaContentVerifierProviderBuilder().setProvider(BC).build(parent.getPublicKey());
      return holder(child).isSignatureValid(vp);
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The path from the leaf upwards through the presented certificates, each signed by the next; it
   * stops at a self-signed certificate or where no presented certificate signed the last one.
   */
  public static List<X509Certificate> signedPath(List<X509Certificate> chain) {
    List<X509Certificate> path = new ArrayList<>();
    if (chain.isEmpty()) {
      return path;
    }
    path.add(chain.get(0));
    while (path.size() < chain.size()) {
      X509Certificate top = path.get(path.size() - 1);
      if (signedBy(top, top)) {
        break;
      }
      X509Certificate next = null;
      for (X509Certificate c : chain) {
        if (!path.contains(c) && signedBy(top, c)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        break;
      }
      path.add(next);
    }
    return path;
  }

  public static String subject(X509Certificate c) {
    return c.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  public static String issuer(X509Certificate c) {
    return c.getIssuerX500Principal().getName(X500Principal.RFC2253);
  }

  /**
   * Parses one or more PEM certificates. Damaged text (bad base64, a broken DER structure) is a
   * {@link CertificateException} whose message names the damage, not the parser's classes.
   */
  public static List<X509Certificate> fromPem(String pem) throws CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        if (!(o instanceof X509CertificateHolder h)) {
          throw new CertificateException("not a certificate: " + o.getClass().getSimpleName());
        }
        try {
          out.add(new JcaX509CertificateConverter().setProvider(BC).getCertificate(h));
        } catch (CertificateException e) {
          throw new CertificateException("unreadable certificate: " + innermost(e), e);
        }
      }
    } catch (IOException e) {
      throw new CertificateException("bad PEM: " + innermost(e), e);
    } catch (DecoderException e) {
      throw new CertificateException("bad PEM: the base64 text does not decode", e);
    } catch (RuntimeException e) {
      // Bouncy Castle reports some broken structures unchecked.
      throw new CertificateException("bad PEM: unreadable data (" + innermost(e) + ")", e);
    }
    if (out.isEmpty()) {
      throw new CertificateException("no certificate in the PEM text");
    }
    return out;
  }

  /** The message of the innermost cause that has one, without the exception class names. */
  private static String innermost(Throwable e) {
    String message = Outcomes.describe(e);
    Throwable t = e.getCause();
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message.replaceAll("\\b(?:[a-z][\\w$]*+\\.)++[A-Z][\\w$]*+: ", "");
  }

  public static String toPem(X509Certificate c) {
    java.io.StringWriter w = new java.io.StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(c);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  private static X509CertificateHolder holder(X509Certificate c) throws IOException {
    try {
      return new X509CertificateHolder(c.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IOException(e);
    }
  }
}
