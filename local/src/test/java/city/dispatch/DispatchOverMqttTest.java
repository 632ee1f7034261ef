package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.DispatchTwinKit.Order;
import city.dispatch.DispatchTwinKit.TestSensor;
import city.dispatch.DispatchTwinKit.TestUnit;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Dispatch on the twin, driven as devices and citizens drive it: alerts, unit statuses and acks over MQTT,
 * orders heard on units/+/dispatch, Open311 and ops over HTTP. Each scenario uses its own unit kind, so they
 * share one twin without sharing a queue. Ack timeout 5 s, sweep every 500 ms.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchOverMqttTest {
  // long enough that a unit answering at once is never withdrawn on a loaded machine; short enough for the escalation test
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SWEEP = Duration.ofMillis(500);
  /** Device times start an hour ago: within the city's clock limits around arrival whenever the test runs. */
  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusHours(1);
  private static final AtomicLong SECOND = new AtomicLong();

  private static final TestUnit FA = new TestUnit("FA", "fire", 36.500, 118.500);
  private static final TestUnit FB = new TestUnit("FB", "fire", 36.520, 118.500);
  private static final TestUnit FC = new TestUnit("FC", "fire", 36.540, 118.500);
  private static final TestUnit MA = new TestUnit("MA", "medical", 36.500, 118.560);
  private static final TestUnit MB = new TestUnit("MB", "medical", 36.510, 118.560);
  private static final TestUnit PA = new TestUnit("PA", "police", 36.500, 118.600);
  private static final TestUnit PB = new TestUnit("PB", "police", 36.550, 118.600);
  private static final TestUnit XA = new TestUnit("XA", "municipal", 36.510, 118.530);
  private static final int LATENCY_ROUNDS = 12;

  private static DispatchTwinKit kit;

  @BeforeAll
  static void start() throws Exception {
    List<TestSensor> sensors = new ArrayList<>(List.of(
        new TestSensor("SEN-1", 36.519, 118.500),
        new TestSensor("SEN-2", 36.501, 118.561),
        new TestSensor("SEN-3", 36.501, 118.601)));
    for (int i = 0; i < LATENCY_ROUNDS; i++) {
      sensors.add(new TestSensor("LAT-" + i, 36.495 + i * 0.004, 118.500 + (i % 3) * 0.003));
    }
    kit = DispatchTwinKit.start(List.of(FA, FB, FC, MA, MB, PA, PB, XA), sensors, ACK_TIMEOUT, SWEEP);
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  /** Device times that only move forward, so no status or alert is mistaken for an old one. */
  private static String ts() {
    return BASE.plusSeconds(SECOND.incrementAndGet()).toString();
  }

  private static JsonNode incident(String incidentId) {
    return kit.ops("/ops/incidents/" + incidentId);
  }

  private static List<String> events(JsonNode incident) {
    List<String> events = new ArrayList<>();
    incident.path("history").forEach(h -> events.add(h.path("event").asText()));
    return events;
  }

  /** Until the messages just published went through the rules and their invocations finished. */
  private static void awaitHandled(long receivedBefore, int published) {
    DispatchTwinKit.await(published + " messages routed", kit.twin::messagesReceived, n -> n >= receivedBefore + published);
    assertTrue(kit.twin.awaitIdle(DispatchTwinKit.WAIT));
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void anAlertReachesTheNearestAvailableUnitWithinASecond() {
    for (TestUnit unit : List.of(FA, FB, FC)) {
      kit.unitStatus(unit, "available", ts());
    }
    kit.awaitUnits("available", List.of("FA", "FB", "FC"));
    long start = System.nanoTime();
    kit.alert("SEN-1", "fire", "high", ts());
    Order order = kit.awaitOrder("an order for the SEN-1 alert", o -> o.incidentId().startsWith("A-SEN-1-"));
    double cold = (order.receivedNanos() - start) / 1e6;
    assertEquals("FB", order.unitId(), "SEN-1 is 0.1 km from FB, 2.1 km from FA, 2.3 km from FC");
    assertEquals("assign", order.action());
    assertEquals(2, order.body().path("priority").asInt());
    assertEquals("fire", order.body().path("kind").asText());
    JsonNode assigned = incident(order.incidentId());
    assertEquals("assigned", assigned.path("status").asText());
    assertEquals("FB", assigned.path("unitId").asText());
    resolve(order);

    // the same path over and over, each unit freed by its resolve: the latency docs/dispatch.md quotes
    List<Double> latencies = new ArrayList<>();
    for (int i = 0; i < LATENCY_ROUNDS; i++) {
      String sensor = "LAT-" + i;
      long sent = System.nanoTime();
      kit.alert(sensor, "fire", i % 2 == 0 ? "critical" : "medium", ts());
      Order next = kit.awaitOrder("an order for the " + sensor + " alert", o -> o.incidentId().startsWith("A-" + sensor + "-"));
      latencies.add((next.receivedNanos() - sent) / 1e6);
      resolve(next);
    }
    List<Double> sorted = latencies.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    double p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
    System.out.printf("MEASURED alert -> dispatch order over MQTT on the twin: first (cold handler) %.1f ms;"
        + " then n=%d median=%.1f ms p90=%.1f ms max=%.1f ms%n", cold, sorted.size(), median, p90, sorted.get(sorted.size() - 1));
    // speed is reported, not asserted: a busy CI machine must not fail a correct build
    assertEquals(LATENCY_ROUNDS, sorted.size());
  }

  private static void resolve(Order order) {
    kit.ack(order.unitId(), order.incidentId(), "accept");
    kit.ack(order.unitId(), order.incidentId(), "resolve");
    DispatchTwinKit.await(order.incidentId() + " closed", () -> incident(order.incidentId()),
        i -> i.path("status").asText().equals("closed"));
    kit.awaitUnits("available", List.of(order.unitId()));
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void silenceWithdrawsTheOrderAndTheNextNearestUnitGetsIt() throws Exception {
    List<JsonNode> supervision = new CopyOnWriteArrayList<>();
    MqttClient console = kit.connect("ops-console");
    console.subscribe("ops/supervision/+", 1, (topic, message) -> supervision.add(Json.parse(message.getPayload())));
    kit.unitStatus(MA, "available", ts());
    kit.unitStatus(MB, "available", ts());
    kit.awaitUnits("available", List.of("MA", "MB"));
    kit.alert("SEN-2", "health", "critical", ts());
    Order first = kit.awaitOrder("the order to MA", o -> o.unitId().equals("MA") && o.action().equals("assign"));
    String incidentId = first.incidentId();
    Order cancel = kit.awaitOrder("the cancel to MA",
        o -> o.unitId().equals("MA") && o.action().equals("cancel") && o.incidentId().equals(incidentId));
    Order second = kit.awaitOrder("the order to MB",
        o -> o.unitId().equals("MB") && o.action().equals("assign") && o.incidentId().equals(incidentId));
    // how soon after the timeout the sweep acts depends on the machine's load: it is measured, not asserted
    double silence = (cancel.receivedNanos() - first.receivedNanos()) / 1e9;
    System.out.printf("MEASURED escalation with a %d s ack timeout and a %d ms sweep: cancel %.2f s and next order %.2f s"
        + " after the first order%n", ACK_TIMEOUT.toSeconds(), SWEEP.toMillis(), silence,
        (second.receivedNanos() - first.receivedNanos()) / 1e9);

    kit.ack("MB", incidentId, "accept");
    // the sweep records the timeout right after its re-dispatch, so it may land before or after MB's accept
    JsonNode accepted = DispatchTwinKit.await("accepted by MB, the timeout recorded", () -> incident(incidentId),
        i -> i.path("status").asText().equals("accepted") && events(i).contains("ack-timeout"));
    assertEquals("MB", accepted.path("unitId").asText());
    assertEquals(1, accepted.path("escalations").asInt());
    assertEquals(List.of("reported", "assigned", "escalated", "assigned", "accepted"),
        events(accepted).stream().filter(e -> !e.equals("ack-timeout")).toList());
    List<JsonNode> records = new ArrayList<>();
    accepted.path("history").forEach(h -> {
      if (h.path("event").asText().equals("ack-timeout")) {
        records.add(h);
      }
    });
    assertEquals(1, records.size(), "one supervision record per missed dispatch: " + accepted);
    assertEquals("supervision", records.get(0).path("actor").asText());
    assertEquals("unit MA did not accept within " + ACK_TIMEOUT.toSeconds() + " s: re-dispatched to MB",
        records.get(0).path("detail").asText());
    JsonNode notice = DispatchTwinKit.await("the record on ops/supervision", () -> supervision.stream()
        .filter(n -> n.path("workOrderId").asText().equals(incidentId)).toList(), l -> !l.isEmpty()).get(0);
    assertEquals(incidentId + "/ack-timeout/1", notice.path("eventId").asText());
    assertEquals("ack-timeout", notice.path("cause").asText());
    assertEquals("MA", notice.path("unitId").asText());
    assertEquals("MB", notice.path("redispatchedTo").asText());
    console.disconnect();
    console.close();
    JsonNode escalation = accepted.path("history").get(2);
    assertEquals("MA", escalation.path("unitId").asText());
    OffsetDateTime assignedAt = OffsetDateTime.parse(accepted.path("history").get(1).path("at").asText());
    OffsetDateTime escalatedAt = OffsetDateTime.parse(escalation.path("at").asText());
    assertFalse(escalatedAt.isBefore(assignedAt.plus(ACK_TIMEOUT)),
        "withdrawn only after the timeout, by the twin's own clock: assigned " + assignedAt + ", escalated " + escalatedAt);
    OffsetDateTime reassignedAt = OffsetDateTime.parse(accepted.path("history").get(3).path("at").asText());
    assertFalse(reassignedAt.isBefore(escalatedAt), "MB's order came after MA's withdrawal");
    kit.awaitUnits("offline", List.of("MA"));

    kit.ack("MA", incidentId, "accept");
    JsonNode afterLateAccept = DispatchTwinKit.await("the late accept recorded", () -> incident(incidentId),
        i -> events(i).contains("ack-ignored"));
    assertEquals("MB", afterLateAccept.path("unitId").asText(), "a late accept from the withdrawn unit is ignored");
    DispatchTwinKit.await("MA told again after its late accept", () -> kit.orders.stream()
        .filter(o -> o.unitId().equals("MA") && o.action().equals("cancel") && o.incidentId().equals(incidentId))
        .filter(o -> o.receivedNanos() > cancel.receivedNanos()).count(), n -> n >= 1);
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void duplicateAndReorderedAcksChangeNothing() {
    kit.unitStatus(PA, "available", ts());
    kit.awaitUnits("available", List.of("PA"));
    kit.alert("SEN-3", "security", "high", ts());
    Order order = kit.awaitOrder("the order to PA", o -> o.unitId().equals("PA") && o.action().equals("assign"));
    String id = order.incidentId();

    kit.ack("PA", id, "arrive");
    JsonNode onScene = DispatchTwinKit.await("on scene", () -> incident(id), i -> i.path("status").asText().equals("on_scene"));
    assertEquals(List.of("reported", "assigned", "accept-implied", "arrived"), events(onScene), "arrive implied the accept");

    long before = kit.twin.messagesReceived();
    kit.ack("PA", id, "accept");
    kit.ack("PA", id, "arrive");
    kit.ack("PA", id, "accept");
    kit.ack("PB", id, "accept");
    kit.ack("PB", id, "accept");
    awaitHandled(before, 5);
    JsonNode afterStrays = incident(id);
    assertEquals(List.of("reported", "assigned", "accept-implied", "arrived", "ack-ignored"), events(afterStrays),
        "the overtaken accept and the duplicates added nothing; PB's stray accept is recorded once");
    assertEquals(onScene.path("acceptedAt"), afterStrays.path("acceptedAt"));
    assertEquals(onScene.path("arrivedAt"), afterStrays.path("arrivedAt"));

    before = kit.twin.messagesReceived();
    kit.ack("PA", id, "accept");
    kit.ack("PA", id, "arrive");
    kit.ack("PB", id, "accept");
    awaitHandled(before, 3);
    assertEquals(afterStrays, incident(id), "duplicates change nothing at all");

    kit.ack("PA", id, "resolve");
    kit.ack("PA", id, "resolve");
    JsonNode closed = DispatchTwinKit.await("closed", () -> incident(id), i -> i.path("status").asText().equals("closed"));
    kit.awaitUnits("available", List.of("PA"));
    before = kit.twin.messagesReceived();
    kit.ack("PA", id, "arrive");
    awaitHandled(before, 1);
    assertEquals(closed, incident(id));
    assertEquals(List.of("reported", "assigned", "accept-implied", "arrived", "ack-ignored", "resolved"), events(closed));
    assertEquals(1, kit.orders.stream().filter(o -> o.unitId().equals("PA") && o.incidentId().equals(id)).count(),
        "one order to PA, no cancel");
    kit.awaitOrder("a cancel answering PB's stray accepts",
        o -> o.unitId().equals("PB") && o.action().equals("cancel") && o.incidentId().equals(id));
  }

  @Test
  @org.junit.jupiter.api.Order(4)
  void aCitizenReportReachesAUnitAndIsFollowedWithoutPersonalData() {
    kit.unitStatus(XA, "available", ts());
    kit.awaitUnits("available", List.of("XA"));
    JsonNode services = Json.parse(kit.get("/open311/v2/services.json", null).body());
    assertTrue(services.findValuesAsText("service_code").contains("pothole"));

    String form = "service_code=pothole&lat=36.5121&long=118.5302&description=Deep+pothole%2C+right+lane"
        + "&email=li.wei%40example.org&first_name=Wei&last_name=Li&phone=13800000000";
    Map<String, String> key = Map.of("Idempotency-Key", "it-" + System.nanoTime());
    HttpResponse<String> created = kit.postForm("/open311/v2/requests.json", form, key);
    assertEquals(201, created.statusCode(), created.body());
    String id = Json.parse(created.body()).get(0).path("service_request_id").asText();
    Order order = kit.awaitOrder("the order for the pothole", o -> o.incidentId().equals(id));
    assertEquals("XA", order.unitId());
    assertEquals("Deep pothole, right lane", order.body().path("description").asText());
    assertFalse(order.body().toString().contains("li.wei"), "units get no personal data");

    HttpResponse<String> retry = kit.postForm("/open311/v2/requests.json", form, key);
    assertEquals(id, Json.parse(retry.body()).get(0).path("service_request_id").asText(), "a retry is the same request");

    JsonNode followed = Json.parse(kit.get("/open311/v2/requests/" + id + ".json", null).body()).get(0);
    assertEquals("open", followed.path("status").asText());
    assertEquals("Dispatched to a municipal unit.", followed.path("status_notes").asText());
    assertEquals(36.5121, followed.path("lat").asDouble());
    JsonNode listed = Json.parse(kit.get("/open311/v2/requests.json?service_code=pothole&status=open", null).body());
    assertTrue(listed.findValuesAsText("service_request_id").contains(id));
    for (String body : List.of(created.body(), followed.toString(), listed.toString(), incident(id).toString())) {
      for (String personal : List.of("li.wei", "13800000000", "\"Wei\"", "first_name", "email")) {
        assertFalse(body.contains(personal), personal + " leaked: " + body);
      }
    }

    kit.ack("XA", id, "accept");
    kit.ack("XA", id, "arrive");
    kit.ack("XA", id, "resolve");
    JsonNode closed = DispatchTwinKit.await("request closed", () -> Json.parse(kit.get("/open311/v2/requests/" + id + ".json", null).body()).get(0),
        r -> r.path("status").asText().equals("closed"));
    assertEquals("Resolved.", closed.path("status_notes").asText());
  }

  @Test
  @org.junit.jupiter.api.Order(5)
  void opsSeesResponseTimesPerPriorityAndOnlyOpsMaySee() {
    assertEquals(401, kit.get("/ops/dispatch/stats", null).statusCode());
    assertEquals(403, kit.get("/ops/dispatch/stats", kit.twin.token("c-1", "citizen", List.of())).statusCode());
    JsonNode stats = kit.ops("/ops/dispatch/stats");
    List<Integer> priorities = new ArrayList<>();
    stats.path("priorities").forEach(p -> priorities.add(p.path("priority").asInt()));
    assertTrue(priorities.containsAll(List.of(1, 2, 3, 4)), "critical, high, medium alerts and the pothole: " + priorities);
    for (JsonNode figures : stats.path("priorities")) {
      assertTrue(figures.path("reportToDispatch").path("count").asInt() >= 1, figures.toString());
      assertTrue(figures.path("reportToDispatch").path("medianSeconds").asDouble() >= 0, figures.toString());
      assertTrue(figures.has("dispatchToAccept") && figures.has("acceptToArrive"), figures.toString());
    }
    assertEquals(1, stats.path("priorities").get(0).path("escalations").asInt(), "the medical call that escalated");
    System.out.println("MEASURED /ops/dispatch/stats on the twin: " + stats);

    JsonNode units = kit.ops("/ops/units").path("units");
    assertEquals(8, units.size());
    JsonNode fa = units.get(0);
    assertEquals("FA", fa.path("unitId").asText());
    assertTrue(fa.has("kind") && fa.has("status") && fa.has("lat") && fa.has("lon"));
    JsonNode closed = kit.ops("/ops/incidents?status=closed");
    assertTrue(closed.path("incidents").size() >= LATENCY_ROUNDS + 3);
    closed.path("incidents").forEach(i -> assertEquals("closed", i.path("status").asText()));
    JsonNode inProgress = kit.ops("/ops/incidents?status=in_progress");
    assertEquals(1, inProgress.path("incidents").size(), "MB's accepted medical call: " + inProgress);
  }
}
