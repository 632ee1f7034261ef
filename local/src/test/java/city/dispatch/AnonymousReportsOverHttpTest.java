package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.DispatchTwinKit.Order;
import city.dispatch.DispatchTwinKit.TestUnit;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymous Open311 reports of priority 1 over real HTTP on the twin: no unit is sent until a call-taker (ops role)
 * confirms; a rejected one is closed without a unit; a signed-in citizen's report is dispatched at once.
 */
class AnonymousReportsOverHttpTest {
  private static final OffsetDateTime START = OffsetDateTime.now();
  private static final TestUnit FX = new TestUnit("FX", "fire", 36.500, 118.800);
  private static final TestUnit FY = new TestUnit("FY", "fire", 36.510, 118.800);
  private static final TestUnit FZ = new TestUnit("FZ", "fire", 36.520, 118.800);
  private static final String FIRE = "service_code=fire&lat=36.5011&long=118.8002&description=Smoke+from+a+shop+roof";

  private static DispatchTwinKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = DispatchTwinKit.start(List.of(FX, FY, FZ), List.of(), Duration.ofSeconds(30), Duration.ofMillis(500));
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private static String report(String path, String token, String key) {
    Map<String, String> headers = token == null
        ? Map.of("Idempotency-Key", key)
        : Map.of("Idempotency-Key", key, "Authorization", "Bearer " + token);
    HttpResponse<String> created = kit.postForm(path, FIRE, headers);
    assertEquals(201, created.statusCode(), created.body());
    return Json.parse(created.body()).get(0).path("service_request_id").asText();
  }

  private static JsonNode followed(String id) {
    return Json.parse(kit.get("/open311/v2/requests/" + id + ".json", null).body()).get(0);
  }

  private static List<String> events(JsonNode incident) {
    return incident.path("history").findValuesAsText("event");
  }

  @Test
  void anAnonymousFireReportWaitsForTheCallTakerThenIsDispatched() {
    kit.unitStatus(FX, "available", START.plusSeconds(1).toString());
    kit.awaitUnits("available", List.of("FX"));
    String id = report("/open311/v2/requests.json", null, "anon-fire-" + System.nanoTime());

    JsonNode seen = followed(id);
    assertEquals("open", seen.path("status").asText());
    assertTrue(seen.path("status_notes").asText().contains("call-taker"), seen.toString());
    JsonNode waiting = kit.ops("/ops/incidents?status=awaiting_confirmation");
    assertEquals(List.of(id), waiting.path("incidents").findValuesAsText("incidentId"));

    // a unit becoming available drains the fire queue: the report is not in it
    long before = kit.twin.messagesReceived();
    kit.unitStatus(FY, "available", START.plusSeconds(2).toString());
    DispatchTwinKit.await("FY's status handled", kit.twin::messagesReceived, n -> n > before);
    assertTrue(kit.twin.awaitIdle(DispatchTwinKit.WAIT));
    assertEquals("awaiting_confirmation", kit.ops("/ops/incidents/" + id).path("status").asText());
    assertTrue(kit.orders.stream().noneMatch(o -> o.incidentId().equals(id)), "no unit was sent");

    String confirm = "/ops/incidents/" + id + "/confirm";
    assertEquals(401, kit.postJson(confirm, "{}", null).statusCode());
    assertEquals(403, kit.postJson(confirm, "{}", kit.twin.token("c-1", "citizen", List.of())).statusCode());
    HttpResponse<String> confirmed = kit.postJson(confirm, "{}", kit.opsToken());
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    assertEquals("assigned", Json.parse(confirmed.body()).path("status").asText());
    Order order = kit.awaitOrder("the order after the confirm", o -> o.incidentId().equals(id));
    assertEquals("FX", order.unitId(), "the nearest free unit, as for any report");
    assertEquals(List.of("reported", "awaiting-confirmation", "confirmed", "assigned"), events(kit.ops("/ops/incidents/" + id)));
    assertEquals("Dispatched to a fire unit.", followed(id).path("status_notes").asText());
    assertEquals(200, kit.postJson(confirm, "{}", kit.opsToken()).statusCode(), "a repeated confirm is answered alike");
  }

  @Test
  void aRejectedAnonymousReportIsClosedWithoutAUnit() {
    String id = report("/open311/v2/requests.json", null, "anon-false-" + System.nanoTime());
    HttpResponse<String> rejected = kit.postJson("/ops/incidents/" + id + "/reject",
        "{\"reason\": \"false alarm: the shop confirms no smoke\"}", kit.opsToken());
    assertEquals(200, rejected.statusCode(), rejected.body());
    assertEquals("closed", Json.parse(rejected.body()).path("status").asText());
    assertEquals(409, kit.postJson("/ops/incidents/" + id + "/confirm", "{}", kit.opsToken()).statusCode());
    JsonNode seen = followed(id);
    assertEquals("closed", seen.path("status").asText());
    assertTrue(seen.path("status_notes").asText().contains("no unit was sent"), seen.toString());
    assertTrue(kit.orders.stream().noneMatch(o -> o.incidentId().equals(id)));
    assertEquals(400, kit.postJson("/ops/incidents/" + id + "/reject", "{\"reason\": 7}", kit.opsToken()).statusCode());
    assertEquals(404, kit.postJson("/ops/incidents/R-nope/confirm", "{}", kit.opsToken()).statusCode());
  }

  @Test
  void aSignedInCitizensFireReportIsDispatchedAtOnce() {
    kit.unitStatus(FZ, "available", START.plusSeconds(3).toString());
    kit.awaitUnits("available", List.of("FZ"));
    Map<String, String> noToken = Map.of("Idempotency-Key", "citizen-none-" + System.nanoTime());
    assertEquals(401, kit.postForm("/open311/v2/citizen/requests.json", FIRE, noToken).statusCode());
    String id = report("/open311/v2/citizen/requests.json", kit.twin.token("c-7", "citizen", List.of()),
        "citizen-fire-" + System.nanoTime());
    kit.awaitOrder("the order for the signed-in report", o -> o.incidentId().equals(id));
    assertEquals(List.of("reported", "assigned"), events(kit.ops("/ops/incidents/" + id)));
  }
}
