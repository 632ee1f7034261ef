package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.RepoRoot;
import city.local.Twin;
import city.local.TwinOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 4's faults end to end in the twin, over MQTT and HTTP only: a station status with a "fault" opens a maintenance
 * incident at once (no schedule involved) for the sample city's crew M1; further faulty reports add nothing; the first
 * report without a fault closes it.
 */
class DockFaultBecomesMaintenanceJobTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

  private static Twin twin;
  private static BusTwin kit;

  @BeforeAll
  static void start() throws MqttException {
    kit = BusTwin.start(TwinOptions.inMemory().withCityFile(TwinOptions.sampleCity(RepoRoot.find()))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    twin = kit.twin();
  }

  @AfterAll
  static void stop() throws MqttException {
    if (kit != null) {
      kit.close();
    }
  }

  private static void publish(String topic, String payload) {
    kit.publish(topic, payload);
  }

  private static void status(OffsetDateTime ts, String fault) {
    publish("bikeshare/stations/B1/status", "{\"bikes\": 5, \"docks\": 5, \"ts\": \"" + ts + "\""
        + (fault == null ? "" : ", \"fault\": \"" + fault + "\"") + "}");
  }

  private static JsonNode incident(String incidentId) {
    return kit.getOrEmpty("/ops/incidents/" + incidentId);
  }


  @Test
  void aFaultOpensAMaintenanceJobAtOnceAndTheFirstReportWithoutOneClosesIt() {
    publish("units/M1/status", "{\"kind\": \"maintenance\", \"status\": \"available\", \"lat\": 36.52, \"lon\": 118.54,"
        + " \"ts\": \"" + OffsetDateTime.now(CITY_ZONE) + "\"}");
    OffsetDateTime t0 = OffsetDateTime.now(CITY_ZONE).withNano(0);
    String incidentId = "M-B1-fault-" + COMPACT_UTC.format(t0.withOffsetSameInstant(ZoneOffset.UTC));

    status(t0, "lock 7 jammed");
    status(t0, "lock 7 jammed"); // redelivered
    // IoT Core does not keep order: the later report waits, or it could be the one the fault is counted from
    assertTrue(twin.awaitIdle(WAIT));
    status(t0.plusSeconds(30), "lock 7 jammed");
    JsonNode job = Eventually.await(incidentId + " assigned to M1", WAIT, () -> incident(incidentId),
        i -> i.path("unitId").asText().equals("M1"));
    assertEquals("maintenance", job.path("category").asText());
    assertEquals("B1", job.path("systemSource").path("deviceId").asText());
    assertEquals("lock 7 jammed", job.path("systemSource").path("fault").asText());
    assertTrue(job.path("description").asText().contains("lock 7 jammed"), job.toString());

    status(t0.plusSeconds(60), null);
    JsonNode closed = Eventually.await(incidentId + " closed", WAIT, () -> incident(incidentId),
        i -> i.path("status").asText().equals("closed"));
    assertTrue(closed.path("history").toString().contains("cleared"), closed.toString());
    assertTrue(twin.awaitIdle(WAIT));
    long jobs = 0;
    for (JsonNode incident : kit.get("/ops/incidents").path("incidents")) {
      jobs += incident.path("category").asText().equals("maintenance") ? 1 : 0;
    }
    assertEquals(1, jobs, "one job for the fault, however many reports carried it");
  }
}
