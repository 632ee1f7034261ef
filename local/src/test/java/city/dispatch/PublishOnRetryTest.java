package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.dispatch.api.AckHandler;
import city.dispatch.api.AlertHandler;
import city.dispatch.api.UnitStatusHandler;
import city.dispatch.api.Wiring;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.IncidentStatus;
import city.dispatch.store.dynamodb.DynamoIncidentStore;
import city.dispatch.store.dynamodb.DynamoSensorStore;
import city.dispatch.store.dynamodb.DynamoUnitStore;
import city.local.RepoRoot;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import city.platform.AwsClients;
import city.platform.BusEvent;
import city.platform.City;
import city.platform.Json;
import city.platform.MemoryDeadLetters;
import city.testing.RecordingEventPublisher;
import city.testing.RecordingPublisher;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * No event is lost between a write and its publish: with real dynalite behind the dispatch stores and a bus that
 * refuses the first publish, the write stands, the invocation fails (Lambda retries it) and the retry, finding the
 * change already made, publishes the very same event.
 */
class PublishOnRetryTest {
  private static final String INCIDENT = "A-F1-20261128T010000000Z";
  private static Dynalite dynalite;
  private static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynalite = Dynalite.start(RepoRoot.find(), Optional.empty());
    client = LocalDynamoDb.client(dynalite.endpoint(), AwsClients.DEFAULT_REGION);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }

  private static Map<String, Object> ruleEvent(String file) throws IOException {
    return Json.MAPPER.readValue(Files.readString(RepoRoot.find().resolve("events").resolve(file)),
        new TypeReference<Map<String, Object>>() {});
  }

  @Test
  void aFailedPublishOfAnOpenAndOfAResolveIsMadeGoodByTheRetry() throws IOException {
    String table = "Dispatch-retry";
    new TableCreator(client).ensure(Catalog.standard().tables().stream().filter(t -> t.id().equals("Dispatch")).toList(),
        Map.of("Dispatch", table));
    City city = City.load(RepoRoot.find().resolve("local").resolve("cities").resolve("sample-county.json"));
    RecordingEventPublisher bus = new RecordingEventPublisher();
    DynamoIncidentStore incidents = new DynamoIncidentStore(client, table);
    Wiring wiring = new Wiring(DispatchSettings.of(city), incidents, new DynamoUnitStore(client, table),
        new DynamoSensorStore(client, table), new RecordingPublisher(), bus, Clock.systemUTC());
    MemoryDeadLetters deadLetters = new MemoryDeadLetters();
    AlertHandler alerts = new AlertHandler(city, wiring, deadLetters);
    AckHandler acks = new AckHandler(city, wiring, deadLetters);
    new UnitStatusHandler(city, wiring, deadLetters).handleRequest(ruleEvent("DispatchUnitStatus.json"), null);

    bus.failNext.set(1);
    assertThrows(IllegalStateException.class, () -> alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null));
    assertTrue(incidents.find(INCIDENT).isPresent(), "the incident is written");
    assertTrue(bus.published.isEmpty(), "its event is not");
    alerts.handleRequest(ruleEvent("DispatchAlerts.json"), null);
    assertEquals(List.of(INCIDENT + "/opened"), bus.published.stream().map(BusEvent::eventId).toList());

    Map<String, Object> resolve = new HashMap<>(ruleEvent("DispatchAcks.json"));
    resolve.put("payload", Base64.getEncoder().encodeToString(("{\"incidentId\": \"" + INCIDENT
        + "\", \"action\": \"resolve\", \"ts\": \"2026-11-28T09:30:00+08:00\"}").getBytes()));
    bus.failNext.set(1);
    assertThrows(IllegalStateException.class, () -> acks.handleRequest(resolve, null));
    assertEquals(IncidentStatus.CLOSED, incidents.find(INCIDENT).orElseThrow().status(), "the close is written");
    acks.handleRequest(resolve, null);
    acks.handleRequest(resolve, null);
    assertEquals(List.of(INCIDENT + "/opened", INCIDENT + "/closed", INCIDENT + "/closed"),
        bus.published.stream().map(BusEvent::eventId).toList(), "republished, never lost; the same id every time");
    assertEquals(bus.published.get(1), bus.published.get(2));
    assertEquals(List.of(), deadLetters.letters);
  }
}
