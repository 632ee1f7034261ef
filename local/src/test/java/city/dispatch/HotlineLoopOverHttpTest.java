package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.DispatchTwinKit.TestUnit;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 12345 loop of issue 13's "Done when", over real HTTP and MQTT on the twin: a pothole phoned in and the same
 * pothole reported on Open311 ten metres away are one work order with two reporters; with a deadline of seconds (the
 * test city's resolveWithinMinutes) and an accelerated hotline_supervision it becomes overdue and escalates to levels
 * 1 and 2, each once, on ops/supervision/urban-management and the city bus; resolved, rated 2 and reopened, it
 * counts in the stats as closed late, unsatisfied, reopened.
 */
class HotlineLoopOverHttpTest {
  private static final TestUnit PATROL = new TestUnit("UM1", "municipal", 36.5000, 118.5000);
  /** Six seconds to accept and to resolve: level 1 at 6 s, level 2 at 12 s. */
  private static final double DEADLINE_MINUTES = 0.1;
  private static final double LAT = 36.5100;
  private static final double LON = 118.5100;
  /** About ten metres north of the phoned-in pothole. */
  private static final double LAT_10M = LAT + 0.00009;

  private static DispatchTwinKit kit;
  private static MqttClient console;
  private static final List<JsonNode> supervision = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    kit = DispatchTwinKit.start(List.of(PATROL), List.of(), Duration.ofMinutes(5), Duration.ofMillis(500),
        HotlineLoopOverHttpTest::fastPotholes, Map.of("hotline_supervision", Duration.ofMillis(300)));
    console = kit.connect("ops-console");
    console.subscribe("ops/supervision/+", 1, (topic, message) -> supervision.add(Json.parse(message.getPayload())));
  }

  private static void fastPotholes(ObjectNode dispatch) {
    for (JsonNode service : dispatch.path("services")) {
      if (service.path("service_code").asText().equals("pothole")) {
        ((ObjectNode) service).put("acceptWithinMinutes", DEADLINE_MINUTES).put("resolveWithinMinutes", DEADLINE_MINUTES);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (console != null) {
      console.disconnect();
      console.close();
    }
    if (kit != null) {
      kit.close();
    }
  }

  private static JsonNode workOrder(String id) {
    return kit.ops("/ops/workorders/" + id);
  }

  private static List<String> events(JsonNode workOrder) {
    return workOrder.path("history").findValuesAsText("event");
  }

  /** The trail's {@code Incident Closed} event ids of one work order, newest first. */
  private static List<String> closureIds(String id) {
    List<String> ids = new ArrayList<>();
    kit.ops("/ops/events?type=" + URLEncoder.encode("Incident Closed", StandardCharsets.UTF_8)).path("events")
        .forEach(e -> {
          if (e.path("detail").path("incidentId").asText().equals(id)) {
            ids.add(e.path("eventId").asText());
          }
        });
    return ids;
  }

  private static HttpResponse<String> feedback(String id, String form, String token) {
    return kit.postForm("/open311/v2/requests/" + id + "/feedback.json", form, Map.of("Authorization", "Bearer " + token));
  }

  @Test
  void aPhonedInPotholeAndTheSameOnOpen311RunTheWholeLoop() {
    kit.unitStatus(PATROL, "available", OffsetDateTime.now().minusSeconds(5).toString());
    kit.awaitUnits("available", List.of("UM1"));

    HttpResponse<String> phoned = kit.postJson("/ops/workorders", String.format(
        "{\"service_code\": \"pothole\", \"lat\": %s, \"long\": %s, \"description\": \"Deep pothole by the school gate\","
            + " \"phone\": \"13800000000\", \"name\": \"Wang Fang\"}", LAT, LON), kit.opsToken());
    assertEquals(201, phoned.statusCode(), phoned.body());
    String id = Json.parse(phoned.body()).path("workOrderId").asText();
    assertEquals("urban-management", Json.parse(phoned.body()).path("department").asText());
    assertEquals(403, kit.postJson("/ops/workorders", "{}", kit.twin.token("c-1", "citizen", List.of())).statusCode());

    String citizen = kit.twin.token("c-9", "citizen", List.of());
    String form = "service_code=pothole&lat=" + LAT_10M + "&long=" + LON + "&description="
        + URLEncoder.encode("A hole in the road near the school", StandardCharsets.UTF_8) + "&email=li%40example.org";
    Map<String, String> headers = Map.of("Idempotency-Key", "pothole-again-" + System.nanoTime(),
        "Authorization", "Bearer " + citizen);
    for (int attempt = 0; attempt < 2; attempt++) {
      HttpResponse<String> reported = kit.postForm("/open311/v2/citizen/requests.json", form, headers);
      assertEquals(201, reported.statusCode(), reported.body());
      JsonNode receipt = Json.parse(reported.body()).get(0);
      assertEquals(id, receipt.path("service_request_id").asText(), "the duplicate joins the phoned-in work order");
      assertTrue(receipt.path("service_notice").asText().startsWith("Already reported"), receipt.toString());
    }
    JsonNode joined = workOrder(id);
    assertEquals(2, joined.path("reportCount").asInt(), "a retried POST under the same key counts once: " + joined);
    assertEquals(List.of("phone", "open311"), joined.path("reporters").findValuesAsText("channel"));
    assertEquals("phone", joined.path("channel").asText());
    assertEquals("ops-test", joined.path("history").get(0).path("actor").asText(),
        "the call-taker (the ops token's subject) took the call: " + joined.path("history").get(0));
    assertTrue(joined.path("rating").isNull(), joined.toString());
    assertFalse(joined.toString().contains("13800000000") || joined.toString().contains("Wang"), "no contact in the view");
    JsonNode seen = Json.parse(kit.get("/open311/v2/requests/" + id + ".json", null).body()).get(0);
    assertTrue(seen.path("service_notice").asText().startsWith("Already reported"), seen.toString());
    assertEquals(joined.path("resolveBy").asText().substring(0, 19), seen.path("expected_datetime").asText().substring(0, 19));
    assertFalse(seen.toString().contains("li@example.org"), seen.toString());

    assertFalse(kit.orders.toString().contains("13800000000"), "no contact in a unit's order");

    assertEquals(403, kit.get("/ops/workorders/" + id + "/contacts", citizen).statusCode());
    HttpResponse<String> contacts = kit.get("/ops/workorders/" + id + "/contacts", kit.opsToken());
    assertEquals(200, contacts.statusCode(), contacts.body());
    assertTrue(contacts.body().contains("13800000000") && contacts.body().contains("Wang Fang")
        && contacts.body().contains("li@example.org"), "both reporters' contacts, for the phone follow-up");
    JsonNode read = workOrder(id).path("history");
    JsonNode last = read.get(read.size() - 1);
    assertEquals("contact-read", last.path("event").asText(), read.toString());
    assertEquals("ops-test", last.path("actor").asText(), "who read it is recorded");

    kit.awaitOrder("the patrol's order", o -> o.incidentId().equals(id) && o.unitId().equals("UM1"));
    kit.ack("UM1", id, "accept");

    JsonNode escalated = DispatchTwinKit.await("escalation to level 2", () -> workOrder(id),
        w -> w.path("escalationLevel").asInt() == 2);
    assertTrue(escalated.path("overdue").asBoolean());
    assertEquals(2, events(escalated).stream().filter("overdue"::equals).count(), "once per level: " + escalated);
    DispatchTwinKit.await("both levels on MQTT", () -> List.copyOf(supervision), l -> l.size() >= 2);
    assertEquals(List.of(1, 2), supervision.stream().map(n -> n.path("level").asInt()).toList());
    assertEquals(List.of(id, id), supervision.stream().map(n -> n.path("workOrderId").asText()).toList());
    assertEquals(1, kit.ops("/ops/workorders?overdue=true&department=urban-management").path("workOrders").size());
    JsonNode bus = DispatchTwinKit.await("the overdue events on the bus",
        () -> kit.ops("/ops/events?type=" + URLEncoder.encode("Work Order Overdue", StandardCharsets.UTF_8)),
        page -> page.path("events").size() >= 2);
    assertFalse(bus.toString().contains("13800000000"), bus.toString());

    assertEquals(409, feedback(id, "rating=5", citizen).statusCode(), "not closed yet");
    kit.ack("UM1", id, "resolve");
    DispatchTwinKit.await("closed", () -> workOrder(id), w -> w.path("status").asText().equals("closed"));
    assertEquals("closed", Json.parse(kit.get("/open311/v2/requests/" + id + ".json", null).body()).get(0)
        .path("status").asText());

    assertEquals(403, feedback(id, "rating=2&reopen=true", kit.twin.token("c-other", "citizen", List.of())).statusCode());
    assertEquals(400, feedback(id, "rating=9", citizen).statusCode());
    HttpResponse<String> rated = feedback(id, "rating=2&comment=Still+bumpy&reopen=true", citizen);
    assertEquals(200, rated.statusCode(), rated.body());
    assertEquals(409, feedback(id, "rating=3", citizen).statusCode(), "rated once");
    JsonNode reopened = workOrder(id);
    assertEquals(1, reopened.path("reopenCount").asInt());
    assertEquals(2, reopened.path("rating").asInt());
    assertEquals(0, reopened.path("escalationLevel").asInt(), "supervision starts over: " + reopened);
    assertTrue(reopened.path("status").asText().matches("queued|assigned"), reopened.toString());

    HttpResponse<String> resolved = kit.postJson("/ops/workorders/" + id + "/resolve",
        "{\"note\": \"Resurfaced the whole patch\"}", kit.opsToken());
    assertEquals(200, resolved.statusCode(), resolved.body());
    JsonNode closedAgain = Json.parse(kit.get("/open311/v2/requests/" + id + ".json", null).body()).get(0);
    assertEquals("closed", closedAgain.path("status").asText());
    assertEquals("Resolved: Resurfaced the whole patch", closedAgain.path("status_notes").asText());
    assertTrue(closedAgain.path("requested_datetime").asText().matches(".*T\\d\\d:\\d\\d:\\d\\d[+-Z].*"),
        "to the second: " + closedAgain);

    List<String> closures = DispatchTwinKit.await("both closures on the bus", () -> closureIds(id),
        ids -> ids.size() >= 2);
    assertEquals(List.of(id + "/closed/1", id + "/closed"), closures, "newest first, the second under its own id");

    JsonNode stats = kit.ops("/ops/workorders/stats?department=urban-management");
    JsonNode total = stats.path("total");
    assertEquals(1, total.path("received").asInt(), stats.toString());
    assertEquals(2, total.path("reports").asInt());
    assertEquals(1, total.path("closed").asInt());
    assertEquals(0, total.path("closedOnTime").asInt(), "closed late");
    assertEquals(0.0, total.path("onTimeRate").asDouble());
    assertEquals(1, total.path("rated").asInt());
    assertEquals(0, total.path("satisfied").asInt(), "unsatisfied");
    assertEquals(1, total.path("reopened").asInt());
    assertEquals(1, total.path("channels").path("phone").asInt());
    assertEquals("urban-management", stats.path("departments").get(0).path("department").asText());

    HttpResponse<String> inbox = kit.get("/citizen/notifications", citizen);
    assertEquals(200, inbox.statusCode(), inbox.body());
    JsonNode notices = Json.parse(inbox.body()).path("notifications");
    assertEquals(List.of("closed", "reopened", "closed", "dispatched", "referred"), notices.findValuesAsText("event"),
        "newest first; the joined report was dispatched already: " + notices);
    assertFalse(inbox.body().contains("UM1"), "the text never names the crew: " + inbox.body());
    assertEquals(0, Json.parse(kit.get("/citizen/notifications", kit.twin.token("c-other", "citizen", List.of())).body())
        .path("notifications").size());
  }

  @Test
  void strictOpen311ClientsFindDiscoveryXmlAndTheSpecsErrors() {
    JsonNode discovery = Json.parse(kit.get("/open311/v2/discovery.json", null).body());
    assertEquals("[\"text/xml\",\"application/json\"]", discovery.path("endpoints").get(0).path("formats").toString());
    assertTrue(discovery.path("endpoints").get(0).path("url").asText().endsWith("/open311/v2"), discovery.toString());
    HttpResponse<String> discoveryXml = kit.get("/open311/v2/discovery.xml", null);
    assertTrue(discoveryXml.body().contains("<format>text/xml</format>"), discoveryXml.body());

    HttpResponse<String> services = kit.get("/open311/v2/services.xml", null);
    assertEquals(200, services.statusCode());
    assertTrue(services.headers().firstValue("content-type").orElse("").startsWith("text/xml"), services.headers().toString());
    assertTrue(services.body().contains("<services><service><service_code>"), services.body());

    HttpResponse<String> definition = kit.get("/open311/v2/services/pothole.json", null);
    assertEquals(404, definition.statusCode());
    assertEquals(404, Json.parse(definition.body()).get(0).path("code").asInt(), definition.body());
    HttpResponse<String> missingXml = kit.get("/open311/v2/requests/R-000000000000.xml", null);
    assertEquals(404, missingXml.statusCode());
    assertTrue(missingXml.body().contains("<errors><error><code>404</code>"), missingXml.body());

    HttpResponse<String> posted = kit.postForm("/open311/v2/requests.xml",
        // waste: no environment unit in this test, so the patrol stays free for the other test
        "service_code=waste&lat=36.53&long=118.53", Map.of("Idempotency-Key", "xml-" + System.nanoTime()));
    assertEquals(201, posted.statusCode(), posted.body());
    String id = posted.body().replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
    HttpResponse<String> one = kit.get("/open311/v2/requests/" + id + ".xml", null);
    assertTrue(one.body().contains("<service_requests><request><service_request_id>" + id), one.body());
    assertTrue(one.body().matches("(?s).*<requested_datetime>[^<.]+</requested_datetime>.*"), "to the second: " + one.body());
  }
}
