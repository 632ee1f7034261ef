package city.dispatch;

import city.local.mqtt.ThingPolicy;
import city.dispatch.core.DispatchSettings;
import city.local.Eventually;
import city.local.Twin;
import city.local.SampleCityVariant;
import city.local.TwinOptions;
import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What the dispatch integration tests share: a twin of the sample county whose dispatch section is replaced
 * by the test's units and sensors, a device-side MQTT client that hears every units/+/dispatch order, and
 * plain HTTP.
 */
final class DispatchTwinKit implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One message a unit received, with the moment it arrived (System.nanoTime). */
  record Order(String unitId, JsonNode body, long receivedNanos) {
    String incidentId() {
      return body.path("incidentId").asText();
    }

    String action() {
      return body.path("action").asText();
    }
  }

  /** A test unit: id, kind and where it stands. */
  record TestUnit(String unitId, String kind, double lat, double lon) {}

  /** A test sensor: id and where it is installed. */
  record TestSensor(String sensorId, double lat, double lon) {}

  final Twin twin;
  final List<Order> orders = new CopyOnWriteArrayList<>();
  private final MqttClient radio;
  private final MqttClient sender;
  private final Path cityFile;

  private DispatchTwinKit(Twin twin, Path cityFile) throws MqttException {
    this.twin = twin;
    this.cityFile = cityFile;
    this.radio = connect("units-radio");
    radio.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        orders.add(new Order(topic.split("/")[1], Json.parse(message.getPayload()), System.nanoTime()));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    radio.subscribe("units/+/dispatch", 1);
    this.sender = connect("devices");
  }

  /**
   * @param ackTimeout what the twin passes as DISPATCH_ACK_TIMEOUT
   * @param sweepPeriod how often the twin runs the DispatchSweep schedule (once a minute in the cloud)
   */
  static DispatchTwinKit start(List<TestUnit> units, List<TestSensor> sensors, Duration ackTimeout, Duration sweepPeriod)
      throws IOException, MqttException {
    // these tests are about dispatch: supervision's escalations (docs/hotline.md) would only add history steps
    return start(units, sensors, ackTimeout, sweepPeriod, dispatch -> { }, Map.of("hotline_supervision", Duration.ofDays(1)));
  }

  /**
   * @param editDispatch changes the test city's dispatch section further (a service's deadlines, say)
   * @param schedulePeriods other schedules' periods, by schedule name
   */
  static DispatchTwinKit start(List<TestUnit> units, List<TestSensor> sensors, Duration ackTimeout, Duration sweepPeriod,
      Consumer<ObjectNode> editDispatch, Map<String, Duration> schedulePeriods) throws IOException, MqttException {
    Path cityFile = testCity(units, sensors, editDispatch);
    TwinOptions options = TwinOptions.inMemory()
        .withCityFile(cityFile)
        .withVariable(DispatchSettings.ACK_TIMEOUT_ENV, ackTimeout.toString())
        .withSchedulePeriod("dispatch_sweep", sweepPeriod)
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)));
    for (Map.Entry<String, Duration> schedule : schedulePeriods.entrySet()) {
      options = options.withSchedulePeriod(schedule.getKey(), schedule.getValue());
    }
    Twin twin = Twin.start(options);
    try {
      return new DispatchTwinKit(twin, cityFile);
    } catch (MqttException | RuntimeException e) {
      twin.close();
      throw e;
    }
  }

  /** The sample county with its dispatch section's units and sensors replaced; everything else as shipped. */
  private static Path testCity(List<TestUnit> units, List<TestSensor> sensors, Consumer<ObjectNode> editDispatch) {
    return SampleCityVariant.write("dispatch", city -> {
      ObjectNode dispatch = (ObjectNode) city.path("dispatch");
      ArrayNode unitList = dispatch.putArray("units");
      for (TestUnit unit : units) {
        unitList.addObject().put("unitId", unit.unitId()).put("kind", unit.kind()).put("name", unit.unitId())
            .put("lat", unit.lat()).put("lon", unit.lon());
      }
      ArrayNode sensorList = dispatch.putArray("sensors");
      for (TestSensor sensor : sensors) {
        sensorList.addObject().put("sensorId", sensor.sensorId()).put("kind", "multi")
            .put("lat", sensor.lat()).put("lon", sensor.lon());
      }
      editDispatch.accept(dispatch);
    });
  }


  /** An operator's client, as an ops console connects. */
  MqttClient connect(String role) throws MqttException {
    MqttClient client = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), role + "-" + UUID.randomUUID(),
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setConnectionTimeout(5);
    options.setMaxInflight(1000);
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    client.connect(options);
    return client;
  }

  /** QoS 1: returns once the broker has the message. */
  void publish(String topic, String payload) {
    try {
      sender.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  void unitStatus(TestUnit unit, String status, String ts) {
    publish("units/" + unit.unitId() + "/status", String.format(
        "{\"kind\": \"%s\", \"status\": \"%s\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}",
        unit.kind(), status, unit.lat(), unit.lon(), ts));
  }

  void alert(String sensorId, String category, String severity, String ts) {
    publish("safety/sensors/" + sensorId + "/alerts", String.format(
        "{\"category\": \"%s\", \"severity\": \"%s\", \"ts\": \"%s\"}", category, severity, ts));
  }

  void ack(String unitId, String incidentId, String action) {
    publish("units/" + unitId + "/acks", String.format(
        "{\"incidentId\": \"%s\", \"action\": \"%s\", \"ts\": \"2026-11-28T09:00:00+08:00\"}", incidentId, action));
  }

  /** The city file the twin runs, for a test that builds a handler of its own against the twin. */
  City city() {
    return City.load(cityFile);
  }

  String opsToken() {
    return twin.token("ops-test", "ops", List.of());
  }

  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  JsonNode ops(String path) {
    HttpResponse<String> response = get(path, opsToken());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
    }
    return Json.parse(response.body());
  }

  HttpResponse<String> postForm(String path, String form, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return send(request.build());
  }

  HttpResponse<String> postJson(String path, String json, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until every given unit shows the status on GET /ops/units. */
  void awaitUnits(String status, List<String> unitIds) {
    await("units " + unitIds + " " + status, () -> ops("/ops/units"), body -> {
      for (String unitId : unitIds) {
        boolean found = false;
        for (JsonNode u : body.path("units")) {
          found |= u.path("unitId").asText().equals(unitId) && u.path("status").asText().equals(status);
        }
        if (!found) {
          return false;
        }
      }
      return true;
    });
  }

  Order awaitOrder(String what, Predicate<Order> match) {
    return await(what, () -> orders.stream().filter(match).findFirst().orElse(null), o -> o != null);
  }

  static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
    return Eventually.await(what, WAIT, probe, done);
  }

  @Override
  public void close() {
    for (MqttClient client : List.of(radio, sender)) {
      try {
        client.disconnect();
        client.close();
      } catch (MqttException ignored) {
        // the twin stops its broker next anyway
      }
    }
    twin.close();
    try {
      Files.deleteIfExists(cityFile);
    } catch (IOException ignored) {
      // a temp file; deleteOnExit covers it
    }
  }
}
