package city.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Access;
import city.catalog.HttpRoute;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
  private static final RouteTable.Match MATCH = new RouteTable.Match(
      new HttpRoute("POST", "/parking/sessions/{sessionId}/pay", "Pay", Access.CITIZEN), Map.of("sessionId", "s1"));

  private static GatewayRequest request(Map<String, List<String>> headers, String query, byte[] body) {
    return new GatewayRequest("POST", "/parking/sessions/s1/pay", query, headers, body, "127.0.0.1", "HTTP/1.1",
        Instant.parse("2026-11-28T01:02:03.456Z"));
  }

  @Test
  void mapsARequestLikeHttpApi() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("X-Many", List.of("a", "b"));
    headers.put("Host", List.of("127.0.0.1:8080"));
    Map<String, Object> claims = Map.of("sub", "c-1", "role", "citizen", "plates", List.of("A", "B"), "exp", 1795950000L,
        "scope", "pay read");
    APIGatewayV2HTTPEvent event = HttpApiEvents.build(
        request(headers, "a=1&a=2&b=x%20y", "{\"fen\":100}".getBytes(StandardCharsets.UTF_8)), MATCH, Optional.of(claims),
        "127.0.0.1:8080");
    assertEquals("2.0", event.getVersion());
    assertEquals("POST /parking/sessions/{sessionId}/pay", event.getRouteKey());
    assertEquals("a=1&a=2&b=x%20y", event.getRawQueryString());
    assertEquals(Map.of("a", "1,2", "b", "x y"), event.getQueryStringParameters());
    assertEquals("a,b", event.getHeaders().get("x-many"));
    assertEquals("application/json", event.getHeaders().get("content-type"));
    assertEquals("{\"fen\":100}", event.getBody());
    assertFalse(event.getIsBase64Encoded());
    assertEquals(Map.of("sessionId", "s1"), event.getPathParameters());
    var context = event.getRequestContext();
    assertEquals("POST", context.getHttp().getMethod());
    assertEquals("/parking/sessions/s1/pay", context.getHttp().getPath());
    assertEquals(1795827723456L, context.getTimeEpoch());
    assertEquals("28/Nov/2026:01:02:03 +0000", context.getTime());
    Map<String, String> flat = context.getAuthorizer().getJwt().getClaims();
    assertEquals("[A B]", flat.get("plates"));
    assertEquals("1795950000", flat.get("exp"));
    assertEquals(List.of("pay", "read"), context.getAuthorizer().getJwt().getScopes());
  }

  @Test
  void withoutQueryBodyOrTokenThoseFieldsAreAbsent() {
    APIGatewayV2HTTPEvent event = HttpApiEvents.build(request(Map.of(), "", new byte[0]), MATCH, Optional.empty(), "h:1");
    assertEquals("", event.getRawQueryString());
    assertNull(event.getQueryStringParameters());
    assertNull(event.getBody());
    assertNull(event.getRequestContext().getAuthorizer());
    assertNull(event.getCookies());
  }

  @Test
  void textTypesStayTextOthersAreBase64() {
    assertTrue(HttpApiEvents.isText("application/json; charset=utf-8"));
    assertTrue(HttpApiEvents.isText("text/csv"));
    assertTrue(HttpApiEvents.isText("application/x-www-form-urlencoded"));
    assertTrue(HttpApiEvents.isText("application/geo+json"));
    assertFalse(HttpApiEvents.isText("application/octet-stream"));
    assertFalse(HttpApiEvents.isText("image/png"));
    APIGatewayV2HTTPEvent untyped = HttpApiEvents.build(request(Map.of(), "", new byte[] {1, 2}), MATCH, Optional.empty(), "h:1");
    assertTrue(untyped.getIsBase64Encoded(), "a body without content type arrives base64-encoded");
    assertEquals("AQI=", untyped.getBody());
  }
}
