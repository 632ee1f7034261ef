package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ids longer than DynamoDB's key limit and dates near year 999999999 through the twin's real HTTP and dynalite:
 * each answers 400 with its reason (they answered 500 before every route bounded its input).
 */
class BoundedHttpInputTwinTest {
  private static final String HUGE_ID = "x".repeat(3000);
  private static final String FAR_FUTURE = "%2B999999999-12-31T00:00:00Z";
  private static Twin twin;
  private static String ops;

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory());
    ops = twin.token("ops-1", "ops", List.of());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static String badRequest(String path, String token) {
    HttpResponse<String> response = TwinClient.get(twin, path, token);
    assertEquals(400, response.statusCode(), path.substring(0, Math.min(120, path.length())) + ": " + response.body());
    return response.body();
  }

  @Test
  void anOpen311RequestIdLongerThanAKeyIsABadRequestInTheSpecsShape() {
    JsonNode error = TwinClient.json(TwinClient.get(twin, "/open311/v2/requests/" + HUGE_ID + ".json", null));
    assertEquals(400, error.get(0).path("code").asInt(), error.toString());
    assertTrue(error.get(0).path("description").asText().contains("at most 128 characters"), error.toString());
  }

  @Test
  void serviceRequestIdListsAreBoundedInLengthAndCount() {
    assertTrue(badRequest("/open311/v2/requests.json?service_request_id=R-1," + HUGE_ID, null).contains("128"));
    String many = IntStream.range(0, 101).mapToObj(i -> "R-" + i).collect(Collectors.joining(","));
    assertTrue(badRequest("/open311/v2/requests.json?service_request_id=" + many, null).contains("at most 100"));
  }

  @Test
  void open311DatesOutsideTheCenturyAreABadRequest() {
    assertTrue(badRequest("/open311/v2/requests.json?end_date=" + FAR_FUTURE, null).contains("end_date must lie"));
    assertTrue(badRequest("/open311/v2/requests.json?start_date=" + FAR_FUTURE + "&end_date=" + FAR_FUTURE, null)
        .contains("must lie"));
  }

  @Test
  void opsParkingPeriodsOutsideTheCenturyAreABadRequest() {
    assertTrue(badRequest("/ops/parking/summary?from=" + FAR_FUTURE, ops).contains("from must lie"));
    assertTrue(badRequest("/ops/parking/unidentified?to=" + FAR_FUTURE, ops).contains("to must lie"));
    assertTrue(badRequest("/ops/parking/spaces/S1/sessions?from=1900-01-01", ops).contains("from must lie"));
  }

  @Test
  void anIncidentIdLongerThanAKeyIsABadRequest() {
    assertTrue(badRequest("/ops/incidents/" + HUGE_ID, ops).contains("incidentId must be at most 128 characters"));
  }

  @Test
  void everyPathIdIsBoundedTheSameWay() {
    String citizen = twin.token("c-1", "citizen", List.of("京A12345"));
    badRequest("/parking/sessions/" + HUGE_ID, citizen);
    badRequest("/parking/spaces/" + HUGE_ID, null);
    badRequest("/parking/zones/" + HUGE_ID + "/availability", null);
    badRequest("/ops/parking/spaces/" + HUGE_ID + "/sessions", ops);
  }
}
