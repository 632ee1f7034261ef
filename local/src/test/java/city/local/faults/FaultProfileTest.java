package city.local.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.Device;
import city.catalog.Schedule;
import city.local.DeadLetterTable;
import city.local.Twin;
import city.local.TwinOptions;
import city.local.bench.pipeline.MixedStream;
import city.local.bench.pipeline.MixedStream.Kind;
import city.local.bench.pipeline.MixedStream.Message;
import city.local.dynamodb.LocalDynamoDb;
import city.local.lambda.InvocationObserver;
import city.local.mqtt.ThingPolicy;
import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fault profile: the same city day twice on the real twin (HiveMQ, dynalite, HTTP), once clean and once with
 * the functions' SDK calls failing ({@value #FAULTS}), ends in the same state. The day is the pipeline bench's
 * seeded stream ({@link MixedStream}): a parking storm (occupancy changes and plate reads), a burst of sensor
 * alerts (the first of each sensor, while no unit is on duty, so they queue), the docks' status; then the units
 * come on duty one by one and take the queue in its order, and an operator asks for a rebalancing plan.
 */
class FaultProfileTest {
  static final String FAULTS = "dynamodb:0.1,iot:0.5,events:0.5;seed=42";
  private static final int STREAM = 400;
  /** Device time between messages: the stream spans five hours, so parked cars stay long enough to pay. */
  private static final Duration STEP = Duration.ofSeconds(45);
  private static final long STREAM_SEED = 7;
  private static final Duration IDLE = Duration.ofMinutes(3);
  private static final int CLIENT_ATTEMPTS = 5;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What a run ends with, as ops and the feeds show it, without times the run itself stamps. */
  record FinalState(Map<String, List<String>> bills, Map<String, String> incidents, Map<String, String> units,
      String plan, Map<String, String> stations, List<String> deadLetters) {}

  /** What a run went through besides its final state. */
  record Run(FinalState state, Optional<FaultPlan> faults, Map<String, Integer> failedInvocations, int http5xx,
      double seconds) {}

  @Test
  void theParkingStormTheDispatchBurstAndTheBikePlanEndTheSameUnderInjectedFaults() throws Exception {
    City city = City.load(TwinOptions.inMemory().cityFile(), Catalog.standard().modules());
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusHours(6);
    List<Message> day = day(MixedStream.generate(city.devices(), STREAM, STREAM_SEED, start, STEP));

    Run clean = run(city, day, start, Optional.empty());
    Run faulted = run(city, day, start, Optional.of(FAULTS));

    FaultPlan plan = faulted.faults().orElseThrow();
    System.out.printf(Locale.ROOT, "MEASURED fault profile: %d messages; clean run %.1f s, faulted run %.1f s; %s; "
            + "failed invocations retried by the twin %s; 5xx answers retried by the client %d%n", day.size(), clean.seconds(),
        faulted.seconds(), plan.summary(), faulted.failedInvocations(), faulted.http5xx());
    FinalState expected = clean.state();
    printDifferences("bills", expected.bills(), faulted.state().bills());
    printDifferences("incidents", expected.incidents(), faulted.state().incidents());
    printDifferences("units", expected.units(), faulted.state().units());
    printDifferences("stations", expected.stations(), faulted.state().stations());
    assertTrue(expected.bills().values().stream().flatMap(List::stream).anyMatch(s -> !s.contains("amountDue=0,")),
        "the storm billed something: " + expected.bills());
    assertTrue(expected.incidents().values().stream().filter(i -> i.contains("status=\"assigned\"")).count() >= 4,
        "the units took incidents: " + expected.incidents());
    assertTrue(expected.incidents().values().stream().anyMatch(i -> i.contains("status=\"queued\"")),
        "more incidents than units of a kind, so the queue order decided: " + expected.incidents());
    assertTrue(expected.plan().contains("stationId"), "the plan moves bikes: " + expected.plan());

    FinalState actual = faulted.state();
    assertEquals(expected.bills(), actual.bills(), "bills (fen) and the state of every space");
    assertEquals(expected.incidents(), actual.incidents(), "incidents and the units assigned to them");
    assertEquals(expected.units(), actual.units(), "units and the incidents they hold");
    assertEquals(expected.plan(), actual.plan(), "the rebalancing plan's routes");
    assertEquals(expected.stations(), actual.stations(), "station status");
    assertEquals(expected.deadLetters(), actual.deadLetters(), "dead letters: none is caused by a fault");
    assertEquals(List.of(), actual.deadLetters(), "the day sends no bad message");

    Map<Fault, Long> injected = plan.injected();
    for (FaultTarget target : FaultTarget.values()) {
      long count = target.faults().stream().mapToLong(injected::get).sum();
      assertTrue(count > 0, "faults were injected into " + target.wireName() + ": " + plan.summary());
    }
    assertTrue(plan.recoveredBySdkRetries() > 0, "the SDK's retries absorbed faults: " + plan.summary());
    assertEquals(Map.of(), clean.failedInvocations(), "the clean run has no failed invocation");
    assertEquals(0, clean.http5xx());
    int failed = faulted.failedInvocations().values().stream().mapToInt(Integer::intValue).sum();
    String accounts = plan.summary() + "; failed invocations " + faulted.failedInvocations() + ", 5xx " + faulted.http5xx();
    assertTrue(failed <= plan.surfacedToHandlers(), "every failed invocation met a fault the SDK's retries did not absorb: " + accounts);
    assertTrue(faulted.http5xx() <= plan.surfacedToHandlers(), "every 5xx answer comes from such a fault: " + accounts);
  }

  /**
   * The storm, the burst and the docks from the seeded stream: unit status left out (the units come on duty
   * later, one by one) and one alert per sensor (alerts of one sensor merge into the incident the first one
   * handled opened, so which one is first would decide the incident's id).
   */
  private static List<Message> day(List<Message> stream) {
    Set<String> alerted = new HashSet<>();
    return stream.stream().filter(m -> m.kind() != Kind.UNIT_STATUS)
        .filter(m -> m.kind() != Kind.ALERT || alerted.add(m.topic())).toList();
  }

  private static Run run(City city, List<Message> day, OffsetDateTime start, Optional<String> faults) throws Exception {
    Map<String, Integer> failedInvocations = new ConcurrentHashMap<>();
    InvocationObserver observer = (function, invocation) -> {
      try {
        return invocation.get();
      } catch (RuntimeException | Error e) {
        failedInvocations.merge(function.id(), 1, Integer::sum);
        throw e;
      }
    };
    TwinOptions options = TwinOptions.inMemory().withInvocationObserver(observer);
    for (Schedule schedule : Catalog.standard().schedules()) {
      // no timer run in between: the state is the messages' and the requests' alone
      options = options.withSchedulePeriod(schedule.name(), Duration.ofDays(1));
    }
    if (faults.isPresent()) {
      options = options.withVariable(FaultPlan.VARIABLE, faults.get());
    }
    long began = System.nanoTime();
    AtomicInteger http5xx = new AtomicInteger();
    try (Twin twin = Twin.start(options)) {
      MqttClient devices = operator(twin);
      try {
        for (Message message : day) {
          devices.publish(message.topic(), message.payload(), 1, false);
        }
        assertTrue(twin.awaitIdle(IDLE), "the twin handled the day");
        String onDuty = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1).toString();
        for (Device unit : city.devices().stream().filter(d -> d.type().wireName().equals("unit")).toList()) {
          JsonNode at = unit.attributes();
          devices.publish("units/" + unit.deviceId() + "/status", String.format(Locale.ROOT,
              "{\"kind\": \"%s\", \"status\": \"available\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}",
              at.path("kind").asText(), at.path("lat").asText(), at.path("lon").asText(), onDuty)
              .getBytes(StandardCharsets.UTF_8), 1, false);
          assertTrue(twin.awaitIdle(IDLE), unit.deviceId() + " came on duty");
        }
      } finally {
        devices.disconnect();
        devices.close();
      }
      String ops = twin.token("ops-faults", "ops", List.of());
      HttpResponse<String> plan = request(twin, "POST", "/ops/bikeshare/plans", ops, http5xx);
      assertEquals(201, plan.statusCode(), plan.body());
      assertTrue(twin.awaitIdle(IDLE), "the plan's tasks went out");
      FinalState state = read(twin, city, ops, start, http5xx);
      return new Run(state, twin.faults(), new TreeMap<>(failedInvocations), http5xx.get(), (System.nanoTime() - began) / 1e9);
    }
  }

  private static FinalState read(Twin twin, City city, String ops, OffsetDateTime start, AtomicInteger http5xx) throws Exception {
    String period = "?from=" + start.toLocalDate().minusDays(1) + "&to=" + start.toLocalDate().plusDays(2);
    Map<String, List<String>> bills = new TreeMap<>();
    for (Device sensor : city.devices().stream().filter(d -> d.type().wireName().equals("parking-sensor")).toList()) {
      List<String> sessions = new ArrayList<>();
      for (JsonNode s : json(request(twin, "GET", "/ops/parking/spaces/" + sensor.deviceId() + "/sessions" + period, ops, http5xx))
          .path("sessions")) {
        sessions.add(fields(s, "sessionId", "plate", "start", "end", "amountDue", "paid", "status", "noise", "voided",
            "openSeq", "closeSeq", "plateConfidence"));
      }
      JsonNode space = json(request(twin, "GET", "/parking/spaces/" + sensor.deviceId(), null, http5xx));
      sessions.add(fields(space, "status", "since", "closedBy"));
      bills.put(sensor.deviceId(), sessions);
    }
    Map<String, String> incidents = new TreeMap<>();
    for (JsonNode i : json(request(twin, "GET", "/ops/incidents", ops, http5xx)).path("incidents")) {
      incidents.put(i.path("incidentId").asText(), fields(i, "status", "unitId", "priority", "kind", "alertCount"));
    }
    Map<String, String> units = new TreeMap<>();
    for (JsonNode u : json(request(twin, "GET", "/ops/units", ops, http5xx)).path("units")) {
      units.put(u.path("unitId").asText(), fields(u, "status", "reportedStatus", "incidentId", "pendingCancels"));
    }
    ObjectNode plan = (ObjectNode) json(request(twin, "GET", "/ops/bikeshare/plans/latest", ops, http5xx)).deepCopy();
    ((ObjectNode) plan.path("summary")).remove("solverMillis");
    String routes = plan.path("routes").toString() + " " + plan.path("summary");
    Map<String, String> stations = new TreeMap<>();
    for (JsonNode s : json(request(twin, "GET", "/gbfs/station_status.json", null, http5xx)).path("data").path("stations")) {
      stations.put(s.path("station_id").asText(), fields(s, "num_vehicles_available", "num_docks_available", "is_renting"));
    }
    List<String> deadLetters = new ArrayList<>();
    try (DynamoDbClient dynamoDb = LocalDynamoDb.client(twin.dynamoDbEndpoint(), "cn-north-1")) {
      DeadLetterTable.all(dynamoDb).forEach(letter -> deadLetters.add(letter.topic() + ": " + letter.reason()));
    }
    deadLetters.sort(null);
    return new FinalState(bills, incidents, units, routes, stations, deadLetters);
  }

  /** What differs, one line per key: the assertion's message would bury it in the whole state. */
  private static void printDifferences(String what, Map<String, ?> expected, Map<String, ?> actual) {
    Set<String> keys = new java.util.TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
        System.out.println("DIFFERS " + what + " " + key + ":\n  clean   " + expected.get(key) + "\n  faulted " + actual.get(key));
      }
    }
  }

  private static String fields(JsonNode node, String... names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      out.append(name).append('=').append(node.path(name)).append(", ");
    }
    return out.toString();
  }

  /**
   * As an app calls an API: a 5xx answer (a handler that failed after the SDK's retries, API Gateway does not
   * retry) is asked again, up to {@value #CLIENT_ATTEMPTS} times, and counted.
   */
  private static HttpResponse<String> request(Twin twin, String method, String path, String token, AtomicInteger http5xx)
      throws IOException, InterruptedException {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < CLIENT_ATTEMPTS; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path)).timeout(Duration.ofSeconds(60))
          .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() < 500) {
        return response;
      }
      http5xx.incrementAndGet();
    }
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = Json.parse(response.body());
    assertFalse(body.isMissingNode());
    return body;
  }

  private static MqttClient operator(Twin twin) throws Exception {
    MqttClient client = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "faults-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    client.connect(options);
    return client;
  }
}
