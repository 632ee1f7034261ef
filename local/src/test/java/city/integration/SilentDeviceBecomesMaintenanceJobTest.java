package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.Twin;
import city.local.SampleCityVariant;
import city.local.TwinOptions;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 4 end to end in the twin, over MQTT and HTTP only: parking sensors with a 6-second heartbeat (the city file's
 * integration.silentAfterMinutes) and the integration_health schedule every 300 ms. A sensor that stops speaking
 * becomes one maintenance incident, dispatched to the maintenance crew; when it speaks again the system closes it and
 * the crew is told to drop it. GET /ops/devices shows lastSeen and health all along.
 */
class SilentDeviceBecomesMaintenanceJobTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final double LAT = 36.45;
  private static final double LON = 118.60;

  private static Twin twin;
  private static BusTwin kit;
  private static String ops;
  private static long seq;

  @BeforeAll
  static void start() throws MqttException {
    kit = BusTwin.start(TwinOptions.inMemory().withCityFile(testCity())
        .withSchedulePeriod("integration_health", Duration.ofMillis(300))
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

  /**
   * The sample county with one parking zone of one sensor, Q1, whose class has a 6-second heartbeat; every other
   * class keeps a day's, so nothing else falls silent during the test.
   */
  private static Path testCity() {
    return SampleCityVariant.write("health", city -> {
      ObjectNode parking = (ObjectNode) city.path("parking");
      ArrayNode spaces = parking.putArray("zones").addObject().put("zone", "ZH").put("class", "I").put("name", "Health Street")
          .put("tariff", "beijing-onstreet").putArray("spaces");
      spaces.addObject().put("spaceId", "Q1").put("lat", LAT).put("lon", LON);
      parking.putArray("cameras");
      city.putObject("integration").putObject("silentAfterMinutes").put("parking-sensor", 0.1).put("dock", 1440)
          .put("safety-sensor", 1440).put("unit", 1440);
    });
  }

  private static void publish(String topic, String payload) {
    kit.publish(topic, payload);
  }

  private static void sensorSpeaks() {
    seq++;
    publish("parking/spaces/Q1/occupancy", "{\"occupied\": " + (seq % 2 == 1) + ", \"ts\": \""
        + OffsetDateTime.now(CITY_ZONE) + "\", \"seq\": " + seq + "}");
  }

  private static JsonNode get(String path) {
    return kit.get(path);
  }

  private static JsonNode device(String deviceId) {
    for (JsonNode device : get("/ops/devices").path("devices")) {
      if (device.path("deviceId").asText().equals(deviceId)) {
        return device;
      }
    }
    throw new AssertionError("no device " + deviceId);
  }

  private static List<JsonNode> maintenanceJobs() {
    List<JsonNode> jobs = new java.util.ArrayList<>();
    for (JsonNode incident : get("/ops/incidents").path("incidents")) {
      if (incident.path("category").asText().equals("maintenance")) {
        jobs.add(incident);
      }
    }
    return jobs;
  }

  @Test
  void aSilentSensorBecomesOneMaintenanceJobThatClosesWhenItSpeaksAgain() {
    publish("units/M1/status", String.format("{\"kind\": \"maintenance\", \"status\": \"available\", \"lat\": %s,"
        + " \"lon\": %s, \"ts\": \"%s\"}", LAT, LON, OffsetDateTime.now(CITY_ZONE)));
    sensorSpeaks();
    // its health flips to silent within seconds here, so "ok" is shown by DeviceWatchTest, not raced for
    JsonNode seen = Eventually.await("Q1 seen", WAIT, () -> device("Q1"), d -> d.path("lastSeen").isTextual());
    assertEquals("parking-sensor", seen.path("type").asText());

    JsonNode job = Eventually.await("a maintenance job for Q1 assigned", WAIT, () -> maintenanceJobs().stream()
            .filter(j -> j.path("status").asText().equals("assigned")).findFirst().orElse(Json.MAPPER.createObjectNode()),
        j -> j.path("unitId").asText().equals("M1"));
    String incidentId = job.path("incidentId").asText();
    assertTrue(incidentId.startsWith("M-Q1-"), incidentId);
    assertEquals("maintenance", job.path("kind").asText());
    assertEquals("Q1", job.path("systemSource").path("deviceId").asText());
    assertEquals("parking-sensor", job.path("systemSource").path("deviceClass").asText());
    assertEquals("silent", device("Q1").path("health").asText());

    String silentSince = device("Q1").path("lastSeen").asText();
    sensorSpeaks();
    JsonNode closed = Eventually.await(incidentId + " closed by the system", WAIT, () -> get("/ops/incidents/" + incidentId),
        i -> i.path("status").asText().equals("closed"));
    assertTrue(closed.path("history").toString().contains("cleared"), closed.toString());
    assertTrue(device("Q1").path("lastSeen").asText().compareTo(silentSince) > 0, "lastSeen moved on");
    assertEquals(1, maintenanceJobs().stream().filter(j -> j.path("incidentId").asText().equals(incidentId)).count(),
        "one incident for the silence, whatever the runs that saw it");

    JsonNode trail = get("/ops/events?source=city.ops&type=" + URLEncoder.encode("Device Silent", StandardCharsets.UTF_8));
    assertTrue(trail.path("events").size() >= 1, trail.toString());
    assertTrue(get("/ops/events?source=city.dispatch&type=" + URLEncoder.encode("Incident Closed", StandardCharsets.UTF_8))
        .toString().contains("\"resolution\":\"cleared\""));
    assertEquals(0, get("/ops/dead-letters").path("deadLetters").size(), "nothing failed");
  }
}
