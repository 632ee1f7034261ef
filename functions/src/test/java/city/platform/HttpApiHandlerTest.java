package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiHandlerTest {
  static final class Sample extends HttpApiHandler {
    Sample() {
      super(List.of(
          new Endpoint("POST /things", request -> HttpResponse.created(Map.of("name", request.jsonBody().path("name").asText()))),
          new Endpoint("GET /things/{id}", request -> {
            throw HttpError.notFound("no thing " + request.pathParameter("id"));
          }),
          new Endpoint("PUT /things/{id}", request -> {
            throw HttpError.conflict("thing changed meanwhile");
          }),
          new Endpoint("GET /boom", request -> {
            throw new IllegalStateException("secret table name arn:aws:dynamodb:xyz");
          }),
          new Endpoint("GET /ops/things", request -> HttpResponse.ok(Map.of("plates", request.requireCaller().plates())))));
    }
  }

  private final Sample handler = new Sample();

  private static APIGatewayV2HTTPEvent event(String routeKey, String body, Map<String, String> claims) {
    var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r-1");
    if (claims != null) {
      context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
          .build());
    }
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey(routeKey)
        .withRawPath("/" + routeKey.split(" /")[1])
        .withPathParameters(Map.of("id", "7"))
        .withBody(body)
        .withRequestContext(context.build())
        .build();
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) {
    return Json.parse(response.getBody());
  }

  @Test
  void malformedJsonIsA400WithTheReason() {
    var response = handler.handleRequest(event("POST /things", "{\"name\": ", null), null);
    assertEquals(400, response.getStatusCode());
    assertTrue(body(response).path("error").asText().startsWith("malformed JSON"), response.getBody());
  }

  @Test
  void emptyBodyIsA400() {
    var response = handler.handleRequest(event("POST /things", "", null), null);
    assertEquals(400, response.getStatusCode());
    assertEquals("request body is empty", body(response).path("error").asText());
  }

  @Test
  void validBodyIsServed() {
    var response = handler.handleRequest(event("POST /things", "{\"name\":\"lamp\"}", null), null);
    assertEquals(201, response.getStatusCode());
    assertEquals("lamp", body(response).path("name").asText());
    assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
  }

  @Test
  void notFoundAndConflictKeepTheirStatusAndReason() {
    var notFound = handler.handleRequest(event("GET /things/{id}", null, null), null);
    assertEquals(404, notFound.getStatusCode());
    assertEquals("no thing 7", body(notFound).path("error").asText());
    var conflict = handler.handleRequest(event("PUT /things/{id}", null, null), null);
    assertEquals(409, conflict.getStatusCode());
  }

  @Test
  void unexpectedFailureIs500WithoutInternals() {
    var response = handler.handleRequest(event("GET /boom", null, null), null);
    assertEquals(500, response.getStatusCode());
    assertEquals("internal error", body(response).path("error").asText());
    assertEquals("r-1", body(response).path("requestId").asText());
    assertFalse(response.getBody().contains("arn:aws"), response.getBody());
    assertFalse(response.getBody().contains("IllegalStateException"), response.getBody());
  }

  @Test
  void opsRoutesNeedATokenAndTheOpsRole() {
    assertEquals(401, handler.handleRequest(event("GET /ops/things", null, null), null).getStatusCode());
    var citizen = Map.of("sub", "c-1", "role", "citizen");
    assertEquals(403, handler.handleRequest(event("GET /ops/things", null, citizen), null).getStatusCode());
    var ops = Map.of("sub", "o-1", "role", "ops", "plates", "[京A12345 京B00001]");
    var response = handler.handleRequest(event("GET /ops/things", null, ops), null);
    assertEquals(200, response.getStatusCode());
    assertEquals("[\"京A12345\",\"京B00001\"]", body(response).path("plates").toString());
  }

  @Test
  void unknownRouteIs404() {
    assertEquals(404, handler.handleRequest(event("GET /nothing", null, null), null).getStatusCode());
  }

  @Test
  void aListClaimIsReadAsTheAuthorizerRendersItOrAsJsonAndAStringClaimIsOneValueNeverSplit() {
    assertEquals(List.of("A1", "B2"), ClaimValues.parse("plates", "[A1 B2]"));
    assertEquals(List.of("A1", "B2"), ClaimValues.parse("plates", "[\"A1\",\"B2\"]"));
    assertEquals(List.of("123"), ClaimValues.parse("plates", "[123]"), "the authorizer's [\"123\"], not JSON's [123]");
    assertEquals(List.of("A1,B2"), ClaimValues.parse("plates", "A1,B2"));
    assertEquals(List.of("A1 B2"), ClaimValues.parse("plates", "A1 B2"));
    assertEquals(List.of("A1,B2"), ClaimValues.parse("plates", "[A1,B2]"));
    assertEquals(List.of(), ClaimValues.parse("plates", "[]"));
    assertEquals(List.of(), ClaimValues.parse("plates", null));
  }

  @Test
  void aListClaimWithEmptyElementsIsNotAuthenticated() {
    for (String claim : List.of("[A1  B2]", "[ A1]", "[A1 ]")) {
      HttpError refused = org.junit.jupiter.api.Assertions.assertThrows(HttpError.class,
          () -> ClaimValues.parse("plates", claim), claim);
      assertEquals(401, refused.status());
    }
    var response = handler.handleRequest(event("GET /ops/things", null,
        Map.of("sub", "o-1", "role", "ops", "plates", "[京A12345  京B00001]")), null);
    assertEquals(401, response.getStatusCode());
    assertEquals("token claim plates is not a list as the JWT authorizer renders one", body(response).path("error").asText());
  }
}
