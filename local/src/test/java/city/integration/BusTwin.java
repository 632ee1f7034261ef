package city.integration;

import city.local.Twin;
import city.local.TwinOptions;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A twin for the city bus's end-to-end tests: every device publishes through one operator MQTT connection (QoS 1),
 * and the test reads what ops see over HTTP.
 */
final class BusTwin implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Twin twin;
  private final MqttClient devices;
  private final String opsToken;

  private BusTwin(Twin twin, MqttClient devices) {
    this.twin = twin;
    this.devices = devices;
    this.opsToken = twin.token("ops-1", "ops", List.of());
  }

  static BusTwin start(TwinOptions options) throws MqttException {
    Twin twin = Twin.start(options);
    MqttClient devices = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "devices-" + UUID.randomUUID(),
        new MemoryPersistence());
    MqttConnectOptions connect = new MqttConnectOptions();
    connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    connect.setUserName(ThingPolicy.OPERATOR);
    connect.setPassword(twin.mqttOperatorPassword().toCharArray());
    connect.setCleanSession(true);
    connect.setMaxInflight(1000);
    devices.connect(connect);
    return new BusTwin(twin, devices);
  }

  Twin twin() {
    return twin;
  }

  String opsToken() {
    return opsToken;
  }

  void publish(String topic, String payload) {
    try {
      devices.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  /** Hears what the city sends on a topic filter (QoS 1), e.g. trucks' task lists. */
  void subscribe(String topicFilter, Consumer<JsonNode> listener) {
    try {
      devices.subscribe(topicFilter, 1, (topic, message) -> listener.accept(Json.parse(message.getPayload())));
    } catch (MqttException e) {
      throw new IllegalStateException("subscribe to " + topicFilter + " failed", e);
    }
  }

  /** An ops GET that must answer 200. */
  JsonNode get(String path) {
    HttpResponse<String> response = send("GET", path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
    }
    return Json.parse(response.body());
  }

  /** An ops GET of something that may not exist yet: anything but 200 reads as an empty object, for awaiting it. */
  JsonNode getOrEmpty(String path) {
    HttpResponse<String> response = send("GET", path);
    return response.statusCode() == 200 ? Json.parse(response.body()) : Json.MAPPER.createObjectNode();
  }

  /** An ops request (a POST sends an empty JSON object), whatever it answers. */
  HttpResponse<String> send(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + opsToken)
        .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws MqttException {
    try {
      devices.disconnect();
      devices.close();
    } finally {
      twin.close();
    }
  }
}
