package dev.zpaaudit.probe;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test certificates, made with Bouncy Castle: CAs and leaves with EC P-256 keys. */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** A certificate with its key pair. */
  public record Issued(X509Certificate cert, KeyPair keys) {}

  private TestPki() {}

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  public static Issued ca(String dn) throws Exception {
    KeyPair k = keyPair();
    return new Issued(build(x500(dn), k, x500(dn), k.getPublic(), true, null), k);
  }

  static Issued intermediate(Issued parent, String dn) throws Exception {
    KeyPair k = keyPair();
    return new Issued(build(name(parent), parent.keys(), x500(dn), k.getPublic(), true, null), k);
  }

  public static Issued leaf(Issued ca, String dn, String dnsName) throws Exception {
    KeyPair k = keyPair();
    return new Issued(build(name(ca), ca.keys(), x500(dn), k.getPublic(), false, dnsName), k);
  }

  /** The name as RFC 2253 reads it (most significant part last), encoded as certificates are. */
  private static X500Name x500(String dn) {
    return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
  }

  private static X500Name name(Issued i) {
    return X500Name.getInstance(i.cert().getSubjectX500Principal().getEncoded());
  }

  private static X509Certificate build(
      X500Name issuer,
      KeyPair issuerKeys,
      X500Name subject,
      java.security.PublicKey key,
      boolean ca,
      String dnsName)
      throws Exception {
    long now = System.currentTimeMillis();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            new Date(now - 3_600_000L),
            new Date(now + 86_400_000L),
            subject,
            key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    b.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    if (dnsName != null) {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }

  static KeyStore trustStore(X509Certificate... cas) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    for (int i = 0; i < cas.length; i++) {
      ks.setCertificateEntry("ca" + i, cas[i]);
    }
    return ks;
  }
}
