package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Eventually;
import city.local.Twin;
import city.local.TwinOptions;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sensors that lie, through the twin over MQTT and HTTP: a seq far ahead of the space's history is refused into
 * the dead letters (the space keeps working), and a session longer than parking.maxBillableDays is held for
 * review, not billed, and shown to ops.
 */
class SensorBoundsTwinTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
  private static Twin twin;
  private static String ops;

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory().withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    ops = twin.token("ops-1", "ops", List.of());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void aSeqJumpIsADeadLetterAndTheSpaceGoesOn() throws Exception {
    occupancy("S20", false, NOW.minusHours(3), 1);
    occupancy("S20", true, NOW.minusHours(2), 9223372036854775806L);
    occupancy("S20", true, NOW.minusHours(2), 2);
    occupancy("S20", false, NOW.minusHours(1), 3);
    assertTrue(twin.awaitIdle(WAIT));

    JsonNode letter = Eventually.await("the refused jump in the dead letters", WAIT, () -> deadLetter("parking/spaces/S20/occupancy",
        "9223372036854775806"), letterFound -> letterFound != null);
    assertTrue(letter.path("reason").asText().contains("parking.maxSeqJump = 10000"), letter.toString());
    assertEquals("free", json(get("/parking/spaces/S20", null)).path("status").asText());
    JsonNode space = json(get("/ops/parking/spaces/S20/sessions", ops));
    assertEquals(4, space.path("nextSeq").asLong(), "a replacement sensor counts on from here: " + space);
    JsonNode session = space.path("sessions").get(0);
    assertEquals(2, session.path("openSeq").asLong(), space.toString());
    assertEquals(3, session.path("closeSeq").asLong(), space.toString());
  }

  @Test
  void aSessionLongerThanTheBillableLimitIsHeldForReviewAndListedForOps() throws Exception {
    OffsetDateTime arrived = NOW.minusDays(8);
    occupancy("S21", true, arrived, 1);
    occupancy("S21", false, NOW.minusMinutes(1), 2);
    assertTrue(twin.awaitIdle(WAIT));

    String period = "?from=" + NOW.minusDays(9).toLocalDate() + "&to=" + NOW.plusDays(1).toLocalDate();
    JsonNode sessions = Eventually.await("the long session closed", WAIT, () -> json(get("/ops/parking/spaces/S21/sessions" + period, ops)),
        body -> body.path("sessions").size() == 1 && !body.path("sessions").get(0).path("end").isNull())
        .path("sessions");
    JsonNode held = sessions.get(0);
    assertEquals(true, held.path("heldForReview").asBoolean(), held.toString());
    assertEquals(0, held.path("amountDue").asLong(), held.toString());
    assertEquals("review", held.path("status").asText(), held.toString());

    JsonNode summary = json(get("/ops/parking/summary" + period, ops));
    assertEquals(1, summary.path("heldForReview").asInt(), summary.toString());
    assertEquals(held.path("sessionId").asText(), summary.path("heldForReviewSessions").get(0).asText());
  }

  private static void occupancy(String space, boolean occupied, OffsetDateTime ts, long seq) throws Exception {
    MqttClient sensor = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), space, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    // the device itself, bound by its IoT policy; pinned, as the twin (like IoT Core) refuses MQTT 3.1
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    sensor.connect(options);
    try {
      sensor.publish("parking/spaces/" + space + "/occupancy",
          Json.bytes(Map.of("occupied", occupied, "ts", ts.toString(), "seq", seq)), 1, false);
    } finally {
      sensor.disconnect();
      sensor.close();
    }
  }

  private static JsonNode deadLetter(String topic, String payloadPart) {
    for (JsonNode letter : json(get("/ops/dead-letters?limit=1000", ops)).path("deadLetters")) {
      if (letter.path("topic").asText().equals(topic) && letter.path("payload").asText().contains(payloadPart)) {
        return letter;
      }
    }
    return null;
  }

  private static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(path + " failed", e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }
}
