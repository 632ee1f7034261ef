package city.local.profile;

import city.local.Twin;
import city.local.SampleCityVariant;
import city.local.TwinOptions;
import city.local.demo.TwinHttp;
import city.local.mqtt.ThingPolicy;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What the sample county's demo does not play, played on a twin of its own for {@link ProfileBench}, over MQTT and HTTP
 * only: a fire at a bike station and a collision at a parking space (rule 2: both close what they are at, and their
 * resolution reopens it), a parking sensor and a dock that fall silent and speak again (rule 4, with a 6-second
 * heartbeat), and the ops console's snapshot read while incidents are open and after. Each step waits for its outcome,
 * so a scene that no longer reaches its function fails the bench instead of measuring nothing.
 */
final class ProfileScenes {
  private static final int SNAPSHOTS = 5;
  static final String DESCRIPTION = "the profile scenes (on a twin of the sample county cut to one space a zone and 3 stations with"
      + " a 6 s heartbeat: a fire at station B1 and a collision at space S1, both resolved; S1 and B1 silent, then"
      + " speaking again; " + 2 * ProfileScenes.SNAPSHOTS + " ops snapshots)";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

  private final Twin twin;
  private final MqttClient devices;
  private final TwinHttp http;
  private final String ops;
  private final JsonNode city;
  private long seq;

  private ProfileScenes(Twin twin, MqttClient devices, JsonNode city) {
    this.twin = twin;
    this.devices = devices;
    this.http = new TwinHttp(twin.httpEndpoint());
    this.ops = twin.token("ops-profile", "ops", List.of());
    this.city = city;
  }

  /** Plays every scene on a fresh in-memory twin that {@code twinSetup} adjusts last (to attach the meter). */
  static void play(UnaryOperator<TwinOptions> twinSetup) {
    Path cityFile = SampleCityVariant.write("profile-scenes", ProfileScenes::cutToTheScenes);
    JsonNode city = readCity(cityFile);
    try (Twin twin = Twin.start(twinSetup.apply(TwinOptions.inMemory().withCityFile(cityFile)
        .withSchedulePeriod("integration_health", Duration.ofMillis(500))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)))))) {
      MqttClient devices = connect(twin);
      try {
        new ProfileScenes(twin, devices, city).run();
      } finally {
        disconnect(devices);
      }
    } finally {
      try {
        Files.deleteIfExists(cityFile);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }

  private void run() {
    OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    for (JsonNode zone : city.path("parking").path("zones")) {
      occupancy(zone.path("spaces").get(0).path("spaceId").asText(), true, t0.minusMinutes(3));
    }
    for (String station : List.of("B1", "B2", "B3")) {
      station(station, 8, 8, t0.minusMinutes(3));
    }
    unit("U1", "fire", point("bikeshare", "stations", "stationId", "B1"), t0.minusMinutes(2));
    unit("U6", "police", point("parking", "zones", "spaceId", "S1"), t0.minusMinutes(2));
    unit("M1", "maintenance", point("bikeshare", "stations", "stationId", "B2"), t0.minusMinutes(2));
    idle();

    String fire = alert("F1", "fire", null, point("bikeshare", "stations", "stationId", "B1"), t0);
    String collision = alert("F2", "traffic", "collision", point("parking", "zones", "spaceId", "S1"), t0);
    await("S1 closed by " + collision, () -> http.get("/parking/spaces/S1", null).require(),
        s -> s.path("status").asText().equals("closed"));
    await("B1 named in system_alerts", () -> http.get("/gbfs/system_alerts.json", null).require(),
        a -> a.path("data").path("alerts").toString().contains("\"B1\""));
    snapshots();
    resolve("U1", fire, t0.plusMinutes(10));
    resolve("U6", collision, t0.plusMinutes(10));
    await("S1 reopened", () -> http.get("/parking/spaces/S1", null).require(),
        s -> !s.path("status").asText().equals("closed"));
    idle();

    await("S1 and B1 reported silent", () -> http.get("/ops/devices", ops).require(),
        d -> health(d, "S1").equals("silent") && health(d, "B1").equals("silent"));
    await("a maintenance job for S1 and one for B1", () -> http.get("/ops/incidents", ops).require(),
        i -> i.toString().contains("M-S1-") && i.toString().contains("M-B1-"));
    OffsetDateTime later = OffsetDateTime.now(ZoneOffset.ofHours(8));
    occupancy("S1", false, later);
    station("B1", 9, 7, later);
    await("S1 and B1 back", () -> http.get("/ops/devices", ops).require(),
        d -> health(d, "S1").equals("ok") && health(d, "B1").equals("ok"));
    idle();
    snapshots();
  }

  private void snapshots() {
    for (int i = 0; i < SNAPSHOTS; i++) {
      http.get("/ops/snapshot", ops).require();
    }
  }

  private void resolve(String unitId, String incidentId, OffsetDateTime ts) {
    await(incidentId + " assigned to " + unitId, () -> http.get("/ops/incidents/" + incidentId, ops).require(),
        i -> unitId.equals(i.path("unitId").asText()) && i.path("status").asText().equals("assigned"));
    publish("units/" + unitId + "/acks", String.format("{\"incidentId\": \"%s\", \"action\": \"resolve\", \"ts\": \"%s\"}",
        incidentId, ts));
  }

  /** @return the incident id dispatch derives from the alert */
  private String alert(String sensorId, String category, String subCategory, JsonNode at, OffsetDateTime ts) {
    publish("safety/sensors/" + sensorId + "/alerts", String.format(
        "{\"category\": \"%s\"%s, \"severity\": \"high\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", category,
        subCategory == null ? "" : ", \"subCategory\": \"" + subCategory + "\"", at.path("lat").asText(),
        at.path("lon").asText(), ts));
    return "A-" + sensorId + "-" + COMPACT_UTC.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private void occupancy(String spaceId, boolean occupied, OffsetDateTime ts) {
    seq++;
    publish("parking/spaces/" + spaceId + "/occupancy", "{\"occupied\": " + occupied + ", \"ts\": \"" + ts + "\", \"seq\": "
        + seq + "}");
  }

  private void station(String stationId, int bikes, int docks, OffsetDateTime ts) {
    publish("bikeshare/stations/" + stationId + "/status", "{\"bikes\": " + bikes + ", \"docks\": " + docks + ", \"ts\": \""
        + ts + "\"}");
  }

  private void unit(String unitId, String kind, JsonNode at, OffsetDateTime ts) {
    publish("units/" + unitId + "/status", String.format("{\"kind\": \"%s\", \"status\": \"available\", \"lat\": %s,"
        + " \"lon\": %s, \"ts\": \"%s\"}", kind, at.path("lat").asText(), at.path("lon").asText(), ts));
  }

  private static String health(JsonNode devices, String deviceId) {
    for (JsonNode device : devices.path("devices")) {
      if (device.path("deviceId").asText().equals(deviceId)) {
        return device.path("health").asText();
      }
    }
    return "";
  }

  /** The position of a space (searched in every zone) or a station of the scene's city. */
  private JsonNode point(String domain, String list, String idField, String id) {
    for (JsonNode item : city.path(domain).path(list)) {
      for (JsonNode candidate : item.has("spaces") ? item.path("spaces") : List.of(item)) {
        if (candidate.path(idField).asText().equals(id)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("the scene's city has no " + id);
  }

  private void publish(String topic, String payload) {
    try {
      devices.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  private void idle() {
    if (!twin.awaitIdle(WAIT)) {
      throw new IllegalStateException("profile scenes: the twin did not settle within " + WAIT);
    }
  }

  private static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("profile scenes: no " + what + " within " + WAIT + "; last seen " + last);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = read.get();
    }
    return last;
  }

  /**
   * The sample county with the first space of each zone (no cameras) and stations B1 to B3, whose sensors and docks
   * have a 6-second heartbeat: a handful of silences, not the whole county's. Units and safety sensors keep a day's.
   */
  static void cutToTheScenes(ObjectNode city) {
    ObjectNode parking = (ObjectNode) city.path("parking");
    for (JsonNode zone : parking.path("zones")) {
      JsonNode first = zone.path("spaces").get(0);
      ((ObjectNode) zone).putArray("spaces").add(first);
    }
    parking.putArray("cameras");
    ArrayNode stations = Json.MAPPER.createArrayNode();
    city.path("bikeshare").path("stations").forEach(s -> {
      if (stations.size() < 3) {
        stations.add(s);
      }
    });
    ((ObjectNode) city.path("bikeshare")).set("stations", stations);
    ((ObjectNode) city.path("integration")).putObject("silentAfterMinutes").put("parking-sensor", 0.1).put("dock", 0.1)
        .put("safety-sensor", 1440).put("unit", 1440);
  }

  private static JsonNode readCity(Path cityFile) {
    try {
      return Json.parse(Files.readString(cityFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MqttClient connect(Twin twin) {
    try {
      MqttClient client = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "profile-scenes-" + UUID.randomUUID(),
          new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      options.setUserName(ThingPolicy.OPERATOR);
      options.setPassword(twin.mqttOperatorPassword().toCharArray());
      options.setCleanSession(true);
      options.setMaxInflight(1000);
      client.connect(options);
      return client;
    } catch (MqttException e) {
      throw new IllegalStateException("profile scenes: MQTT connect failed", e);
    }
  }

  private static void disconnect(MqttClient client) {
    try {
      client.disconnect();
      client.close();
    } catch (MqttException e) {
      // the twin is closing anyway
    }
  }
}
