package city.local.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.Device;
import city.catalog.HttpRoute;
import city.catalog.TopicRule;
import city.local.DeadLetterTable;
import city.local.DeviceSamples;
import city.local.Twin;
import city.local.TwinOptions;
import city.local.dynamodb.LocalDynamoDb;
import city.local.lambda.InvocationObserver;
import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seeded fuzzing of every HTTP route and every device topic the catalog declares, through the real twin (its HTTP
 * gateway, its MQTT broker, dynalite): random JSON, wrong types, huge and unicode values, times of every era.
 * HTTP never answers 5xx nor shows a stack trace; every device message is either handled or a dead letter with
 * its reason, and no handler fails on any of them. Fixed seeds and counts: the same inputs every run.
 */
class TwinFuzzTest {
  private static final long SEED = 20261201L;
  private static final int REQUESTS = 300;
  private static final int DEVICE_MESSAGES = 300;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern STACK_TRACE =
      Pattern.compile("Exception|Error:|\\bat [\\w$]+(\\.[\\w$<>]+)+\\(|\\bjava\\.[a-z]+\\.|\\bcity\\.[a-z]+\\.");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static final Set<String> DEVICE_FUNCTIONS = new LinkedHashSet<>();
  private static final Map<String, AtomicInteger> OUTCOMES = Collections.synchronizedMap(new LinkedHashMap<>());
  private static final List<String> FAILED_INVOCATIONS = Collections.synchronizedList(new ArrayList<>());
  private static Twin twin;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    Catalog.standard().rules().forEach(rule -> DEVICE_FUNCTIONS.add(rule.functionId()));
    InvocationObserver outcomes = (function, invocation) -> {
      if (!DEVICE_FUNCTIONS.contains(function.id())) {
        return invocation.get();
      }
      try {
        Object result = invocation.get();
        String status = result instanceof Map<?, ?> map ? String.valueOf(map.get("status")) : String.valueOf(result);
        OUTCOMES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        return result;
      } catch (RuntimeException | Error e) {
        FAILED_INVOCATIONS.add(function.id() + ": " + e);
        throw e;
      }
    };
    twin = Twin.start(TwinOptions.inMemory()
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)))
        .withInvocationObserver(outcomes));
    dynamoDb = LocalDynamoDb.client(twin.dynamoDbEndpoint(), "cn-north-1");
  }

  @AfterAll
  static void stop() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (twin != null) {
      twin.close();
    }
  }

  record Published(String topic, String payload) {}

  @Test
  void everyDeviceMessageIsHandledOrADeadLetterWithItsReason() throws Exception {
    FuzzValues values = new FuzzValues(new Random(SEED));
    City city = City.load(TwinOptions.inMemory().cityFile(), Catalog.standard().modules());
    List<TopicRule> rules = Catalog.standard().rules();
    Map<String, MqttAsyncClient> devices = new HashMap<>();
    List<IMqttDeliveryToken> acknowledgements = new ArrayList<>();
    Set<Published> published = new LinkedHashSet<>();
    try {
      while (published.size() < DEVICE_MESSAGES) {
        TopicRule rule = rules.get(published.size() % rules.size());
        List<Device> ofClass = city.devices().stream().filter(d -> d.type().wireName().equals(rule.deviceType())).toList();
        Device device = values.pick(ofClass);
        String topic = DeviceSamples.topicFilter(rule).replace("+", device.deviceId());
        byte[] payload = values.devicePayload(DeviceSamples.of(rule).payload());
        if (published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8)))) {
          acknowledgements.add(devices.computeIfAbsent(device.deviceId(), TwinFuzzTest::connect)
              .publish(topic, payload, 1, false));
        }
      }
      for (IMqttDeliveryToken acknowledged : acknowledgements) {
        acknowledged.waitForCompletion(WAIT.toMillis());
      }
    } finally {
      for (MqttAsyncClient client : devices.values()) {
        client.disconnect().waitForCompletion(WAIT.toMillis());
        client.close();
      }
    }
    assertTrue(twin.awaitIdle(WAIT), "the twin settles");

    Map<Published, DeadLetterTable.Letter> letters = new HashMap<>();
    for (DeadLetterTable.Letter letter : DeadLetterTable.all(dynamoDb)) {
      letters.put(new Published(letter.topic(), letter.payload().equals("-") ? "" : letter.payload()), letter);
    }
    int refused = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (Published message : published) {
      DeadLetterTable.Letter letter = letters.get(message);
      if (letter != null) {
        refused++;
        reasons.merge(letter.reason().replaceAll("[0-9].*", ""), 1, Integer::sum);
        assertFalse(letter.reason().isBlank() || letter.reason().equals("-"), "a dead letter without a reason: " + letter);
        assertFalse(STACK_TRACE.matcher(letter.reason()).find(), "a handler failed instead of refusing: " + letter);
      }
    }
    System.out.println("MEASURED fuzz device messages=" + published.size() + " refused=" + refused + " outcomes=" + OUTCOMES + " reasons=" + reasons);
    assertEquals(List.of(), FAILED_INVOCATIONS, "no handler fails on any input: it handles it or refuses it");
    int handled = OUTCOMES.getOrDefault("ok", new AtomicInteger()).get();
    assertEquals(published.size(), handled + refused, "every message handled (" + handled + ") or a dead letter ("
        + refused + "): " + OUTCOMES);
    assertEquals(refused, OUTCOMES.getOrDefault("dead-lettered", new AtomicInteger()).get(),
        "each dead letter is a refusal by its function");
  }

  @Test
  void everyRouteAnswersRandomRequestsWithoutA5xxOrAStackTrace() {
    FuzzValues values = new FuzzValues(new Random(SEED + 1));
    List<HttpRoute> routes = Catalog.standard().routes();
    Map<String, String> sampleBodies = sampleBodies();
    List<String> tokens = new ArrayList<>();
    tokens.add(null);
    tokens.add("not.a.token");
    tokens.add(twin.token("citizen-1", "citizen", List.of("京A12345")));
    tokens.add(twin.token("ops-1", "ops", List.of()));
    List<String> queryNames = List.of("from", "to", "start_date", "end_date", "service_request_id", "service_code",
        "status", "days", "hours", "limit", "zone", "");
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpRoute route = routes.get(i % routes.size());
      Matcher parameters = PATH_PARAMETER.matcher(route.path());
      StringBuilder path = new StringBuilder();
      while (parameters.find()) {
        parameters.appendReplacement(path, Matcher.quoteReplacement(Percent.encode(values.urlText())));
      }
      parameters.appendTail(path);
      StringBuilder query = new StringBuilder();
      for (int q = values.below(4); q > 0; q--) {
        query.append(query.isEmpty() ? "?" : "&").append(Percent.encode(values.pick(queryNames))).append('=')
            .append(Percent.encode(values.urlText()));
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint().toString() + path + query))
          .timeout(Duration.ofSeconds(30));
      if (route.method().equals("POST")) {
        request.POST(HttpRequest.BodyPublishers.ofString(values.requestBody(sampleBodies.get(route.routeKey()))))
            .header("Content-Type", values.pick(List.of("application/json", "application/x-www-form-urlencoded",
                "text/plain", "application/json; charset=utf-8")));
      } else {
        request.method(route.method(), HttpRequest.BodyPublishers.noBody());
      }
      // every route gets every kind of caller in turn: most input checks sit behind the route's authentication
      String token = tokens.get((i / routes.size()) % tokens.size());
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (values.chance(50)) {
        request.header("Idempotency-Key", values.chance(10) ? "k".repeat(300) : "fuzz-" + values.below(1000));
      }
      HttpResponse<String> response = send(request.build());
      String body = response.body() == null ? "" : response.body();
      if (response.statusCode() >= 500 || STACK_TRACE.matcher(body).find()) {
        String shown = (route.method() + " " + path + query);
        failures.add(response.statusCode() + " " + shown.substring(0, Math.min(shown.length(), 200)) + " -> "
            + body.substring(0, Math.min(body.length(), 300)));
      }
    }
    System.out.println("MEASURED fuzz http requests=" + REQUESTS + " routes=" + routes.size() + " failures=" + failures.size());
    assertEquals(List.of(), failures);
  }

  /** The sample request body of each route (events/*.json), the template random bodies start from. */
  private static Map<String, String> sampleBodies() {
    Map<String, String> bodies = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("..", "events"), "*.json")) {
      for (Path file : files) {
        JsonNode event = Json.MAPPER.readTree(Files.readAllBytes(file));
        if (event.hasNonNull("routeKey") && event.hasNonNull("body")) {
          bodies.put(event.get("routeKey").asText(), event.get("body").asText());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bodies;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String uri = request.uri().toString();
      throw new AssertionError(uri.substring(0, Math.min(uri.length(), 200)) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static MqttAsyncClient connect(String deviceId) {
    try {
      MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + twin.mqttPort(), deviceId, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      // the device itself, bound by its IoT policy; pinned, as the twin (like IoT Core) refuses MQTT 3.1
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      options.setCleanSession(true);
      options.setConnectionTimeout(5);
      options.setMaxInflight(1000);
      client.connect(options).waitForCompletion(WAIT.toMillis());
      return client;
    } catch (Exception e) {
      throw new IllegalStateException("cannot connect as " + deviceId, e);
    }
  }
}
