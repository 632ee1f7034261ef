package city.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.closure.IncidentNotice;
import city.bikeshare.core.closure.StationClosure;
import city.bikeshare.core.closure.StationClosureSettings;
import city.bikeshare.core.gbfs.GbfsSchemaValidator;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.service.PlanService;
import city.bikeshare.core.service.StationIncidents;
import city.bikeshare.store.dynamodb.DynamoPlanStore;
import city.bikeshare.store.dynamodb.DynamoStationClosures;
import city.bikeshare.store.dynamodb.DynamoStationStore;
import city.bikeshare.store.dynamodb.DynamoTruckStore;
import city.bikeshare.core.StationStatus;
import city.catalog.Catalog;
import city.catalog.TableSpec;
import city.local.Eventually;
import city.local.RepoRoot;
import city.local.TwinOptions;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import city.platform.City;
import city.platform.GeoPoint;
import city.platform.Json;
import city.testing.MutableClock;
import city.testing.RecordingPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Rule 2 end to end in the twin, over MQTT and HTTP only: a fire alert at a bike station's coordinates becomes an
 * incident (dispatch), whose Incident Opened event crosses the twin's bus to bike share, which closes the station:
 * GBFS system_alerts.json names it (valid against the official schema), station_status shows it neither renting nor
 * returning, and the plan that still sent a truck there is superseded by one without it, sent to the trucks over
 * their task topics. The unit's resolve lifts all of it. The sample county's stations are about a kilometre apart, so
 * each alert closes exactly the station it is at.
 */
class IncidentClosesStationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");
  private static final BikeshareLayout LAYOUT = BikeshareLayout.of(City.load(TwinOptions.sampleCity(RepoRoot.find())));
  /** Device clocks start now (the twin refuses device times far from its own) and only move forward. */
  private static final OffsetDateTime T0 = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);

  private static BusTwin city;
  private static final LinkedBlockingQueue<JsonNode> tasks = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws MqttException {
    city = BusTwin.start(TwinOptions.inMemory().withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    city.subscribe("bikeshare/trucks/+/tasks", tasks::add);
  }

  @AfterAll
  static void stop() throws MqttException {
    if (city != null) {
      city.close();
    }
  }

  private static GeoPoint at(String stationId) {
    return LAYOUT.station(stationId).orElseThrow().position();
  }

  /** @return the incident id dispatch derives from the alert */
  private static String alert(String sensorId, String category, String stationId, OffsetDateTime ts) {
    GeoPoint where = at(stationId);
    city.publish("safety/sensors/" + sensorId + "/alerts", String.format(
        "{\"category\": \"%s\", \"severity\": \"high\", \"lat\": %s, \"lon\": %s, \"ts\": \"%s\"}", category,
        where.lat(), where.lon(), ts));
    return "A-" + sensorId + "-" + COMPACT_UTC.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static void station(String stationId, int bikes, int docks, OffsetDateTime ts) {
    city.publish("bikeshare/stations/" + stationId + "/status",
        "{\"bikes\": " + bikes + ", \"docks\": " + docks + ", \"ts\": \"" + ts + "\"}");
  }

  private static JsonNode status(String stationId) {
    for (JsonNode station : city.get("/gbfs/station_status.json").path("data").path("stations")) {
      if (station.path("station_id").asText().equals(stationId)) {
        return station;
      }
    }
    throw new AssertionError("no station " + stationId + " in station_status");
  }

  private static Set<String> alerted(JsonNode systemAlerts) {
    Set<String> stations = new HashSet<>();
    systemAlerts.path("data").path("alerts").forEach(a -> a.path("station_ids").forEach(s -> stations.add(s.asText())));
    return stations;
  }

  private static Set<String> visited(JsonNode plan) {
    Set<String> stations = new HashSet<>();
    plan.path("routes").forEach(r -> r.path("stops").forEach(s -> stations.add(s.path("stationId").asText())));
    return stations;
  }

  private static void idle() {
    assertTrue(city.twin().awaitIdle(WAIT), "the twin settles");
  }

  @Test
  void aFireClosesTheStationInGbfsAndThePlanAndItsResolutionLiftsIt() throws InterruptedException {
    station("B1", 16, 0, T0.minusMinutes(3));
    station("B2", 0, 16, T0.minusMinutes(3));
    station("B3", 20, 0, T0.minusMinutes(3));
    station("B4", 0, 16, T0.minusMinutes(3));
    city.publish("units/U1/status", String.format("{\"kind\": \"fire\", \"status\": \"available\", \"lat\": %s, \"lon\": %s,"
        + " \"ts\": \"%s\"}", at("B1").lat(), at("B1").lon(), T0.minusMinutes(2)));
    Eventually.await("B1 to B4 reported", WAIT, () -> status("B4"), s -> s.path("is_renting").asBoolean());
    idle();
    HttpResponse<String> made = city.send("POST", "/ops/bikeshare/plans");
    assertEquals(201, made.statusCode(), made.body());
    JsonNode before = Json.parse(made.body());
    assertTrue(visited(before).contains("B1"), "the plan sends a truck to the full B1: " + before);

    String fire = alert("F1", "fire", "B1", T0);
    JsonNode alerts = Eventually.await("system_alerts naming B1", WAIT, () -> city.get("/gbfs/system_alerts.json"),
        a -> alerted(a).contains("B1"));
    assertEquals(List.of(), GbfsSchemaValidator.validate("system_alerts", alerts), alerts.toString());
    JsonNode alert = null;
    for (JsonNode each : alerts.path("data").path("alerts")) {
      alert = each.path("alert_id").asText().equals(fire) ? each : alert;
    }
    assertTrue(alert != null, "one alert per incident, its id the incident's: " + alerts);
    assertEquals("[\"B1\"]", alert.path("station_ids").toString());
    assertEquals("station_closure", alert.path("type").asText());
    assertEquals("zh-CN", alert.path("summary").get(0).path("language").asText(), "the city's language");
    Instant reported = OffsetDateTime.parse(city.get("/ops/incidents/" + fire).path("reportedAt").asText()).toInstant();
    assertEquals(reported.truncatedTo(ChronoUnit.SECONDS),
        OffsetDateTime.parse(alert.path("times").get(0).path("start").asText()).toInstant(), "from the incident's report");
    JsonNode b1 = status("B1");
    assertFalse(b1.path("is_renting").asBoolean(), b1.toString());
    assertFalse(b1.path("is_returning").asBoolean(), b1.toString());
    assertEquals(16, b1.path("num_vehicles_available").asInt(), "the bikes are still docked there");
    assertEquals(List.of(), GbfsSchemaValidator.validate("station_status", city.get("/gbfs/station_status.json")));

    JsonNode superseding = Eventually.await("a plan made for " + fire, WAIT,
        () -> city.get("/ops/bikeshare/plans/latest"), p -> p.path("trigger").asText().equals("incident:" + fire));
    String supersedingId = superseding.path("planId").asText();
    assertFalse(visited(superseding).contains("B1"), superseding.toString());
    assertTrue(visited(superseding).containsAll(Set.of("B2", "B3", "B4")), "the other stations still need a truck");
    Set<String> told = new HashSet<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (told.size() < LAYOUT.trucks().size() && System.nanoTime() < deadline) {
      JsonNode task = tasks.poll(100, TimeUnit.MILLISECONDS);
      if (task != null && task.path("planId").asText().equals(supersedingId)) {
        told.add(task.path("truckId").asText());
        task.path("stops").forEach(s -> assertFalse(s.path("stationId").asText().equals("B1"), task.toString()));
      }
    }
    assertEquals(Set.of("T1", "T2"), told, "every truck got the superseding list on its task topic");
    idle();
    try (DynamoDbClient dynamoDb = LocalDynamoDb.client(city.twin().dynamoDbEndpoint(), "cn-north-1")) {
      var old = new DynamoPlanStore(dynamoDb, "Bikeshare").plan(before.path("planId").asText()).orElseThrow();
      assertEquals(PlanStatus.SUPERSEDED, old.status());
      assertEquals(supersedingId, old.supersededBy().orElseThrow());
    }

    Eventually.await(fire + " assigned to U1", WAIT, () -> city.get("/ops/incidents/" + fire),
        i -> "U1".equals(i.path("unitId").asText()) && i.path("status").asText().equals("assigned"));
    city.publish("units/U1/acks", String.format("{\"incidentId\": \"%s\", \"action\": \"resolve\", \"ts\": \"%s\"}", fire,
        T0.plusMinutes(1)));
    Eventually.await("B1 renting again", WAIT, () -> status("B1"), s -> s.path("is_renting").asBoolean());
    assertTrue(status("B1").path("is_returning").asBoolean());
    JsonNode lifted = city.get("/gbfs/system_alerts.json");
    assertFalse(alerted(lifted).contains("B1"), lifted.toString());
    assertEquals(List.of(), GbfsSchemaValidator.validate("system_alerts", lifted));
    idle();
    assertEquals(supersedingId, city.get("/ops/bikeshare/plans/latest").path("planId").asText(),
        "the closure supersedes a plan once; the event twice or its end does not");
    assertEquals(0, city.get("/ops/dead-letters").path("deadLetters").size(), "nothing failed");
  }

  /** Counts the write requests that reach dynalite (accepted or refused by their condition). */
  private static final class WriteCounter implements ExecutionInterceptor {
    final LongAdder writes = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      if (request instanceof PutItemRequest || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
        writes.increment();
      }
    }
  }

  /**
   * The closures on real dynalite (a fresh copy of the Bikeshare table beside the twin's): the same event twice, a
   * resolve before its open, two incidents over one station; and the write requests one incident costs.
   */
  @Test
  void closuresOnDynaliteAreIdempotentAndCountTheirWrites() {
    TableSpec spec = Catalog.standard().tables().stream().filter(t -> t.id().equals("Bikeshare")).findFirst().orElseThrow();
    WriteCounter counter = new WriteCounter();
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of("cn-north-1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(city.twin().dynamoDbEndpoint())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
        .build()) {
      new TableCreator(dynamoDb).ensure(List.of(spec), Map.of("Bikeshare", "BikeshareClosures"));
      DynamoStationClosures closures = new DynamoStationClosures(dynamoDb, "BikeshareClosures");
      DynamoPlanStore plans = new DynamoPlanStore(dynamoDb, "BikeshareClosures");
      DynamoStationStore stationStore = new DynamoStationStore(dynamoDb, "BikeshareClosures");
      MutableClock clock = new MutableClock(T0.toInstant());
      PlanService planner = new PlanService(LAYOUT, stationStore, new DynamoTruckStore(dynamoDb, "BikeshareClosures"),
          plans, closures, new RecordingPublisher(), clock, PlanIds.random());
      StationIncidents rule = new StationIncidents(new StationClosureSettings(Set.of("fire", "gas"), 100), LAYOUT,
          closures, planner);
      Instant t = T0.toInstant();
      IncidentNotice fire = new IncidentNotice("I-fire", "fire", null, at("B1"), false, false, t);
      IncidentNotice gas = new IncidentNotice("I-gas", "gas", null, at("B1"), false, false, t.plusSeconds(60));

      long start = counter.writes.sum();
      rule.apply(fire);
      long perOpen = counter.writes.sum() - start;
      rule.apply(fire);
      assertEquals(List.of("I-fire"), closures.active().stream().map(StationClosure::incidentId).toList(),
          "the same event twice: one closure");
      rule.apply(gas);
      rule.apply(ended(fire));
      assertEquals(List.of("I-gas"), closures.active().stream().map(StationClosure::incidentId).toList(),
          "B1 stays closed while the gas leak lasts");
      rule.apply(ended(gas));
      assertTrue(closures.active().isEmpty(), "the last end reopens it");

      IncidentNotice late = new IncidentNotice("I-late", "fire", null, at("B2"), false, false, t.plusSeconds(120));
      rule.apply(ended(late));
      rule.apply(late);
      assertTrue(closures.active().isEmpty(), "a resolve before its open leaves a tombstone the open cannot pass");

      for (String stationId : List.of("B1", "B2", "B3", "B4")) {
        stationStore.apply(new StationStatus(stationId, stationId.equals("B1") || stationId.equals("B3") ? 16 : 0,
            stationId.equals("B1") || stationId.equals("B3") ? 0 : 16, T0.minusMinutes(1)));
      }
      planner.plan("schedule");
      clock.advance(Duration.ofSeconds(1));
      long beforeSupersede = counter.writes.sum();
      IncidentNotice visited = new IncidentNotice("I-visited", "fire", null, at("B1"), false, false, t.plusSeconds(180));
      assertTrue(rule.apply(visited).supersedingPlanId().isPresent());
      long perSupersedingOpen = counter.writes.sum() - beforeSupersede;
      long beforeEnd = counter.writes.sum();
      rule.apply(ended(visited));
      long perEnd = counter.writes.sum() - beforeEnd;
      System.out.println("DynamoDB write requests per incident closing one station: open " + perOpen + ", end " + perEnd
          + "; an open whose station the latest plan still visits " + perSupersedingOpen + " (closure + the new plan)");
      assertEquals(1, perOpen);
      assertEquals(1, perEnd);
    }
  }

  private static IncidentNotice ended(IncidentNotice opened) {
    return new IncidentNotice(opened.incidentId(), opened.category(), opened.subCategory(), opened.position(), false,
        true, opened.at().plusSeconds(600));
  }
}
