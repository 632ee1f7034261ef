package city.dispatch.api;

import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GeoReport v2's XML format, the spec's default, from the same values the JSON answers are made of (the JDK's StAX
 * writer: nothing to add to the jar). A list becomes {@code <root><item>...</item></root>}; inside an element a JSON
 * array named in the plural ({@code formats}) holds one element per value named in the singular ({@code format}); a
 * null is an empty element, as the spec's samples show absent values.
 */
final class Open311Xml {
  static final String CONTENT_TYPE = "text/xml; charset=utf-8";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  /** The element names of one kind of answer. */
  record Shape(String root, String item) {
    static final Shape SERVICES = new Shape("services", "service");
    static final Shape REQUESTS = new Shape("service_requests", "request");
    static final Shape ERRORS = new Shape("errors", "error");
    /** A single object: its fields go straight under the root. */
    static final Shape DISCOVERY = new Shape("discovery", null);
  }

  private Open311Xml() {}

  static String write(Shape shape, Object value) {
    JsonNode tree = Json.MAPPER.valueToTree(value);
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
      xml.writeStartDocument("utf-8", "1.0");
      xml.writeStartElement(shape.root());
      if (shape.item() == null) {
        fields(xml, tree);
      } else {
        for (JsonNode item : tree) {
          xml.writeStartElement(shape.item());
          fields(xml, item);
          xml.writeEndElement();
        }
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write Open311 XML", e);
    }
    return text.toString();
  }

  private static void fields(XMLStreamWriter xml, JsonNode object) throws XMLStreamException {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      element(xml, field.getKey(), field.getValue());
    }
  }

  private static void element(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
    if (value.isNull() || value.isMissingNode()) {
      xml.writeEmptyElement(name);
      return;
    }
    xml.writeStartElement(name);
    if (value.isArray()) {
      String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
      for (JsonNode item : value) {
        element(xml, singular, item);
      }
    } else if (value.isObject()) {
      fields(xml, value);
    } else {
      xml.writeCharacters(value.asText());
    }
    xml.writeEndElement();
  }
}
