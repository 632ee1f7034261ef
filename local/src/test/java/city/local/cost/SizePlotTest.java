package city.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The docs' plot is well-formed SVG with one line of one point per city size for each series. */
class SizePlotTest {

  @Test
  void oneLinePerSeriesWithAPointPerSize() throws Exception {
    String svg = SizePlot.svg("a <title> & more", List.of(
        SizePlot.series("linear", spaces -> BigDecimal.valueOf(spaces / 1000)),
        SizePlot.series("flat", spaces -> BigDecimal.ONE)));

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    var lines = document.getElementsByTagName("polyline");
    assertEquals(2, lines.getLength());
    for (int i = 0; i < lines.getLength(); i++) {
      String points = lines.item(i).getAttributes().getNamedItem("points").getNodeValue();
      assertEquals(SizePlot.SPACES.length, points.split(" ").length);
    }
  }
}
