package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.TwinOptions;
import city.local.bench.bus.LineOfSpacesCity;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 1 end to end in the twin, over MQTT and HTTP only: a safety alert at a space's coordinates becomes an
 * incident (dispatch), whose Incident Opened event crosses the twin's bus (PutEvents through the SDK, matched by
 * event-ruler) to parking, which closes the space; the unit's resolve reopens it to its sensor's status. The
 * city's parking is one test zone of spaces 1.1 km apart, so each alert closes exactly the space it names.
 */
class IncidentClosesParkingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");
  private static final int SPACES = 3;
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-28T09:00:00+08:00");

  private static BusTwin city;

  @BeforeAll
  static void start() throws MqttException {
    city = BusTwin.start(TwinOptions.inMemory().withCityFile(LineOfSpacesCity.write(SPACES))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
  }

  @AfterAll
  static void stop() throws MqttException {
    if (city != null) {
      city.close();
    }
  }

  /** @return the incident id dispatch derives from the alert */
  private static String alert(String sensorId, String category, String subCategory, int space, OffsetDateTime ts) {
    city.publish("safety/sensors/" + sensorId + "/alerts", String.format(
        "{\"category\": \"%s\"%s, \"severity\": \"high\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", category,
        subCategory == null ? "" : ", \"subCategory\": \"" + subCategory + "\"", LineOfSpacesCity.lat(space), LineOfSpacesCity.LON, ts));
    return "A-" + sensorId + "-" + COMPACT_UTC.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static void unitAvailable(String unitId, String kind, OffsetDateTime ts) {
    city.publish("units/" + unitId + "/status", String.format(
        "{\"kind\": \"%s\", \"status\": \"available\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", kind, LineOfSpacesCity.lat(1), LineOfSpacesCity.LON, ts));
  }

  private static void resolve(String unitId, String incidentId, OffsetDateTime ts) {
    Eventually.await(incidentId + " assigned to " + unitId, WAIT, () -> city.get("/ops/incidents/" + incidentId),
        i -> unitId.equals(i.path("unitId").asText()) && i.path("status").asText().equals("assigned"));
    city.publish("units/" + unitId + "/acks", String.format(
        "{\"incidentId\": \"%s\", \"action\": \"resolve\", \"ts\": \"%s\"}", incidentId, ts));
  }

  private static JsonNode space(int space) {
    return city.get("/parking/spaces/P" + space);
  }

  private static JsonNode awaitSpace(int space, String what, Predicate<JsonNode> done) {
    return Eventually.await("P" + space + " " + what, WAIT, () -> space(space), done);
  }

  private static void idle() {
    assertTrue(city.twin().awaitIdle(WAIT), "the twin settles");
  }

  @Test
  void anIncidentClosesTheSpaceAndOnlyTheLastOfTwoIncidentsReopensItToItsSensorsStatus() {
    city.publish("parking/spaces/P1/occupancy", "{\"occupied\": true, \"ts\": \"2026-11-28T08:50:00+08:00\", \"seq\": 1}");
    awaitSpace(1, "occupied", s -> s.path("status").asText().equals("occupied"));
    unitAvailable("U6", "police", T0.minusMinutes(1));
    idle();

    String collision = alert("F1", "traffic", "collision", 1, T0);
    JsonNode closed = awaitSpace(1, "closed by " + collision, s -> s.path("status").asText().equals("closed"));
    assertEquals(collision, closed.path("closedBy").path("incidentId").asText());
    idle();
    assertEquals("unknown", space(2).path("status").asText(), "P2, 1.1 km away and never heard of, is not closed");
    JsonNode availability = city.get("/parking/zones/ZT/availability");
    assertEquals(1, availability.path("closed").asInt(), availability.toString());
    assertEquals(0, availability.path("occupied").asInt(), "the closed space is not counted as occupied");

    String fire = alert("F2", "fire", null, 1, T0.plusSeconds(5));
    idle();
    JsonNode trail = city.get("/ops/events?source=city.dispatch&type="
        + URLEncoder.encode("Incident Opened", StandardCharsets.UTF_8));
    assertTrue(eventIds(trail).containsAll(List.of(fire + "/opened", collision + "/opened")), trail.toString());
    trail.path("events").forEach(e -> assertEquals("Incident Opened", e.path("detail-type").asText()));

    resolve("U6", collision, T0.plusMinutes(20));
    idle();
    JsonNode stillClosed = space(1);
    assertEquals("closed", stillClosed.path("status").asText(), "the fire still closes P1");
    assertEquals(fire, stillClosed.path("closedBy").path("incidentId").asText());

    unitAvailable("U1", "fire", T0.plusMinutes(21));
    resolve("U1", fire, T0.plusMinutes(40));
    JsonNode reopened = awaitSpace(1, "back to its sensor", s -> !s.path("status").asText().equals("closed"));
    assertEquals("occupied", reopened.path("status").asText(), "the sensor says occupied");
    assertTrue(reopened.path("closedBy").isMissingNode());
    idle();
    assertEquals(0, city.get("/parking/zones/ZT/availability").path("closed").asInt());

    JsonNode all = city.get("/ops/events");
    List<String> ids = eventIds(all);
    assertTrue(ids.containsAll(List.of(fire + "/closed", collision + "/closed", fire + "/opened", collision + "/opened")),
        ids.toString());
    assertEquals(ids.size(), Set.copyOf(ids).size(), "each event kept once");
    List<String> times = new ArrayList<>();
    all.path("events").forEach(e -> times.add(e.path("time").asText()));
    List<String> newestFirst = new ArrayList<>(times);
    newestFirst.sort(Collections.reverseOrder());
    assertEquals(newestFirst, times, "newest first");
    assertEquals(0, city.get("/ops/dead-letters").path("deadLetters").size(), "nothing failed");
  }

  private static List<String> eventIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("events").forEach(e -> ids.add(e.path("eventId").asText()));
    return ids;
  }
}
