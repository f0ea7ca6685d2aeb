package dev.zpaaudit.io;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.SourceLocation;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses untrusted XML into a line-tracked {@link XmlElement} tree with the JDK's streaming parser.
 * A document type declaration is refused, so there are no DTDs, no entity declarations and no
 * external entities: only the five predefined entities and character references are expanded. The
 * input size, nesting depth, number of elements, attributes per element and the length of values
 * are bounded by {@link XmlLimits}. Every refusal is an {@link InputException} with the line it
 * concerns.
 */
public final class SafeXml {
  private SafeXml() {}

  /** Reads a file with the bounds of {@link InputFiles} and parses it. */
  public static XmlElement read(Path file) throws InputException {
    return parse(InputFiles.read(file), file.toString(), XmlLimits.forExports());
  }

  public static XmlElement parse(String text, String file) throws InputException {
    return parse(text, file, XmlLimits.forExports());
  }

  public static XmlElement parse(String text, String file, XmlLimits limits) throws InputException {
    if (text.length() > limits.maxChars()) {
      throw new InputException(
          new Diagnostic(
              Severity.ERROR,
              new SourceLocation(file, 0),
              "document is " + text.length() + " characters; the limit is " + limits.maxChars()));
    }
    XMLStreamReader reader = null;
    try {
      reader = factory().createXMLStreamReader(new StringReader(text));
      return new Builder(text, file, limits, reader).document();
    } catch (XMLStreamException e) {
      throw parseError(file, e);
    } finally {
      close(reader);
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Nothing is left to release: the input is a string.
      }
    }
  }

  private static InputException parseError(String file, XMLStreamException e) {
    int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
    String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int at = msg.indexOf("Message: ");
    if (at >= 0) {
      msg = msg.substring(at + "Message: ".length());
    }
    msg = msg.lines().findFirst().orElse(msg).strip();
    return error(file, line, "cannot parse XML: " + msg);
  }

  static InputException error(String file, int line, String message) {
    return new InputException(
        new Diagnostic(Severity.ERROR, new SourceLocation(file, line), message));
  }

  /** An element whose end tag has not been read yet. */
  private static final class Open {
    final String name;
    final Map<String, String> attributes;
    final int line;
    final List<XmlElement> children = new ArrayList<>();
    StringBuilder text;

    Open(String name, Map<String, String> attributes, int line) {
      this.name = name;
      this.attributes = attributes;
      this.line = line;
    }

    XmlElement close() {
      String t = text == null || text.toString().isBlank() ? "" : text.toString();
      return new XmlElement(name, attributes, t, children, line);
    }
  }

  /**
   * Turns the parser's events into elements, enforcing the limits as it goes. An element's line is
   * where the event before its start tag ended, which is where the tag begins; the root element,
   * which may follow an XML declaration that is no event, takes the line its start tag ends on.
   */
  private static final class Builder {
    private final String text;
    private final String file;
    private final XmlLimits limits;
    private final XMLStreamReader reader;
    private final Deque<Open> open = new ArrayDeque<>();
    private int elements;
    private int lastLine;
    private XmlElement root;

    Builder(String text, String file, XmlLimits limits, XMLStreamReader reader) {
      this.text = text;
      this.file = file;
      this.limits = limits;
      this.reader = reader;
    }

    XmlElement document() throws XMLStreamException, InputException {
      while (reader.hasNext()) {
        int event = reader.next();
        handle(event);
        lastLine = line();
      }
      if (root == null) {
        throw error(file, 1, "empty document: no root element");
      }
      return root;
    }

    private void handle(int event) throws InputException {
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> start();
        case XMLStreamConstants.END_ELEMENT -> end();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            characters();
        case XMLStreamConstants.DTD ->
            throw error(
                file,
                doctypeLine(),
                "DOCTYPE is not allowed: document type definitions, entity declarations and"
                    + " external entities are refused");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw error(
                file, line(), "entity reference '&" + reader.getLocalName() + ";' is not allowed");
        default -> {
          // Comments, processing instructions and the document's start and end carry no data.
        }
      }
    }

    private void start() throws InputException {
      int line = lastLine > 0 ? lastLine : line();
      if (open.size() >= limits.maxDepth()) {
        throw error(file, line, "elements are nested deeper than " + limits.maxDepth() + " levels");
      }
      if (++elements > limits.maxElements()) {
        throw error(file, line, "document has more than " + limits.maxElements() + " elements");
      }
      String name = qualifiedName();
      int count = reader.getAttributeCount();
      if (count > limits.maxAttributes()) {
        throw error(
            file,
            line,
            "element <"
                + name
                + "> has "
                + count
                + " attributes; the limit is "
                + limits.maxAttributes());
      }
      Map<String, String> attributes = count == 0 ? Map.of() : new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String value = reader.getAttributeValue(i);
        checkLength(value.length(), "attribute value of <" + name + ">", line);
        attributes.put(attributeName(i), value);
      }
      open.push(new Open(name, attributes, line));
    }

    private void end() {
      XmlElement done = open.pop().close();
      if (open.isEmpty()) {
        root = done;
      } else {
        open.peek().children.add(done);
      }
    }

    private void characters() throws InputException {
      Open top = open.peek();
      if (top == null) {
        return; // white space around the root element
      }
      if (top.text == null) {
        top.text = new StringBuilder();
      }
      top.text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
      checkLength(top.text.length(), "text of <" + top.name + ">", top.line);
    }

    private void checkLength(int length, String what, int line) throws InputException {
      if (length > limits.maxValueChars()) {
        throw error(file, line, what + " is longer than " + limits.maxValueChars() + " characters");
      }
    }

    private String qualifiedName() {
      String prefix = reader.getPrefix();
      String local = reader.getLocalName();
      return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private String attributeName(int i) {
      String prefix = reader.getAttributePrefix(i);
      String local = reader.getAttributeLocalName(i);
      return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** The line where the event just read ends. */
    private int line() {
      return reader.getLocation() == null ? 1 : Math.max(1, reader.getLocation().getLineNumber());
    }

    /**
     * The line the document type declaration starts on: past the XML declaration, processing
     * instructions, comments and white space that may come before it.
     */
    private int doctypeLine() {
      int i = 0;
      while (i < text.length()) {
        if (Character.isWhitespace(text.charAt(i))) {
          i++;
        } else if (text.startsWith("<?", i) && text.indexOf("?>", i) > 0) {
          i = text.indexOf("?>", i) + 2;
        } else if (text.startsWith("<!--", i) && text.indexOf("-->", i) > 0) {
          i = text.indexOf("-->", i) + 3;
        } else {
          break;
        }
      }
      if (!text.startsWith("<!DOCTYPE", i)) {
        return line();
      }
      return 1 + (int) text.substring(0, i).chars().filter(c -> c == '\n').count();
    }
  }
}
