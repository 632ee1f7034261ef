package city.local;

import city.catalog.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.DeadLetter;
import city.platform.DynamoDeadLetterStore;
import city.local.dynamodb.LocalDynamoDb;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.PublishRequest;

/** One in-memory twin on free ports, driven like devices and apps drive it: MQTT in, HTTP out. */
class TwinEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static Twin twin;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory()
        .withCatalog(Catalog.standard().plus(new TestDomain()))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)))
        .withSchedulePeriod(TestDomain.TICK, Duration.ofMillis(300)));
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

  private static List<DeadLetter> deadLetters() {
    return new DynamoDeadLetterStore(dynamoDb, "Platform", Clock.systemUTC()).recent(100);
  }

  @Test
  void occupancyPublishedOverMqttIsServedOverHttp() {
    TwinClient.publish(twin, "parking/spaces/S1/occupancy", "{\"occupied\": true, \"ts\": \"" + TwinClient.recentDeviceTime() + "\", \"seq\": 1}");
    JsonNode space = TwinClient.json(Eventually.await("S1 occupied", WAIT,
        () -> TwinClient.get(twin, "/parking/spaces/S1", null),
        r -> r.statusCode() == 200 && "occupied".equals(TwinClient.json(r).path("status").asText())));
    assertEquals("S1", space.path("spaceId").asText());
    assertFalse(space.path("since").asText().isEmpty());
  }

  @Test
  void aMessageFromAnUnknownDeviceIsListedAsDeadLetter() {
    TwinClient.publish(twin, "parking/spaces/NOPE-9/occupancy", "{\"occupied\": true, \"ts\": \"" + TwinClient.recentDeviceTime() + "\", \"seq\": 1}");
    String ops = twin.token("ops-1", "ops", List.of());
    JsonNode body = Eventually.await("dead letter for NOPE-9", WAIT,
        () -> TwinClient.json(TwinClient.get(twin, "/ops/dead-letters", ops)),
        b -> find(b.path("deadLetters"), "parking/spaces/NOPE-9/occupancy") != null);
    JsonNode letter = find(body.path("deadLetters"), "parking/spaces/NOPE-9/occupancy");
    assertTrue(letter.path("reason").asText().contains("NOPE-9"), letter.toString());
  }

  private static JsonNode find(JsonNode letters, String topic) {
    for (JsonNode letter : letters) {
      if (topic.equals(letter.path("topic").asText())) {
        return letter;
      }
    }
    return null;
  }

  @Test
  void opsRoutesNeedAValidTokenAndTheOpsRole() {
    HttpResponse<String> anonymous = TwinClient.get(twin, "/ops/dead-letters", null);
    assertEquals(401, anonymous.statusCode());
    assertEquals("Unauthorized", TwinClient.json(anonymous).path("message").asText());
    assertEquals(401, TwinClient.get(twin, "/ops/dead-letters", "not.a.token").statusCode());
    String foreign = new city.local.auth.Jwt(city.local.auth.SigningKey.random(), Clock.systemUTC())
        .issue("ops-1", "ops", List.of(), Duration.ofHours(1));
    assertEquals(401, TwinClient.get(twin, "/ops/dead-letters", foreign).statusCode(), "a token signed with another key");
    String citizen = twin.token("c-1", "citizen", List.of("京A12345"));
    assertEquals(403, TwinClient.get(twin, "/ops/dead-letters", citizen).statusCode());
    assertEquals(200, TwinClient.get(twin, "/ops/dead-letters", twin.token("o-1", "ops", List.of())).statusCode());
  }

  @Test
  void unknownRoutesAnswerLikeApiGateway() {
    HttpResponse<String> response = TwinClient.get(twin, "/no/such/route", null);
    assertEquals(404, response.statusCode());
    assertEquals("{\"message\":\"Not Found\"}", response.body());
  }

  @Test
  void corsPreflightIsAnsweredForTheTwinsOwnOrigin() {
    String ownOrigin = "http://localhost:" + twin.httpPort();
    HttpResponse<String> response = TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/parking/zones"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ownOrigin)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .build());
    assertEquals(204, response.statusCode());
    assertEquals(ownOrigin, response.headers().firstValue("access-control-allow-origin").orElseThrow());
    assertTrue(response.headers().firstValue("access-control-allow-methods").orElseThrow().contains("GET"));
    assertEquals("authorization", response.headers().firstValue("access-control-allow-headers").orElseThrow());
  }

  @Test
  void httpEventsHaveThePayloadV2Shape() {
    String token = twin.token("citizen-7", "citizen", List.of("京A12345", "京B67890"));
    HttpResponse<String> response = TwinClient.send(HttpRequest.newBuilder(
            URI.create(twin.httpEndpoint() + "/test/echo/%E4%BA%ACA%2F1?zone=Z1&zone=Z2&q=a+b%26c&empty"))
        .header("Authorization", "Bearer " + token)
        .header("X-Custom", "One")
        .header("Cookie", "a=1; b=2")
        .GET().build());
    assertEquals(201, response.statusCode());
    assertEquals("yes", response.headers().firstValue("x-echo").orElseThrow());
    JsonNode event = TwinClient.json(response);
    assertEquals("2.0", event.path("version").asText());
    assertEquals("GET /test/echo/{id}", event.path("routeKey").asText());
    assertEquals("/test/echo/%E4%BA%ACA%2F1", event.path("rawPath").asText());
    assertEquals("zone=Z1&zone=Z2&q=a+b%26c&empty", event.path("rawQueryString").asText());
    assertEquals("Z1,Z2", event.path("queryStringParameters").path("zone").asText());
    assertEquals("a b&c", event.path("queryStringParameters").path("q").asText());
    assertEquals("", event.path("queryStringParameters").path("empty").asText());
    assertEquals("京A/1", event.path("pathParameters").path("id").asText());
    assertEquals("One", event.path("headers").path("x-custom").asText());
    assertTrue(event.path("headers").path("cookie").isMissingNode(), "cookies move out of the headers");
    assertEquals("[\"a=1\",\"b=2\"]", event.path("cookies").toString());
    JsonNode context = event.path("requestContext");
    assertEquals("GET", context.path("http").path("method").asText());
    assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
    assertEquals("GET /test/echo/{id}", context.path("routeKey").asText());
    assertFalse(context.path("requestId").asText().isEmpty());
    assertTrue(context.path("timeEpoch").asLong() > 0);
    JsonNode claims = context.path("authorizer").path("jwt").path("claims");
    assertEquals("citizen-7", claims.path("sub").asText());
    assertEquals("citizen", claims.path("role").asText());
    assertEquals("[京A12345 京B67890]", claims.path("plates").asText());
    assertEquals("smart-city", claims.path("aud").asText());
    assertTrue(event.path("body").isNull() || event.path("body").isMissingNode(), "a GET has no body");
    assertFalse(event.path("isBase64Encoded").asBoolean());
  }

  @Test
  void theMostSpecificRouteWins() {
    JsonNode event = TwinClient.json(TwinClient.get(twin, "/test/echo/fixed", null));
    assertEquals("GET /test/echo/fixed", event.path("routeKey").asText());
    assertTrue(event.path("pathParameters").isNull() || event.path("pathParameters").isMissingNode());
  }

  @Test
  void bodiesAreTextForTextTypesAndBase64Otherwise() {
    JsonNode json = TwinClient.json(TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/echo/1"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"plate\":\"京A12345\"}")).build()));
    assertEquals("{\"plate\":\"京A12345\"}", json.path("body").asText());
    assertFalse(json.path("isBase64Encoded").asBoolean());
    JsonNode form = TwinClient.json(TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/echo/1"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2")).build()));
    assertEquals("a=1&b=2", form.path("body").asText());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0};
    JsonNode binary = TwinClient.json(TwinClient.send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/test/echo/1"))
        .header("Content-Type", "image/png")
        .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build()));
    assertTrue(binary.path("isBase64Encoded").asBoolean());
    assertEquals(Base64.getEncoder().encodeToString(png), binary.path("body").asText());
  }

  @Test
  void citizenRoutesNeedAToken() {
    assertEquals(401, TwinClient.get(twin, "/test/mine", null).statusCode());
    JsonNode event = TwinClient.json(TwinClient.get(twin, "/test/mine", twin.token("c-2", "citizen", List.of())));
    assertEquals("c-2", event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText());
  }

  @Test
  void ruleWhereDecidesWhichMessagesReachTheFunction() {
    long before = twin.messagesReceived();
    TwinClient.publish(twin, "test/W0/record", "{\"n\": 0}");
    TwinClient.publish(twin, "test/W1/record", "{\"n\": 1, \"extra\": \"kept\"}");
    Eventually.await("both messages routed", WAIT, twin::messagesReceived, n -> n >= before + 2);
    assertTrue(twin.awaitIdle(WAIT));
    List<Map<String, Object>> events = RecordingHandler.events();
    assertTrue(events.stream().noneMatch(e -> "W0".equals(e.get("id"))), "n = 0 fails WHERE n > 0");
    Map<String, Object> event = events.stream().filter(e -> "W1".equals(e.get("id"))).findFirst().orElseThrow();
    assertEquals("kept", event.get("extra"));
    assertEquals("test/W1/record", event.get("topic"));
    assertTrue(((Number) event.get("at")).longValue() > 0);
  }

  @Test
  void basicIngestGoesToTheNamedRuleOnly() {
    TwinClient.publish(twin, "$aws/rules/" + TestDomain.RECORD_RULE + "/test/BI1/record", "{\"n\": 5}");
    Map<String, Object> event = Eventually.await("Basic Ingest event", WAIT, RecordingHandler::events,
        events -> events.stream().anyMatch(e -> "BI1".equals(e.get("id"))))
        .stream().filter(e -> "BI1".equals(e.get("id"))).findFirst().orElseThrow();
    assertEquals("test/BI1/record", event.get("topic"), "topic() sees the topic after the rule name");

    TwinClient.publish(twin, "$aws/rules/" + TestDomain.RECORD_RULE + "/elsewhere/BI2", "{\"n\": 5}");
    DeadLetter refused = Eventually.await("refused Basic Ingest", WAIT, TwinEndToEndTest::deadLetters,
        letters -> letters.stream().anyMatch(l -> l.topic().endsWith("/elsewhere/BI2")))
        .stream().filter(l -> l.topic().endsWith("/elsewhere/BI2")).findFirst().orElseThrow();
    assertEquals("topic does not match rule " + TestDomain.RECORD_RULE, refused.reason());
    assertEquals("{\"n\": 5}", refused.payload());
  }

  @Test
  void aFailingFunctionIsRetriedTwiceThenKeptWithItsReason() {
    int before = FailingHandler.CALLS.get();
    TwinClient.publish(twin, "test/F1/fail", "{\"boom\": true}");
    DeadLetter letter = Eventually.await("dead letter of the failed invocation", WAIT, TwinEndToEndTest::deadLetters,
        letters -> letters.stream().anyMatch(l -> l.topic().equals("test/F1/fail")))
        .stream().filter(l -> l.topic().equals("test/F1/fail")).findFirst().orElseThrow();
    assertEquals(3, FailingHandler.CALLS.get() - before, "one attempt and two retries");
    assertTrue(letter.reason().contains("java.lang.IllegalStateException: sensor bus on fire"), letter.reason());
    assertTrue(letter.reason().contains("3 attempt"), letter.reason());
    assertEquals("F1", letter.deviceId());
    assertEquals("{\"boom\": true}", letter.payload());
  }

  @Test
  void anyThrowableIsAFunctionError() {
    HttpResponse<String> response = TwinClient.get(twin, "/test/sneaky", null);
    assertEquals(500, response.statusCode());
    assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    TwinClient.publish(twin, "test/SN1/sneaky", "{}");
    DeadLetter letter = Eventually.await("dead letter of the sneaky failure", WAIT, TwinEndToEndTest::deadLetters,
        letters -> letters.stream().anyMatch(l -> l.topic().equals("test/SN1/sneaky")))
        .stream().filter(l -> l.topic().equals("test/SN1/sneaky")).findFirst().orElseThrow();
    assertTrue(letter.reason().contains("java.io.IOException: disk unplugged"), letter.reason());
  }

  @Test
  void theIotDataPlaneSdkPublishesToDevices() throws Exception {
    BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
    MqttClient device = TwinClient.connect(twin, "unit-U1");
    try {
      device.subscribe("units/U1/dispatch", 1, (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
      try (IotDataPlaneClient iot = IotDataPlaneClient.builder()
          .httpClient(UrlConnectionHttpClient.builder().build())
          .region(Region.of("cn-north-1"))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
          .endpointOverride(twin.iotDataEndpoint())
          .build()) {
        iot.publish(PublishRequest.builder().topic("units/U1/dispatch").qos(1)
            .payload(SdkBytes.fromUtf8String("{\"incidentId\":\"I1\"}")).build());
      }
      assertEquals("units/U1/dispatch {\"incidentId\":\"I1\"}", received.poll(10, TimeUnit.SECONDS));
    } finally {
      device.disconnect();
      device.close();
    }
  }

  @Test
  void schedulesInvokeTheirFunctionWithTheTime() {
    Map<String, Object> tick = Eventually.await("a scheduled run", WAIT, RecordingHandler::events,
        events -> events.stream().anyMatch(e -> e.containsKey("time")))
        .stream().filter(e -> e.containsKey("time")).findFirst().orElseThrow();
    assertNotNull(java.time.Instant.parse((String) tick.get("time")));
    assertTrue(RecordingHandler.FUNCTION_NAMES.contains("Recorder"));
  }
}
