package city.local;

import city.local.mqtt.ThingPolicy;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** What a device and a citizen app do with a twin: MQTT publishes (Paho, QoS 1) and HTTP requests. */
final class TwinClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TwinClient() {}

  /** Connects as the twin's operator, which may publish anywhere (tests publish for many devices on one client). */
  static MqttClient connect(Twin twin, String clientId) throws MqttException {
    MqttConnectOptions options = options();
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    return connect(twin, clientId, options);
  }

  /** Connects as the device {@code thingName}, bound by its class's IoT policy. */
  static MqttClient connectAsDevice(Twin twin, String thingName) throws MqttException {
    return connect(twin, thingName, options());
  }

  static MqttClient connect(Twin twin, String clientId, MqttConnectOptions options) throws MqttException {
    MqttClient client = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), clientId, new MemoryPersistence());
    client.connect(options);
    return client;
  }

  private static MqttConnectOptions options() {
    MqttConnectOptions options = new MqttConnectOptions();
    // Paho's default retries a refused 3.1.1 CONNECT as MQTT 3.1, which hides the broker's answer
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setConnectionTimeout(5);
    // Paho 1.2 may still count a QoS 1 publish as in flight just after its synchronous publish returned
    options.setMaxInflight(1000);
    return options;
  }

  /** Publishes with QoS 1: returns once the broker acknowledged the message. */
  static void publish(Twin twin, String topic, String payload) {
    try {
      MqttClient client = connect(twin, "test-" + UUID.randomUUID());
      try {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
      } finally {
        client.disconnect();
        client.close();
      }
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  /**
   * A device time a minute ago, in China's offset: within the city's clock limits around arrival
   * (platform.maxClockSkew, platform.maxMessageAge) whenever the test runs.
   */
  static String recentDeviceTime() {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1).toString();
  }

  static HttpResponse<String> get(Twin twin, String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path)).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }
}
