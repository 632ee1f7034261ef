package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.Twin;
import city.local.TwinOptions;
import city.local.bench.bus.LineOfSpacesCity;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 3 end to end in the twin, over MQTT and HTTP only: a car parked past its zone's maximum stay; the settlement
 * schedule (every 300 ms here) publishes Parking Overstay on the bus; dispatch opens one parking-enforcement incident
 * for the session and sends the nearest free warden; the warden's resolve closes it, and the Incident Closed event
 * leaves the enforcement note on the session that ops read.
 */
class OverstayBecomesWardensJobTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final int SPACES = 5;
  private static final double LON = LineOfSpacesCity.LON;

  private static Twin twin;
  private static BusTwin kit;
  private static String ops;

  @BeforeAll
  static void start() throws MqttException {
    kit = BusTwin.start(TwinOptions.inMemory().withCityFile(testCity())
        .withSchedulePeriod("parking_settlement", Duration.ofMillis(300))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    twin = kit.twin();
    ops = kit.opsToken();
  }

  @AfterAll
  static void stop() throws MqttException {
    if (kit != null) {
      kit.close();
    }
  }

  /** The test street's spaces, 1.1 km apart, with a 60 minutes' maximum stay. */
  private static Path testCity() {
    return LineOfSpacesCity.write(SPACES, zone -> zone.put("maxStayMinutes", 60));
  }

  private static double lat(int space) {
    return LineOfSpacesCity.lat(space);
  }

  private static void publish(String topic, String payload) {
    kit.publish(topic, payload);
  }

  private static void wardenAvailable(String unitId, double lat) {
    publish("units/" + unitId + "/status", String.format(
        "{\"kind\": \"enforcement\", \"status\": \"available\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", lat, LON,
        OffsetDateTime.now(CITY_ZONE)));
  }

  private static JsonNode get(String path) {
    return kit.get(path);
  }

  private static JsonNode incident(String incidentId) {
    return kit.getOrEmpty("/ops/incidents/" + incidentId);
  }


  private static JsonNode sessionOf(int space, String sessionId) {
    for (JsonNode session : get("/ops/parking/spaces/P" + space + "/sessions").path("sessions")) {
      if (session.path("sessionId").asText().equals(sessionId)) {
        return session;
      }
    }
    return Json.MAPPER.createObjectNode();
  }

  @Test
  void anOverstayBecomesOneWardensJobWhoseResolveLeavesTheEnforcementNoteOnTheSession() {
    wardenAvailable("W1", lat(1));
    wardenAvailable("W2", lat(1) + 0.5);
    List<Long> detectedToDispatched = new ArrayList<>();
    for (int space = 1; space <= SPACES; space++) {
      OffsetDateTime parked = OffsetDateTime.now(CITY_ZONE).minusMinutes(90).withNano(0);
      publish("parking/spaces/P" + space + "/occupancy", "{\"occupied\": true, \"ts\": \"" + parked + "\", \"seq\": 1}");
      String sessionId = "P" + space + "-" + parked.format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "-1";
      String incidentId = "E-" + sessionId;

      JsonNode assigned = Eventually.await(incidentId + " assigned", WAIT, () -> incident(incidentId),
          i -> i.path("status").asText().equals("assigned"));
      assertEquals("W1", assigned.path("unitId").asText(), "the nearest free warden");
      assertEquals("parking-enforcement", assigned.path("category").asText());
      assertEquals("enforcement", assigned.path("kind").asText());
      assertEquals("system", assigned.path("source").asText());
      assertEquals("{\"domain\":\"parking\",\"sessionId\":\"" + sessionId + "\",\"spaceId\":\"P" + space + "\"}",
          Json.write(assigned.path("systemSource")));
      detectedToDispatched.add(Duration.between(OffsetDateTime.parse(assigned.path("reportedAt").asText()),
          OffsetDateTime.parse(assigned.path("dispatchedAt").asText())).toMillis());

      publish("units/W1/acks", "{\"incidentId\": \"" + incidentId + "\", \"action\": \"resolve\", \"ts\": \""
          + OffsetDateTime.now(CITY_ZONE) + "\"}");
      int s = space;
      JsonNode noted = Eventually.await(sessionId + " noted", WAIT, () -> sessionOf(s, sessionId),
          session -> session.path("enforcement").path("incidentId").asText().equals(incidentId));
      assertEquals("W1", noted.path("enforcement").path("unitId").asText());
      assertEquals("resolved", noted.path("enforcement").path("resolution").asText());
      assertEquals("open", noted.path("status").asText(), "the car is still there: the note does not end the session");
    }
    assertTrue(twin.awaitIdle(WAIT));

    JsonNode overstays = get("/ops/events?source=city.parking&type=" + URLEncoder.encode("Parking Overstay", StandardCharsets.UTF_8));
    assertEquals(SPACES, overstays.path("events").size(), "one overstay event per session, whatever the runs since");
    JsonNode jobs = get("/ops/incidents");
    long enforcement = 0;
    for (JsonNode job : jobs.path("incidents")) {
      enforcement += job.path("category").asText().equals("parking-enforcement") ? 1 : 0;
    }
    assertEquals(SPACES, enforcement, "one incident per session");
    assertEquals(0, get("/ops/dead-letters").path("deadLetters").size(), "nothing failed");

    Collections.sort(detectedToDispatched);
    System.out.println("MEASURED overstay detected to warden dispatched, twin, " + SPACES + " sessions: median "
        + detectedToDispatched.get(SPACES / 2) + " ms, min " + detectedToDispatched.get(0) + " ms, max "
        + detectedToDispatched.get(SPACES - 1) + " ms");
  }
}
