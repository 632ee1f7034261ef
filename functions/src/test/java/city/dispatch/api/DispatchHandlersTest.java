package city.dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.core.DispatchOrder;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.IncidentStatus;
import city.dispatch.core.MemoryIncidentStore;
import city.dispatch.core.MemorySensorStore;
import city.dispatch.core.MemoryUnitStore;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.Json;
import city.platform.MemoryDeadLetters;
import city.platform.TestCity;
import city.testing.MutableClock;
import city.testing.RecordingEventPublisher;
import city.testing.RecordingPublisher;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every dispatch handler on its events/ samples, wired to in-memory stores. */
class DispatchHandlersTest {
  private static final String INCIDENT = "A-F1-20261128T010000000Z";
  private final City city = TestCity.sample();
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemoryUnitStore units = new MemoryUnitStore();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T01:00:00.200Z"));
  private final MemoryDeadLetters deadLetters = new MemoryDeadLetters();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final Wiring runtime = new Wiring(DispatchSettings.of(city), incidents, units,
      new MemorySensorStore(), publisher, events, clock);

  private final AlertHandler alerts = new AlertHandler(city, runtime, deadLetters);
  private final UnitStatusHandler statuses = new UnitStatusHandler(city, runtime, deadLetters);
  private final AckHandler acks = new AckHandler(city, runtime, deadLetters);
  private final Open311Handler open311 = new Open311Handler(runtime);
  private final DispatchOpsHandler ops = new DispatchOpsHandler(runtime.settings(), incidents, units, clock);

  private static Map<String, Object> ruleEvent(String file) {
    try {
      return Json.MAPPER.readValue(Files.readString(Path.of("..", "events", file)), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static APIGatewayV2HTTPEvent httpEvent(String file) {
    return EventLoader.loadApiGatewayHttpEvent("../events/" + file);
  }

  private JsonNode ok(APIGatewayV2HTTPResponse response) {
    assertTrue(response.getStatusCode() / 100 == 2, response.getStatusCode() + " " + response.getBody());
    return Json.parse(response.getBody());
  }

  @Test
  void anAlertGoesToTheOnlyAvailableFireUnitWhichAcceptsIt() {
    assertEquals(Map.of("status", "ok"), statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null));
    assertEquals(Map.of("status", "ok"), alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null));
    Incident incident = incidents.get(INCIDENT);
    assertEquals("U1", incident.assignment().unitId());
    assertEquals(2, incident.priority(), "severity high");
    RecordingPublisher.Sent order = publisher.to(DispatchOrder.topic("U1")).get(0);
    assertEquals("assign", order.as(DispatchOrder.class).action());
    assertEquals(INCIDENT, order.as(DispatchOrder.class).incidentId());

    assertEquals(Map.of("status", "ok"), acks.handleRequest(ruleEvent("DispatchAcks.json"), null));
    assertEquals(IncidentStatus.ACCEPTED, incidents.get(INCIDENT).status());
    assertEquals(List.of(), deadLetters.letters);
  }

  private static Map<String, Object> resolveAck() {
    Map<String, Object> event = new HashMap<>(ruleEvent("DispatchAcks.json"));
    event.put("payload", Base64.getEncoder().encodeToString(("{\"incidentId\": \"" + INCIDENT
        + "\", \"action\": \"resolve\", \"ts\": \"2026-11-28T09:30:00+08:00\"}").getBytes()));
    return event;
  }

  @Test
  void anIncidentOpensAndClosesOnTheCityBusWithIdsDerivedFromTheIncident() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    acks.handleRequest(resolveAck(), null);
    assertEquals(List.of(IncidentEvents.OPENED, IncidentEvents.CLOSED),
        events.published.stream().map(BusEvent::detailType).toList());
    BusEvent opened = events.published.get(0);
    assertEquals("city.dispatch", opened.source());
    assertEquals(INCIDENT + "/opened", opened.eventId());
    assertEquals("fire", opened.detail().path("category").asText());
    assertEquals(36.50343, opened.detail().path("lat").asDouble());
    assertEquals(Instant.parse("2026-11-28T01:00:00.123Z"), opened.time(),
        "the report's time (the alert's arrival): a republish is the same event");
    BusEvent closed = events.published.get(1);
    assertEquals(INCIDENT + "/closed", closed.eventId());
    assertEquals("resolved", closed.detail().path("resolution").asText());
  }

  @Test
  void aRedeliveredAlertOrResolveRepublishesTheSameEventAndALaterRepeatPublishesNothing() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    Map<String, Object> repeat = new HashMap<>(ruleEvent("DispatchAlerts.json"));
    repeat.put("payload", Base64.getEncoder().encodeToString(
        "{\"category\": \"fire\", \"severity\": \"critical\", \"ts\": \"2026-11-28T09:01:00+08:00\"}".getBytes()));
    alerts.handleRequest(repeat, null);
    acks.handleRequest(resolveAck(), null);
    acks.handleRequest(resolveAck(), null);
    assertEquals(List.of(INCIDENT + "/opened", INCIDENT + "/opened", INCIDENT + "/closed", INCIDENT + "/closed"),
        events.published.stream().map(BusEvent::eventId).toList(), "a merged repeat is no new event");
    assertEquals(events.published.get(0), events.published.get(1), "the republished event is the same event");
  }

  @Test
  void aPublishThatFailedAfterTheWriteIsMadeGoodByTheRetry() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    events.failNext.set(1);
    assertThrows(IllegalStateException.class, () -> alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null),
        "the invocation fails, so Lambda retries it");
    assertTrue(incidents.incidents.containsKey(INCIDENT), "the incident was written before the publish failed");
    assertTrue(events.published.isEmpty());
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    assertEquals(List.of(INCIDENT + "/opened"), events.published.stream().map(BusEvent::eventId).toList());

    events.failNext.set(1);
    assertThrows(IllegalStateException.class, () -> acks.handleRequest(resolveAck(), null));
    assertEquals(IncidentStatus.CLOSED, incidents.get(INCIDENT).status());
    acks.handleRequest(resolveAck(), null);
    assertEquals(List.of(INCIDENT + "/opened", INCIDENT + "/closed"),
        events.published.stream().map(BusEvent::eventId).toList());
  }

  @Test
  void redeliveredMessagesChangeNothing() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    acks.handleRequest(ruleEvent("DispatchAcks.json"), null);
    Incident before = incidents.get(INCIDENT);
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    acks.handleRequest(ruleEvent("DispatchAcks.json"), null);
    assertEquals(before, incidents.get(INCIDENT));
    assertEquals(1, publisher.sent.size(), "one order, never a second");
  }

  @Test
  void malformedOrUnknownInputIsDeadLetteredWithItsReason() {
    Map<String, Object> event = new HashMap<>(ruleEvent("DispatchAcks.json"));
    event.put("payload", Base64.getEncoder().encodeToString(
        "{\"incidentId\": \"nope\", \"action\": \"accept\", \"ts\": \"2026-11-28T09:00:20+08:00\"}".getBytes()));
    assertEquals("dead-lettered", acks.handleRequest(event, null).get("status"));
    event.put("payload", Base64.getEncoder().encodeToString("{\"incidentId\": \"x\", \"action\": \"dance\"}".getBytes()));
    acks.handleRequest(event, null);
    Map<String, Object> alert = new HashMap<>(ruleEvent("DispatchAlerts.json"));
    alert.put("payload", Base64.getEncoder().encodeToString(
        "{\"category\": \"fire\", \"severity\": \"apocalyptic\", \"ts\": \"2026-11-28T09:00:00+08:00\"}".getBytes()));
    alerts.handleRequest(alert, null);
    Map<String, Object> status = new HashMap<>(ruleEvent("DispatchUnitStatus.json"));
    status.put("payload", Base64.getEncoder().encodeToString(
        "{\"kind\": \"medical\", \"status\": \"available\", \"ts\": \"2026-11-28T09:00:00+08:00\"}".getBytes()));
    statuses.handleRequest(status, null);
    List<String> reasons = deadLetters.letters.stream().map(l -> l.reason()).toList();
    assertEquals(4, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).contains("no incident nope"), reasons.get(0));
    assertTrue(reasons.get(1).contains("action must be one of"), reasons.get(1));
    assertTrue(reasons.get(2).contains("severity"), reasons.get(2));
    assertTrue(reasons.get(3).contains("fire unit"), reasons.get(3));
  }

  @Test
  void open311ServicesAreTheCitysAndPublic() {
    JsonNode services = ok(open311.handleRequest(httpEvent("DispatchOpen311-services.json"), null));
    assertEquals(runtime.settings().services().size(), services.size());
    assertEquals("fire", services.get(0).path("service_code").asText());
    assertEquals("realtime", services.get(0).path("type").asText());
  }

  @Test
  void anOpen311RequestIsTakenOnceFollowedByIdAndFoundBySearchWithoutPersonalData() {
    JsonNode receipt = ok(open311.handleRequest(httpEvent("DispatchOpen311-post.json"), null));
    String id = receipt.get(0).path("service_request_id").asText();
    assertEquals("R-2a17574559b6", id, "derived from the event's Idempotency-Key");
    assertEquals("Received: waiting for the next free municipal unit.", receipt.get(0).path("service_notice").asText());
    JsonNode replay = ok(open311.handleRequest(httpEvent("DispatchOpen311-post.json"), null));
    assertEquals(id, replay.get(0).path("service_request_id").asText());
    assertEquals(1, incidents.incidents.size());

    JsonNode one = ok(open311.handleRequest(httpEvent("DispatchOpen311-request.json"), null));
    assertEquals("open", one.get(0).path("status").asText());
    assertEquals("pothole", one.get(0).path("service_code").asText());
    assertEquals(36.5102, one.get(0).path("lat").asDouble());
    assertEquals(118.5391, one.get(0).path("long").asDouble());
    JsonNode found = ok(open311.handleRequest(httpEvent("DispatchOpen311-search.json"), null));
    assertEquals(id, found.get(0).path("service_request_id").asText());
    for (JsonNode body : List.of(receipt, one, found)) {
      assertFalse(body.toString().contains("citizen@example.org"), body.toString());
      assertFalse(body.toString().contains("email"), body.toString());
    }
    assertEquals("citizen@example.org", incidents.contacts.get(id).email(), "kept apart for the city");
  }

  @Test
  void reusingAnIdempotencyKeyForAnotherRequestIsAConflictInTheSpecsErrorShape() {
    open311.handleRequest(httpEvent("DispatchOpen311-post.json"), null);
    APIGatewayV2HTTPEvent other = httpEvent("DispatchOpen311-post.json");
    other.setBody(other.getBody().replace("pothole", "streetlight"));
    APIGatewayV2HTTPResponse response = open311.handleRequest(other, null);
    assertEquals(409, response.getStatusCode());
    JsonNode error = Json.parse(response.getBody());
    assertEquals(409, error.get(0).path("code").asInt());
    assertFalse(error.get(0).path("description").asText().isBlank());
  }

  @Test
  void aMissingFieldIsA400InTheSpecsErrorShape() {
    APIGatewayV2HTTPEvent bad = httpEvent("DispatchOpen311-post.json");
    bad.setBody("service_code=pothole&description=somewhere");
    APIGatewayV2HTTPResponse response = open311.handleRequest(bad, null);
    assertEquals(400, response.getStatusCode());
    assertTrue(Json.parse(response.getBody()).get(0).path("description").asText().contains("location"));
    assertEquals(404, open311.handleRequest(httpEvent("DispatchOpen311-request.json"), null).getStatusCode());
  }

  @Test
  void opsSeesUnitsIncidentsWithTheirTrailAndResponseTimes() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    acks.handleRequest(ruleEvent("DispatchAcks.json"), null);

    JsonNode unitList = ok(ops.handleRequest(httpEvent("DispatchOpsApi-units.json"), null)).path("units");
    assertEquals(runtime.settings().units().size(), unitList.size());
    assertEquals("U1", unitList.get(0).path("unitId").asText());
    assertEquals("busy", unitList.get(0).path("status").asText());
    assertEquals("offline", unitList.get(1).path("status").asText(), "U2 never said it is available");
    assertTrue(unitList.get(0).has("lat") && unitList.get(0).has("lon") && unitList.get(0).has("kind"));

    JsonNode incident = ok(ops.handleRequest(httpEvent("DispatchOpsApi-incident.json"), null));
    assertEquals(INCIDENT, incident.path("incidentId").asText());
    assertEquals("accepted", incident.path("status").asText());
    assertEquals("U1", incident.path("unitId").asText());
    assertEquals(List.of("reported", "assigned", "accepted"),
        incident.path("history").findValuesAsText("event"));

    APIGatewayV2HTTPEvent queued = httpEvent("DispatchOpsApi-incidents.json");
    assertEquals(0, ok(ops.handleRequest(queued, null)).path("incidents").size());
    queued.setQueryStringParameters(Map.of("status", "in_progress"));
    JsonNode inProgress = ok(ops.handleRequest(queued, null)).path("incidents");
    assertEquals(1, inProgress.size());
    assertTrue(inProgress.get(0).has("unitId"));

    JsonNode stats = ok(ops.handleRequest(httpEvent("DispatchOpsApi-stats.json"), null));
    JsonNode p2 = stats.path("priorities").get(0);
    assertEquals(2, p2.path("priority").asInt());
    assertEquals(1, p2.path("reportToDispatch").path("count").asInt());
    assertEquals(0.077, p2.path("reportToDispatch").path("medianSeconds").asDouble(), 1e-9, "received .123, dispatched .200");
    assertEquals(20.1, p2.path("dispatchToAccept").path("medianSeconds").asDouble(), 1e-9, "ack received at 01:00:20.300");
  }

  private static final String EMERGENCY = "R-371129e0132f";

  @Test
  void anAnonymousEmergencyReportWaitsForTheCallTakerAndIsDispatchedOnceConfirmed() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    JsonNode receipt = ok(open311.handleRequest(httpEvent("DispatchOpen311-post-emergency.json"), null));
    assertEquals(EMERGENCY, receipt.get(0).path("service_request_id").asText(), "derived from the event's Idempotency-Key");
    assertTrue(receipt.get(0).path("service_notice").asText().contains("call-taker"), receipt.toString());
    assertEquals(IncidentStatus.AWAITING_CONFIRMATION, incidents.get(EMERGENCY).status());
    assertEquals(List.of(), publisher.sent, "no unit is sent on an anonymous fire report alone");
    ok(open311.handleRequest(httpEvent("DispatchOpen311-post-emergency.json"), null));
    assertEquals(List.of(), publisher.sent, "nor on its retry");
    assertEquals(List.of(), events.published, "nor is the city told of it: nothing closes for an unconfirmed report");
    APIGatewayV2HTTPEvent waiting = httpEvent("DispatchOpsApi-incidents.json");
    waiting.setQueryStringParameters(Map.of("status", "awaiting_confirmation"));
    assertEquals(List.of(EMERGENCY), ok(ops.handleRequest(waiting, null)).path("incidents").findValuesAsText("incidentId"));

    APIGatewayV2HTTPEvent confirm = httpEvent("DispatchOpen311-confirm.json");
    APIGatewayV2HTTPEvent byCitizen = httpEvent("DispatchOpen311-confirm.json");
    byCitizen.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "c-1", "role", "citizen"));
    assertEquals(403, open311.handleRequest(byCitizen, null).getStatusCode());
    assertEquals(IncidentStatus.AWAITING_CONFIRMATION, incidents.get(EMERGENCY).status());

    JsonNode confirmed = ok(open311.handleRequest(confirm, null));
    assertEquals("assigned", confirmed.path("status").asText());
    assertEquals("U1", confirmed.path("unitId").asText());
    assertEquals(List.of("reported", "awaiting-confirmation", "confirmed", "assigned"),
        confirmed.path("history").findValuesAsText("event"));
    assertEquals("assign", publisher.to(DispatchOrder.topic("U1")).get(0).as(DispatchOrder.class).action());
    assertEquals(confirmed.path("history"), ok(open311.handleRequest(confirm, null)).path("history"),
        "a repeated confirm changes nothing");
    assertEquals(1, publisher.sent.size());
    assertEquals(List.of(EMERGENCY + "/opened", EMERGENCY + "/opened"),
        events.published.stream().map(BusEvent::eventId).toList(),
        "the confirm tells the city, and its repeat publishes the same event again (a failed first publish is not lost)");
    assertEquals(409, open311.handleRequest(httpEvent("DispatchOpen311-reject.json"), null).getStatusCode(),
        "a confirmed report cannot be rejected");
  }

  @Test
  void aRejectedAnonymousReportIsClosedWithoutAUnitAndTheReporterIsTold() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    ok(open311.handleRequest(httpEvent("DispatchOpen311-post-emergency.json"), null));
    JsonNode rejected = ok(open311.handleRequest(httpEvent("DispatchOpen311-reject.json"), null));
    assertEquals("closed", rejected.path("status").asText());
    assertEquals(List.of("reported", "awaiting-confirmation", "rejected"), rejected.path("history").findValuesAsText("event"));
    assertTrue(rejected.path("history").get(2).path("detail").asText().contains("false alarm"));
    ok(open311.handleRequest(httpEvent("DispatchOpen311-reject.json"), null));
    assertEquals(409, open311.handleRequest(httpEvent("DispatchOpen311-confirm.json"), null).getStatusCode());
    assertEquals(List.of(), publisher.sent);
    assertEquals(List.of(), events.published, "a rejected report was never opened on the bus, so nothing closes");
    APIGatewayV2HTTPEvent follow = httpEvent("DispatchOpen311-request.json");
    follow.setPathParameters(Map.of("id", EMERGENCY + ".json"));
    JsonNode seen = ok(open311.handleRequest(follow, null)).get(0);
    assertEquals("closed", seen.path("status").asText());
    assertTrue(seen.path("status_notes").asText().contains("no unit was sent"), seen.toString());
    assertFalse(seen.toString().contains("false alarm"), "the call-taker's note is for ops");
  }

  @Test
  void aSignedInCitizensEmergencyReportIsDispatchedAtOnce() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    JsonNode receipt = ok(open311.handleRequest(httpEvent("DispatchOpen311-citizen-post.json"), null));
    String id = receipt.get(0).path("service_request_id").asText();
    assertEquals("Dispatched to a fire unit.", receipt.get(0).path("service_notice").asText());
    assertEquals("U1", incidents.get(id).assignment().unitId());
    assertEquals("citizen-1", incidents.contacts.get(id).accountId(), "the verified subject, kept apart");
    APIGatewayV2HTTPEvent anonymous = httpEvent("DispatchOpen311-citizen-post.json");
    anonymous.getRequestContext().setAuthorizer(null);
    assertEquals(401, open311.handleRequest(anonymous, null).getStatusCode());
  }

  @Test
  void aWithdrawnUnitIsToldUntilItsCancelAckOnTheSampleArrives() {
    statuses.handleRequest(ruleEvent("DispatchUnitStatus.json"), null);
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    SweepHandler sweep = new SweepHandler(runtime);
    clock.advance(java.time.Duration.ofHours(1));
    assertEquals(1, sweep.handleRequest(Map.of(), null).get("withdrawn"));
    assertEquals(1, sweep.handleRequest(Map.of(), null).get("cancelsResent"), "not confirmed yet: sent again");
    assertEquals(List.of("assign", "cancel", "cancel"), publisher.to(DispatchOrder.topic("U1")).stream()
        .map(sent -> sent.as(DispatchOrder.class).action()).toList());

    assertEquals(Map.of("status", "ok"), acks.handleRequest(ruleEvent("DispatchAcks-cancel.json"), null));
    assertEquals(0, sweep.handleRequest(Map.of(), null).get("cancelsResent"));
    assertTrue(incidents.get(INCIDENT).history().stream().anyMatch(h -> h.event().equals("cancel-confirmed")));
    assertEquals(List.of(), deadLetters.letters);
  }
}
