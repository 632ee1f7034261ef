package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.RepoRoot;
import city.local.Twin;
import city.local.TwinOptions;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import city.local.mqtt.ThingPolicy;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");
  private static final int SPACES = 24;
  private static final double LAT0 = 36.40;
  private static final double LON = 118.60;
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-28T09:00:00+08:00");

  private static Twin twin;
  private static MqttClient devices;
  private static String ops;

  @BeforeAll
  static void start() throws IOException, MqttException {
    twin = Twin.start(TwinOptions.inMemory().withCityFile(testCity())
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    devices = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "devices-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    // the twin's operator identity: this one client publishes for every sensor and unit of the test
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    devices.connect(options);
    ops = twin.token("ops-1", "ops", List.of());
  }

  @AfterAll
  static void stop() throws MqttException {
    if (devices != null) {
      devices.disconnect();
      devices.close();
    }
    if (twin != null) {
      twin.close();
    }
  }

  /** The sample county with its parking replaced by zone ZT: spaces P1..P24 on a line, 0.01 degrees (1.1 km) apart. */
  private static Path testCity() throws IOException {
    ObjectNode city = (ObjectNode) Json.MAPPER.readTree(TwinOptions.sampleCity(RepoRoot.find()).toFile());
    ObjectNode parking = (ObjectNode) city.path("parking");
    ArrayNode zones = parking.putArray("zones");
    ObjectNode zone = zones.addObject().put("zone", "ZT").put("class", "I").put("name", "Test Street")
        .put("tariff", "beijing-onstreet");
    ArrayNode spaces = zone.putArray("spaces");
    for (int i = 1; i <= SPACES; i++) {
      spaces.addObject().put("spaceId", "P" + i).put("lat", lat(i)).put("lon", LON);
    }
    parking.putArray("cameras");
    Path file = Files.createTempFile("bus-city-", ".json");
    file.toFile().deleteOnExit();
    Files.writeString(file, Json.write(city));
    return file;
  }

  private static double lat(int space) {
    return LAT0 + space * 0.01;
  }

  private static void publish(String topic, String payload) {
    try {
      devices.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  /** @return the incident id dispatch derives from the alert */
  private static String alert(String sensorId, String category, String subCategory, int space, OffsetDateTime ts) {
    publish("safety/sensors/" + sensorId + "/alerts", String.format(
        "{\"category\": \"%s\"%s, \"severity\": \"high\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", category,
        subCategory == null ? "" : ", \"subCategory\": \"" + subCategory + "\"", lat(space), LON, ts));
    return "A-" + sensorId + "-" + COMPACT_UTC.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static void unitAvailable(String unitId, String kind, OffsetDateTime ts) {
    publish("units/" + unitId + "/status", String.format(
        "{\"kind\": \"%s\", \"status\": \"available\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", kind, lat(1), LON, ts));
  }

  private static void resolve(String unitId, String incidentId, OffsetDateTime ts) {
    Eventually.await(incidentId + " assigned to " + unitId, WAIT, () -> get("/ops/incidents/" + incidentId, ops),
        i -> unitId.equals(i.path("unitId").asText()) && i.path("status").asText().equals("assigned"));
    publish("units/" + unitId + "/acks", String.format(
        "{\"incidentId\": \"%s\", \"action\": \"resolve\", \"ts\": \"%s\"}", incidentId, ts));
  }

  private static JsonNode get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
      }
      return Json.parse(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode space(int space) {
    return get("/parking/spaces/P" + space, null);
  }

  private static JsonNode awaitSpace(int space, String what, java.util.function.Predicate<JsonNode> done) {
    return Eventually.await("P" + space + " " + what, WAIT, () -> space(space), done);
  }

  private static void idle() {
    assertTrue(twin.awaitIdle(WAIT), "the twin settles");
  }

  @Test
  void anIncidentClosesTheSpaceAndOnlyTheLastOfTwoIncidentsReopensItToItsSensorsStatus() {
    publish("parking/spaces/P1/occupancy", "{\"occupied\": true, \"ts\": \"2026-11-28T08:50:00+08:00\", \"seq\": 1}");
    awaitSpace(1, "occupied", s -> s.path("status").asText().equals("occupied"));
    unitAvailable("U6", "police", T0.minusMinutes(1));
    idle();

    String collision = alert("F1", "traffic", "collision", 1, T0);
    JsonNode closed = awaitSpace(1, "closed by " + collision, s -> s.path("status").asText().equals("closed"));
    assertEquals(collision, closed.path("closedBy").path("incidentId").asText());
    idle();
    assertEquals("unknown", space(2).path("status").asText(), "P2, 1.1 km away and never heard of, is not closed");
    JsonNode availability = get("/parking/zones/ZT/availability", null);
    assertEquals(1, availability.path("closed").asInt(), availability.toString());
    assertEquals(0, availability.path("occupied").asInt(), "the closed space is not counted as occupied");

    String fire = alert("F2", "fire", null, 1, T0.plusSeconds(5));
    idle();
    JsonNode trail = get("/ops/events?source=city.dispatch&type="
        + URLEncoder.encode("Incident Opened", StandardCharsets.UTF_8), ops);
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
    assertEquals(0, get("/parking/zones/ZT/availability", null).path("closed").asInt());

    JsonNode all = get("/ops/events", ops);
    List<String> ids = eventIds(all);
    assertTrue(ids.containsAll(List.of(fire + "/closed", collision + "/closed", fire + "/opened", collision + "/opened")),
        ids.toString());
    assertEquals(ids.size(), Set.copyOf(ids).size(), "each event kept once");
    List<String> times = new ArrayList<>();
    all.path("events").forEach(e -> times.add(e.path("time").asText()));
    List<String> newestFirst = new ArrayList<>(times);
    newestFirst.sort(Collections.reverseOrder());
    assertEquals(newestFirst, times, "newest first");
    assertEquals(0, get("/ops/dead-letters", ops).path("deadLetters").size(), "nothing failed");
  }

  @Test
  void alertToSpaceClosedTakesWellUnderTenSecondsMedianOfTwenty() {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int target = 4 + i;
      // a sensor's repeats more than the merge window (10 min) apart are new incidents
      OffsetDateTime ts = T0.plusHours(2).plusMinutes(11L * i);
      long started = System.nanoTime();
      String incident = alert("F3", "flood", null, target, ts);
      awaitSpace(target, "closed by " + incident, s -> incident.equals(s.path("closedBy").path("incidentId").asText()));
      millis.add((System.nanoTime() - started) / 1_000_000);
    }
    Collections.sort(millis);
    long median = (millis.get(9) + millis.get(10)) / 2;
    System.out.println("alert to space closed, twin, 20 incidents: median " + median + " ms, min " + millis.get(0)
        + " ms, max " + millis.get(19) + " ms");
    assertTrue(median < 10_000, "median " + median + " ms");
  }

  private static List<String> eventIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("events").forEach(e -> ids.add(e.path("eventId").asText()));
    return ids;
  }
}
