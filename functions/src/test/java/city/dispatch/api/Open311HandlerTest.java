package city.dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.InvalidInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Open311HandlerTest {
  @Test
  void aRequestIdComesWithoutItsFormat() {
    assertEquals("R-1a", Open311Handler.requestId("R-1a.json"));
    assertEquals("R-1a", Open311Handler.requestId("R-1a.xml"));
    assertEquals("R-1a", Open311Handler.requestId("R-1a"));
    assertThrows(InvalidInput.class, () -> Open311Handler.requestId("R-1a.csv"));
  }

  @Test
  void xmlAnswersAreTheSpecsElementsWithEmptyElementsForNulls() {
    String xml = Open311Xml.write(Open311Xml.Shape.REQUESTS,
        List.of(Map.of("service_request_id", "R-1", "service_notice", "Already <reported> & joined")));
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"), xml);
    assertTrue(xml.contains("<service_request_id>R-1</service_request_id>"), xml);
    assertTrue(xml.contains("Already &lt;reported&gt; &amp; joined"), xml);
    String errors = Open311Xml.write(Open311Xml.Shape.ERRORS,
        List.of(new Open311Handler.Open311Error(404, "no service x")));
    assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code>"
        + "<description>no service x</description></error></errors>", errors);
    String discovery = Open311Xml.write(Open311Xml.Shape.DISCOVERY, Map.of("endpoints",
        List.of(Map.of("formats", List.of("text/xml", "application/json")))));
    assertTrue(discovery.contains("<endpoints><endpoint><formats><format>text/xml</format><format>application/json</format>"),
        discovery);
  }
}
