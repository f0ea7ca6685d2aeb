package dev.zpaaudit.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
  private static final Path BAD = Path.of("src/test/resources/panos/bad");

  private static List<String> errors(ThrowingCall call) {
    try {
      call.run();
    } catch (InputException e) {
      return e.errors().stream().map(Diagnostic::format).toList();
    }
    throw new AssertionError("no InputException");
  }

  interface ThrowingCall {
    void run() throws InputException;
  }

  private static List<String> readErrors(String file) {
    return errors(() -> SafeXml.read(BAD.resolve(file)));
  }

  @Test
  void elementsKnowTheLineTheirStartTagIsOn() throws InputException {
    String xml =
        "<?xml version=\"1.0\"?>\n"
            + "<config version=\"10.1.0\">\n"
            + "  <!-- a comment -->\n"
            + "  <entry\n"
            + "     name=\"a &amp; b\">x &lt; y &#65;</entry><other/>\n"
            + "  <cdata><![CDATA[<raw>]]></cdata>\n"
            + "</config>\n";
    XmlElement root = SafeXml.parse(xml, "t.xml");
    assertThat(root.name()).isEqualTo("config");
    assertThat(root.line()).isEqualTo(2);
    assertThat(root.text()).isEmpty();
    assertThat(root.attributes()).isEqualTo(Map.of("version", "10.1.0"));
    XmlElement entry = root.child("entry").orElseThrow();
    assertThat(entry)
        .isEqualTo(new XmlElement("entry", Map.of("name", "a & b"), "x < y A", List.of(), 4));
    assertThat(root.child("other").orElseThrow().line()).isEqualTo(5);
    assertThat(root.child("cdata").orElseThrow().text()).isEqualTo("<raw>");
    assertThat(root.children())
        .extracting(XmlElement::name)
        .containsExactly("entry", "other", "cdata");
  }

  @Test
  void linesStayRightAfterARootWithSeveralAttributes() throws InputException {
    XmlElement root =
        SafeXml.parse(
            "<config version=\"10.1.0\" urldb=\"paloaltonetworks\">\n"
                + "  <a>\n"
                + "    <b>on</b>\n"
                + "  </a>\n"
                + "  <c/>\n"
                + "</config>",
            "t.xml");
    assertThat(root.line()).isEqualTo(1);
    assertThat(root.child("a").orElseThrow().line()).isEqualTo(2);
    assertThat(root.child("a").orElseThrow().child("b").orElseThrow().line()).isEqualTo(3);
    assertThat(root.child("c").orElseThrow().line()).isEqualTo(5);
  }

  @Test
  void textKeepsItsWhiteSpaceAndValueStripsIt() throws InputException {
    XmlElement root = SafeXml.parse("<a>\n  <b> x y </b>\n</a>", "t.xml");
    XmlElement b = root.child("b").orElseThrow();
    assertThat(b.text()).isEqualTo(" x y ");
    assertThat(b.value()).isEqualTo("x y");
    assertThat(root.text()).isEmpty();
  }

  @Test
  void malformedXmlIsAnErrorAtItsLine() {
    assertThat(readErrors("malformed.xml"))
        .containsExactly(
            "src/test/resources/panos/bad/malformed.xml:5: error: cannot parse XML: The element"
                + " type \"address\" must be terminated by the matching end-tag \"</address>\".");
  }

  @Test
  void billionLaughsIsRefusedAtItsDoctype() {
    assertThat(readErrors("billion-laughs.xml"))
        .containsExactly(
            "src/test/resources/panos/bad/billion-laughs.xml:2: error: DOCTYPE is not allowed:"
                + " document type definitions, entity declarations and external entities are"
                + " refused");
  }

  @Test
  void externalEntityIsRefusedAtItsDoctype() {
    assertThat(readErrors("external-entity.xml"))
        .containsExactly(
            "src/test/resources/panos/bad/external-entity.xml:3: error: DOCTYPE is not allowed:"
                + " document type definitions, entity declarations and external entities are"
                + " refused");
  }

  @Test
  void anUndeclaredEntityIsAnError() {
    assertThat(readErrors("undeclared-entity.xml"))
        .containsExactly(
            "src/test/resources/panos/bad/undeclared-entity.xml:5: error: cannot parse XML: The"
                + " entity \"undeclared\" was referenced, but not declared.");
  }

  @Test
  void tooDeepNestingIsRefused() {
    assertThat(readErrors("too-deep.xml"))
        .containsExactly(
            "src/test/resources/panos/bad/too-deep.xml:2: error: elements are nested deeper than"
                + " 64 levels");
  }

  @Test
  void aDocumentWithoutElementsIsAnError() {
    assertThat(readErrors("empty.xml"))
        .containsExactly(
            "src/test/resources/panos/bad/empty.xml:3: error: cannot parse XML: Premature end of"
                + " file.");
  }

  @Test
  void tooManyElementsAreRefused() {
    XmlLimits three = new XmlLimits(1000, 10, 3, 4, 100);
    assertThat(errors(() -> SafeXml.parse("<a>\n<b/>\n<c/>\n<d/></a>", "t.xml", three)))
        .containsExactly("t.xml:4: error: document has more than 3 elements");
  }

  @Test
  void longTextAndAttributeValuesAreRefused() {
    XmlLimits small = new XmlLimits(1000, 10, 10, 4, 5);
    assertThat(errors(() -> SafeXml.parse("<a>\n<b>123456</b></a>", "t.xml", small)))
        .containsExactly("t.xml:2: error: text of <b> is longer than 5 characters");
    assertThat(errors(() -> SafeXml.parse("<a>\n<b x=\"123456\"/></a>", "t.xml", small)))
        .containsExactly("t.xml:2: error: attribute value of <b> is longer than 5 characters");
  }

  @Test
  void tooManyAttributesAreRefused() {
    XmlLimits small = new XmlLimits(1000, 10, 10, 1, 5);
    assertThat(errors(() -> SafeXml.parse("<a x=\"1\" y=\"2\"/>", "t.xml", small)))
        .containsExactly("t.xml:1: error: element <a> has 2 attributes; the limit is 1");
  }

  @Test
  void tooLongInputIsRefusedBeforeParsing() {
    XmlLimits small = new XmlLimits(10, 10, 10, 1, 5);
    assertThat(errors(() -> SafeXml.parse("<a>0123456789</a>", "t.xml", small)))
        .containsExactly("t.xml: error: document is 17 characters; the limit is 10");
  }
}
