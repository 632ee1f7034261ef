package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.Twin;
import city.local.SampleCityVariant;
import city.local.TwinOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Rule 4's public side end to end in the twin, over MQTT and HTTP only: a parking sensor and a dock controller with a
 * 6-second heartbeat and the integration_health schedule every 300 ms. The silent sensor's space answers unknown and
 * counts as unknown in its zone; the silent dock's station is installed but not renting in GBFS. When they speak
 * again both show what the devices report.
 */
class SilentDeviceHidesItsStatusTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

  private static Twin twin;
  private static BusTwin kit;

  @BeforeAll
  static void start() throws MqttException {
    kit = BusTwin.start(TwinOptions.inMemory().withCityFile(testCity())
        .withSchedulePeriod("integration_health", Duration.ofMillis(300))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    twin = kit.twin();
  }

  @AfterAll
  static void stop() throws MqttException {
    if (kit != null) {
      kit.close();
    }
  }

  /**
   * The sample county with one parking space, QS1, and one bike station, B1, whose classes have a 6-second heartbeat;
   * every other class keeps a day's.
   */
  private static Path testCity() {
    return SampleCityVariant.write("silent", city -> {
      ObjectNode parking = (ObjectNode) city.path("parking");
      ArrayNode spaces = parking.putArray("zones").addObject().put("zone", "ZU").put("class", "I").put("name", "Quiet Street")
          .put("tariff", "beijing-onstreet").putArray("spaces");
      spaces.addObject().put("spaceId", "QS1").put("lat", 36.45).put("lon", 118.60);
      parking.putArray("cameras");
      ObjectNode bikeshare = (ObjectNode) city.path("bikeshare");
      JsonNode b1 = bikeshare.path("stations").get(0);
      bikeshare.putArray("stations").add(b1);
      city.putObject("integration").putObject("silentAfterMinutes").put("parking-sensor", 0.1).put("dock", 0.1)
          .put("safety-sensor", 1440).put("unit", 1440);
    });
  }

  private static void publish(String topic, String payload) {
    kit.publish(topic, payload);
  }

  private static void sensor(boolean occupied, int seq) {
    publish("parking/spaces/QS1/occupancy", "{\"occupied\": " + occupied + ", \"ts\": \"" + OffsetDateTime.now(CITY_ZONE)
        + "\", \"seq\": " + seq + "}");
  }

  private static void dock() {
    publish("bikeshare/stations/B1/status", "{\"bikes\": 5, \"docks\": 11, \"ts\": \"" + OffsetDateTime.now(CITY_ZONE)
        + "\"}");
  }

  private static JsonNode get(String path) {
    return kit.get(path);
  }

  private static JsonNode b1Status() {
    return get("/gbfs/station_status.json").path("data").path("stations").get(0);
  }

  @Test
  void aSilentSensorsSpaceIsUnknownAndASilentDocksStationDoesNotRentUntilTheySpeakAgain() {
    sensor(true, 1);
    dock();

    // a space never heard of is unknown too, but without a since: this one is unknown since its silence began
    JsonNode unknown = Eventually.await("QS1 unknown while its sensor is silent", WAIT, () -> get("/parking/spaces/QS1"),
        s -> s.path("status").asText().equals("unknown") && s.path("since").isTextual());
    assertEquals("ZU", unknown.path("zone").asText());
    JsonNode zone = get("/parking/zones/ZU/availability");
    assertEquals(1, zone.path("unknown").asInt(), zone.toString());
    assertEquals(0, zone.path("occupied").asInt(), zone.toString());

    JsonNode silentDock = Eventually.await("B1 not renting while its dock is silent", WAIT, () -> b1Status(),
        s -> !s.path("is_renting").asBoolean(true));
    assertEquals("B1", silentDock.path("station_id").asText());
    assertTrue(silentDock.path("is_installed").asBoolean(), silentDock.toString());
    assertTrue(silentDock.path("is_returning").asBoolean(), "returns are as the dock reported: " + silentDock);

    sensor(false, 2);
    dock();
    Eventually.await("QS1 free again", WAIT, () -> get("/parking/spaces/QS1"), s -> s.path("status").asText().equals("free"));
    Eventually.await("QS1 counted free", WAIT, () -> get("/parking/zones/ZU/availability"),
        z -> z.path("free").asInt() == 1 && z.path("unknown").asInt() == 0);
    Eventually.await("B1 renting again", WAIT, () -> b1Status(), s -> s.path("is_renting").asBoolean());
    assertEquals(0, get("/ops/dead-letters").path("deadLetters").size(), "nothing failed");
  }
}
