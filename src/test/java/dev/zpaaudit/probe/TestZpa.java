package dev.zpaaudit.probe;

import java.util.List;

/**
 * A pretend ZPA cloud and a pretend intercepting proxy, each a TLS server on loopback: the cloud's
 * chain comes from a test vendor CA and it needs a client certificate; the interceptor's chain
 * comes from another CA and it asks for none.
 */
final class TestZpa implements AutoCloseable {
  static final String NAME = "co2br.prod.zpath.net";
  static final String INSPECTION_CA = "CN=Corp Inspection CA,O=Example Corp";

  final TestPki.Issued root;
  final TestPki.Issued issuing;
  final TestPki.Issued clientCa;
  final TestPki.Issued inspection;
  final TestTlsServer cloud;
  final TestTlsServer interceptor;

  TestZpa() throws Exception {
    root = TestPki.ca("CN=Test ZPA Root CA,O=Zscaler Test");
    issuing = TestPki.intermediate(root, "CN=Test ZPA Issuing CA,O=Zscaler Test");
    clientCa = TestPki.ca("CN=Test ZPA Client CA,O=Zscaler Test");
    TestPki.Issued leaf = TestPki.leaf(issuing, "CN=" + NAME + ",O=Zscaler Test", NAME);
    cloud =
        new TestTlsServer(
            List.of(leaf.cert(), issuing.cert()), leaf.keys().getPrivate(), clientCa.cert());
    inspection = TestPki.ca(INSPECTION_CA);
    TestPki.Issued fake = TestPki.leaf(inspection, "CN=" + NAME, NAME);
    // The interceptor also sends the vendor's issuing CA, which signed nothing of its chain.
    interceptor =
        new TestTlsServer(
            List.of(fake.cert(), inspection.cert(), issuing.cert()),
            fake.keys().getPrivate(),
            null);
  }

  @Override
  public void close() throws java.io.IOException {
    cloud.close();
    interceptor.close();
  }
}
