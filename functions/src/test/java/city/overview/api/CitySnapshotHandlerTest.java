package city.overview.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The snapshot's validator: the same city gives the same ETag and a 304; a change gives a new one. */
class CitySnapshotHandlerTest {
  private final AtomicInteger occupied = new AtomicInteger();
  private final CitySnapshotHandler handler = new CitySnapshotHandler(readers());

  private Map<String, Supplier<Object>> readers() {
    Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
    readers.put("parking", () -> Map.of("occupied", occupied.get()));
    readers.put("dispatch", () -> Map.of("incidents", List.of()));
    return readers;
  }

  private APIGatewayV2HTTPResponse get(String ifNoneMatch) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../events/CitySnapshot.json");
    Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
    headers.remove("if-none-match");
    if (ifNoneMatch != null) {
      headers.put("if-none-match", ifNoneMatch);
    }
    event.setHeaders(headers);
    return handler.handleRequest(event, null);
  }

  @Test
  void eachPartIsUnderItsNameAndTheSameCityRevalidatesWithA304() {
    APIGatewayV2HTTPResponse first = get(null);
    assertEquals(200, first.getStatusCode(), first.getBody());
    assertEquals(0, Json.parse(first.getBody()).path("parking").path("occupied").asInt());
    assertTrue(Json.parse(first.getBody()).path("dispatch").path("incidents").isArray());
    String etag = first.getHeaders().get("ETag");
    assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
    assertTrue(first.getHeaders().get("Content-Type").startsWith("application/json"));

    APIGatewayV2HTTPResponse again = get(etag);
    assertEquals(304, again.getStatusCode());
    assertEquals("", again.getBody());
    assertEquals(etag, again.getHeaders().get("ETag"));
  }

  @Test
  void aChangeInTheCityIsANewEtagAndAWholeAnswer() {
    String before = get(null).getHeaders().get("ETag");
    occupied.incrementAndGet();
    APIGatewayV2HTTPResponse after = get(before);
    assertEquals(200, after.getStatusCode());
    assertNotEquals(before, after.getHeaders().get("ETag"));
    assertEquals(1, Json.parse(after.getBody()).path("parking").path("occupied").asInt());
  }

  @Test
  void everyDomainWithAPartIsRegistered() {
    assertEquals(List.of("parking", "dispatch", "bikeshare"),
        CitySnapshotHandler.parts().stream().map(p -> p.name()).toList());
  }
}
