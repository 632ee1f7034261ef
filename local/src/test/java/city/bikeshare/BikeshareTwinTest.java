package city.bikeshare;

import city.local.mqtt.ThingPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.store.dynamodb.DynamoPlanStore;
import city.local.Twin;
import city.local.TwinOptions;
import city.local.dynamodb.LocalDynamoDb;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Bike share on the twin, driven like docks, trucks and operators drive it: station and truck status over
 * MQTT, GBFS and ops over HTTP, truck tasks received over MQTT.
 */
class BikeshareTwinTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Device clocks: each report a second after the previous one, so none is stale. */
  private static OffsetDateTime deviceTime = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);

  private static Twin twin;
  private static MqttClient devices;

  @BeforeAll
  static void start() throws MqttException {
    twin = Twin.start(TwinOptions.inMemory().withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    devices = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "bikeshare-test-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    devices.connect(options);
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

  private static synchronized String nextTs() {
    deviceTime = deviceTime.plusSeconds(1);
    return deviceTime.toString();
  }

  private static void publish(String topic, String payload) {
    try {
      devices.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  private static void station(String stationId, int bikes, int docks) {
    publish("bikeshare/stations/" + stationId + "/status",
        "{\"bikes\": " + bikes + ", \"docks\": " + docks + ", \"ts\": \"" + nextTs() + "\"}");
  }

  private static HttpResponse<String> send(String method, String pathOrUrl, String token) {
    URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(twin.httpEndpoint() + pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode getJson(String path) {
    HttpResponse<String> response = send("GET", path, null);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return Json.parse(response.body());
  }

  private static JsonNode stationStatus(JsonNode feed, String stationId) {
    for (JsonNode station : feed.path("data").path("stations")) {
      if (station.path("station_id").asText().equals(stationId)) {
        return station;
      }
    }
    throw new AssertionError("no station " + stationId + " in " + feed);
  }

  private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; last: " + last);
  }

  @Test
  void stationStatusOverMqttIsWhatGbfsPublishes() {
    station("B9", 3, 17);
    station("B10", 16, 0);
    JsonNode feed = await("B9 and B10 in station_status", () -> getJson("/gbfs/station_status.json"),
        f -> stationStatus(f, "B9").path("num_vehicles_available").asInt() == 3
            && stationStatus(f, "B10").path("num_vehicles_available").asInt() == 16);
    JsonNode b9 = stationStatus(feed, "B9");
    assertEquals(17, b9.path("num_docks_available").asInt());
    assertTrue(b9.path("is_renting").asBoolean());
    assertEquals(3, b9.path("vehicle_types_available").get(0).path("count").asInt());
    assertEquals(60, feed.path("ttl").asInt());
    assertEquals("3.0", feed.path("version").asText());
    OffsetDateTime.parse(feed.path("last_updated").asText());

    station("B9", 99, 0);
    station("B9", 1, 19);
    await("the valid report after the refused one", () -> getJson("/gbfs/station_status.json"),
        f -> stationStatus(f, "B9").path("num_vehicles_available").asInt() == 1);
  }

  @Test
  void discoveryLeadsToEveryFileOnThisTwinCacheableForItsTtl() {
    JsonNode discovery = getJson("/gbfs/gbfs.json");
    List<String> names = new ArrayList<>();
    for (JsonNode feed : discovery.path("data").path("feeds")) {
      String url = feed.path("url").asText();
      assertTrue(url.startsWith(twin.httpEndpoint() + "/gbfs/"), url);
      HttpResponse<String> response = send("GET", url, null);
      assertEquals(200, response.statusCode(), url);
      JsonNode file = Json.parse(response.body());
      assertEquals("3.0", file.path("version").asText());
      assertEquals("public, max-age=" + file.path("ttl").asInt(), response.headers().firstValue("Cache-Control").orElse(""));
      names.add(feed.path("name").asText());
    }
    assertEquals(List.of("gbfs_versions", "system_information", "vehicle_types", "station_information",
        "station_status", "system_pricing_plans", "system_alerts"), names);
  }

  @Test
  void plansReachTheTrucksOverMqttAndANewPlanSupersedesTheOld() throws Exception {
    LinkedBlockingQueue<JsonNode> tasks = new LinkedBlockingQueue<>();
    MqttClient trucks = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "trucks-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions operator = new MqttConnectOptions();
    operator.setUserName(ThingPolicy.OPERATOR);
    operator.setPassword(twin.mqttOperatorPassword().toCharArray());
    trucks.connect(operator);
    trucks.subscribe("bikeshare/trucks/+/tasks", 1, (topic, message) -> {
      JsonNode task = Json.parse(message.getPayload());
      assertEquals("bikeshare/trucks/" + task.path("truckId").asText() + "/tasks", topic);
      tasks.add(task);
    });
    try {
      station("B1", 16, 0);
      station("B2", 0, 16);
      station("B3", 20, 0);
      station("B4", 0, 16);
      publish("bikeshare/trucks/T1/status", "{\"lat\": 36.514, \"lon\": 118.543, \"load\": 0, \"ts\": \"" + nextTs() + "\"}");
      await("the statuses", () -> getJson("/gbfs/station_status.json"),
          f -> stationStatus(f, "B4").path("is_renting").asBoolean());

      String ops = twin.token("ops-1", "ops", List.of());
      assertEquals(401, send("POST", "/ops/bikeshare/plans", null).statusCode());
      assertEquals(403, send("POST", "/ops/bikeshare/plans", twin.token("c-1", "citizen", List.of())).statusCode());

      JsonNode first = created(send("POST", "/ops/bikeshare/plans", ops));
      String firstId = first.path("planId").asText();
      assertTrue(first.path("summary").path("bikesMoved").asInt() >= 16, first.path("summary").toString());
      Map<String, JsonNode> firstTasks = tasksOf(tasks, firstId);
      JsonNode latest = Json.parse(send("GET", "/ops/bikeshare/plans/latest", ops).body());
      assertEquals(firstId, latest.path("planId").asText());
      assertEquals(stopsByTruck(latest), stopsFrom(firstTasks), "each truck got exactly its route of the latest plan");
      assertFalse(stopsFrom(firstTasks).values().stream().allMatch(JsonNode::isEmpty));

      String busy = firstTasks.entrySet().stream().filter(e -> !e.getValue().path("stops").isEmpty())
          .map(Map.Entry::getKey).findFirst().orElseThrow();
      publish("bikeshare/trucks/" + busy + "/status", "{\"lat\": 36.52, \"lon\": 118.54, \"load\": 0, \"ts\": \""
          + nextTs() + "\", \"planId\": \"" + firstId + "\", \"completedStops\": 1}");
      await("progress on " + firstId, () -> Json.parse(send("GET", "/ops/bikeshare/plans/latest", ops).body()),
          plan -> plan.path("progress").path("completedStops").asInt() == 1);

      station("B1", 8, 8);
      station("B2", 8, 8);
      station("B3", 10, 10);
      await("the rebalanced statuses", () -> getJson("/gbfs/station_status.json"),
          f -> stationStatus(f, "B3").path("num_vehicles_available").asInt() == 10);
      JsonNode second = created(send("POST", "/ops/bikeshare/plans", ops));
      String secondId = second.path("planId").asText();
      assertTrue(secondId.compareTo(firstId) > 0, secondId + " sorts after " + firstId);
      Map<String, JsonNode> secondTasks = tasksOf(tasks, secondId);
      assertEquals(stopsByTruck(Json.parse(send("GET", "/ops/bikeshare/plans/latest", ops).body())), stopsFrom(secondTasks));
      assertEquals(secondId, Json.parse(send("GET", "/ops/bikeshare/plans/latest", ops).body()).path("planId").asText());

      try (DynamoDbClient dynamoDb = LocalDynamoDb.client(twin.dynamoDbEndpoint(), "cn-north-1")) {
        StoredPlan old = new DynamoPlanStore(dynamoDb, "Bikeshare").plan(firstId).orElseThrow();
        assertEquals(PlanStatus.SUPERSEDED, old.status());
        assertEquals(secondId, old.supersededBy().orElseThrow());
      }
    } finally {
      trucks.disconnect();
      trucks.close();
    }
  }

  private static JsonNode created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return Json.parse(response.body());
  }

  /** Waits for one task message per truck of the fleet with this plan id. */
  private static Map<String, JsonNode> tasksOf(LinkedBlockingQueue<JsonNode> queue, String planId) throws InterruptedException {
    Map<String, JsonNode> byTruck = new HashMap<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (byTruck.size() < 2 && System.nanoTime() < deadline) {
      JsonNode task = queue.poll(100, TimeUnit.MILLISECONDS);
      if (task != null && task.path("planId").asText().equals(planId)) {
        assertEquals(null, byTruck.put(task.path("truckId").asText(), task), "one list per truck and plan");
      }
    }
    assertEquals(List.of("T1", "T2"), byTruck.keySet().stream().sorted().toList(), "tasks of " + planId);
    return byTruck;
  }

  private static Map<String, JsonNode> stopsFrom(Map<String, JsonNode> tasks) {
    Map<String, JsonNode> stops = new HashMap<>();
    tasks.forEach((truck, task) -> stops.put(truck, task.path("stops")));
    return stops;
  }

  /** Trucks without a route in the plan have an empty list. */
  private static Map<String, JsonNode> stopsByTruck(JsonNode plan) {
    Map<String, JsonNode> stops = new HashMap<>();
    stops.put("T1", Json.MAPPER.createArrayNode());
    stops.put("T2", Json.MAPPER.createArrayNode());
    for (JsonNode route : plan.path("routes")) {
      stops.put(route.path("truckId").asText(), route.path("stops"));
    }
    return stops;
  }
}
