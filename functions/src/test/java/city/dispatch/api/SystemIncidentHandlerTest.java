package city.dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.core.Channel;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.IncidentStatus;
import city.dispatch.core.MemoryIncidentStore;
import city.dispatch.core.MemorySensorStore;
import city.dispatch.core.MemoryUnitStore;
import city.dispatch.core.WorkOrder;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.InvalidInput;
import city.platform.Json;
import city.platform.MemoryDeadLetters;
import city.platform.TestCity;
import city.testing.MutableClock;
import city.testing.RecordingEventPublisher;
import city.testing.RecordingPublisher;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules 3 and 4 in dispatch: parking's overstay event becomes one warden's job, however often it is delivered; a silent
 * device one maintenance job. Each is a work order of the system channel (issue 13).
 */
class SystemIncidentHandlerTest {
  private static final String INCIDENT = "E-S1-20261128-17";
  private final City city = TestCity.sample();
  private final MemoryIncidentStore incidents = new MemoryIncidentStore();
  private final MemoryUnitStore units = new MemoryUnitStore();
  private final RecordingPublisher radio = new RecordingPublisher();
  private final RecordingEventPublisher bus = new RecordingEventPublisher();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T03:05:01Z"));
  private final Wiring wiring = new Wiring(DispatchSettings.of(city), incidents, units, new MemorySensorStore(), radio,
      bus, clock);
  private final SystemIncidentHandler handler = new SystemIncidentHandler(city, wiring);
  private final UnitStatusHandler statuses = new UnitStatusHandler(city, wiring, new MemoryDeadLetters());
  private final AckHandler acks = new AckHandler(city, wiring, new MemoryDeadLetters());

  private static Map<String, Object> overstay() {
    return sample("DispatchSystemIncidents-overstay.json");
  }

  private static Map<String, Object> sample(String file) {
    try {
      return Json.MAPPER.readValue(Files.readString(Path.of("..", "events", file)),
          new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> back() {
    Map<String, Object> event = sample("DispatchSystemIncidents-silent.json");
    event.put("detail-type", "Device Back");
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
    detail.put("eventId", "B1/back/1795828200000");
    detail.put("lastSeen", "2026-11-28T02:20:00Z");
    detail.put("detectedAt", "2026-11-28T02:20:01Z");
    event.put("detail", detail);
    return event;
  }

  private Map<String, Object> device(String topic, String unitId, String json) {
    Map<String, Object> event = new HashMap<>();
    event.put("payload", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    event.put("topic", topic);
    event.put("deviceId", unitId);
    event.put("receivedAt", clock.instant().toEpochMilli());
    return event;
  }

  private void wardenAvailable(String unitId, double lat, double lon) {
    statuses.handleRequest(device("units/" + unitId + "/status", unitId, String.format(
        "{\"kind\": \"enforcement\", \"status\": \"available\", \"lat\": %s, \"lon\": %s, \"ts\": \"2026-11-28T11:00:00+08:00\"}",
        lat, lon)), null);
  }

  @Test
  void anOverstayDeliveredTwiceOpensOneEnforcementIncidentForTheNearestFreeWarden() {
    wardenAvailable("W1", 36.5141, 118.5431); // a few metres from S1
    wardenAvailable("W2", 36.5600, 118.6000);

    Map<String, Object> first = handler.handleRequest(overstay(), null);
    Map<String, Object> again = handler.handleRequest(overstay(), null);

    assertEquals(Map.of("incidentId", INCIDENT, "created", true), first);
    assertEquals(Map.of("incidentId", INCIDENT, "created", false), again);
    assertEquals(1, incidents.incidents.size(), "one incident per session");
    Incident incident = incidents.get(INCIDENT);
    assertEquals("parking-enforcement", incident.report().category());
    assertEquals("enforcement", incident.kind());
    assertEquals(Map.of("domain", "parking", "sessionId", "S1-20261128-17", "spaceId", "S1"),
        incident.report().systemSource());
    assertEquals(IncidentStatus.ASSIGNED, incident.status());
    assertEquals("W1", incident.assignment().unitId(), "the nearest free warden");
    assertEquals(1, radio.sent.size(), "one order, to W1 only");
    assertEquals("units/W1/dispatch", radio.sent.get(0).topic());
    assertTrue(radio.sent.get(0).message().path("description").asText().contains("S1"), "the warden is told the space");
    assertEquals(Instant.parse("2026-11-28T03:05:00.120Z"), incident.report().reportedAt().toInstant(),
        "reported when parking detected it, to the millisecond");
    WorkOrder order = incident.workOrder();
    assertEquals(Channel.SYSTEM, order.channel(), "issue 13: a system incident is a work order too");
    assertEquals("urban-management", order.department(), "wardens are urban management's field units");
    assertEquals("parking-enforcement", order.serviceCode());
    assertEquals(incident.report().reportedAt().plusMinutes(30), order.acceptBy(), "the department's accept deadline");
    assertEquals(incident.report().reportedAt().plusHours(24), order.resolveBy(), "the department's resolve deadline");
    assertEquals(java.util.List.of(), order.reporters(), "no citizen to notify");

    assertEquals(2, bus.ofType(IncidentEvents.OPENED).size(), "the repeat publishes again: its first publish may have failed");
    bus.ofType(IncidentEvents.OPENED).forEach(e -> assertEquals(INCIDENT + "/opened", e.eventId()));
    BusEvent opened = bus.ofType(IncidentEvents.OPENED).get(0);
    assertEquals("system", opened.detail().path("reportedBy").asText());
    assertEquals("parking", opened.detail().path("source").path("domain").asText());
  }

  @Test
  void theWardensResolveClosesItWithTheSourceAndTheUnitOnTheEvent() {
    wardenAvailable("W1", 36.5141, 118.5431);
    handler.handleRequest(overstay(), null);

    acks.handleRequest(device("units/W1/acks", "W1",
        "{\"incidentId\": \"" + INCIDENT + "\", \"action\": \"resolve\", \"ts\": \"2026-11-28T11:20:00+08:00\"}"), null);

    assertEquals(IncidentStatus.CLOSED, incidents.get(INCIDENT).status());
    assertEquals(clock.instant(), incidents.get(INCIDENT).workOrder().closedAt().toInstant(),
        "the warden's resolve closes the work order when dispatch hears it");
    BusEvent closed = bus.ofType(IncidentEvents.CLOSED).get(0);
    assertEquals(INCIDENT + "/closed", closed.eventId());
    assertEquals("S1-20261128-17", closed.detail().path("source").path("sessionId").asText());
    assertEquals("W1", closed.detail().path("unitId").asText());
    assertEquals("resolved", closed.detail().path("resolution").asText());
  }

  @Test
  void aSilentDeviceIsOneMaintenanceJobThatTheSystemClosesWhenTheDeviceIsBack() {
    statuses.handleRequest(device("units/M1/status", "M1",
        "{\"kind\": \"maintenance\", \"status\": \"available\", \"lat\": 36.52, \"lon\": 118.54, \"ts\": \"2026-11-28T09:00:00+08:00\"}"), null);
    String incidentId = "M-B1-20261128T011000000Z";

    assertEquals(Map.of("incidentId", incidentId, "created", true),
        handler.handleRequest(sample("DispatchSystemIncidents-silent.json"), null));
    assertEquals(Map.of("incidentId", incidentId, "created", false),
        handler.handleRequest(sample("DispatchSystemIncidents-silent.json"), null));
    Incident job = incidents.get(incidentId);
    assertEquals(1, incidents.incidents.size());
    assertEquals("maintenance", job.kind());
    assertEquals(Map.of("domain", "ops", "deviceId", "B1", "deviceClass", "dock"), job.report().systemSource());
    assertEquals("M1", job.assignment().unitId());
    assertEquals(Channel.SYSTEM, job.workOrder().channel());
    assertEquals("urban-management", job.workOrder().department(), "the sample city's street devices are urban management's");
    assertEquals("maintenance", job.workOrder().serviceCode());
    assertEquals(job.report().reportedAt().plusHours(24), job.workOrder().resolveBy());

    assertEquals(Map.of("incidentId", incidentId, "cleared", true), handler.handleRequest(back(), null));
    assertEquals(Map.of("incidentId", incidentId, "cleared", false), handler.handleRequest(back(), null));
    assertEquals(IncidentStatus.CLOSED, incidents.get(incidentId).status());
    assertEquals("device B1 spoke again", incidents.get(incidentId).workOrder().resolution(),
        "the system's clearance closes the work order");
    assertEquals("cancel", radio.sent.get(radio.sent.size() - 1).message().path("action").asText(), "M1 is told to drop it");
    assertEquals(null, units.find(java.util.List.of("M1")).get("M1").incidentId(), "and freed");
    assertEquals(2, bus.ofType(IncidentEvents.CLOSED).size(), "a repeated back publishes again, same id");
    bus.ofType(IncidentEvents.CLOSED).forEach(e -> {
      assertEquals(incidentId + "/closed", e.eventId());
      assertEquals("cleared", e.detail().path("resolution").asText());
    });
  }

  @Test
  void anOverstayWithoutItsSessionOrAnUnknownEventIsRefusedWithTheReason() {
    Map<String, Object> broken = overstay();
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = new HashMap<>((Map<String, Object>) broken.get("detail"));
    detail.remove("sessionId");
    broken.put("detail", detail);
    assertEquals("overstay event without sessionId",
        assertThrows(InvalidInput.class, () -> handler.handleRequest(broken, null)).getMessage());

    Map<String, Object> other = overstay();
    other.put("detail-type", "Parking Paid");
    assertEquals("no incident is opened for city.parking Parking Paid",
        assertThrows(InvalidInput.class, () -> handler.handleRequest(other, null)).getMessage());
    assertEquals(0, incidents.incidents.size());
  }
}
