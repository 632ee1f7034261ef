package city.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.dispatch.DispatchTwinKit.Order;
import city.dispatch.DispatchTwinKit.TestSensor;
import city.dispatch.DispatchTwinKit.TestUnit;
import city.dispatch.api.SweepHandler;
import city.dispatch.api.Wiring;
import city.dispatch.core.DispatchOrder;
import city.dispatch.core.DispatchSettings;
import city.dispatch.store.dynamodb.DynamoIncidentStore;
import city.dispatch.store.dynamodb.DynamoSensorStore;
import city.dispatch.store.dynamodb.DynamoUnitStore;
import city.local.dynamodb.LocalDynamoDb;
import city.platform.DevicePublisher;
import city.platform.IotDevicePublisher;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * A withdrawn unit is always told, on the twin: the sweep (a handler of the test's own, on the twin's dynalite and
 * IoT data plane) takes an incident back from a silent unit while its cancel publish fails, gives the incident to
 * the next unit, and re-sends the cancel on its next run; a late accept from the withdrawn unit gets it told again;
 * its cancel ack over MQTT ends the re-sends. The twin's own sweep is parked (once an hour) so only the test's runs.
 */
class WithdrawnUnitOverMqttTest {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);
  private static final TestUnit WA = new TestUnit("WA", "fire", 36.500, 118.700);
  private static final TestUnit WB = new TestUnit("WB", "fire", 36.530, 118.700);

  private static final OffsetDateTime START = OffsetDateTime.now();

  private static DispatchTwinKit kit;
  private static DynamoDbClient dynamoDb;
  private static IotDataPlaneClient iotData;
  private static volatile boolean cancelsFail;
  private static SweepHandler sweep;

  @BeforeAll
  static void start() throws Exception {
    kit = DispatchTwinKit.start(List.of(WA, WB), List.of(new TestSensor("SW-1", 36.501, 118.700)), ACK_TIMEOUT,
        Duration.ofHours(1));
    dynamoDb = LocalDynamoDb.client(kit.twin.dynamoDbEndpoint(), "cn-north-1");
    iotData = IotDataPlaneClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of("cn-north-1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(kit.twin.iotDataEndpoint())
        .build();
    IotDevicePublisher iot = new IotDevicePublisher(iotData);
    // the fault sits where the handler publishes: the broker and the data plane stay real
    DevicePublisher publisher = (topic, message) -> {
      if (cancelsFail && message instanceof DispatchOrder order && order.action().equals("cancel")) {
        throw SdkClientException.create("injected: IoT data plane unreachable");
      }
      iot.publish(topic, message);
    };
    sweep = new SweepHandler(new Wiring(withAckTimeout(DispatchSettings.of(kit.city()), ACK_TIMEOUT),
        new DynamoIncidentStore(dynamoDb, "Dispatch"), new DynamoUnitStore(dynamoDb, "Dispatch"),
        new DynamoSensorStore(dynamoDb, "Dispatch"), publisher, event -> {}, Clock.systemUTC()));
  }

  /** The twin's functions get the timeout as DISPATCH_ACK_TIMEOUT; this JVM's environment does not have it. */
  private static DispatchSettings withAckTimeout(DispatchSettings s, Duration ackTimeout) {
    return new DispatchSettings(s.mergeWindow(), ackTimeout, s.severityPriorities(), s.categoryKinds(), s.services(),
        s.units(), s.sensors(), s.cityCentre(), s.agency(), s.zone(), s.confirmAnonymousUpToPriority());
  }

  /** Device times from now on, one second apart, so none is mistaken for an old message. */
  private static String ts(int second) {
    return START.plusSeconds(second).toString();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {iotData, dynamoDb, kit}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // the twin's own close stops everything else
      }
    }
  }

  private static List<Order> cancelsTo(String unitId, String incidentId) {
    return kit.orders.stream()
        .filter(o -> o.unitId().equals(unitId) && o.action().equals("cancel") && o.incidentId().equals(incidentId))
        .toList();
  }

  private static List<String> pendingCancels(String unitId) {
    List<String> pending = new ArrayList<>();
    for (JsonNode unit : kit.ops("/ops/units").path("units")) {
      if (unit.path("unitId").asText().equals(unitId)) {
        unit.path("pendingCancels").forEach(id -> pending.add(id.asText()));
      }
    }
    return pending;
  }

  private static List<String> events(String incidentId) {
    List<String> events = new ArrayList<>();
    kit.ops("/ops/incidents/" + incidentId).path("history").forEach(h -> events.add(h.path("event").asText()));
    return events;
  }

  @Test
  void aCancelThatFailedIsResentUntilTheWithdrawnUnitConfirmsIt() {
    kit.unitStatus(WA, "available", ts(1));
    kit.unitStatus(WB, "available", ts(2));
    kit.awaitUnits("available", List.of("WA", "WB"));
    kit.alert("SW-1", "fire", "critical", ts(3));
    Order first = kit.awaitOrder("the order to WA", o -> o.unitId().equals("WA") && o.action().equals("assign"));
    String id = first.incidentId();

    // WA stays silent past its ack timeout; the sweep takes the incident back, and the cancel to WA is lost
    Instant overdue = OffsetDateTime.parse(first.body().path("assignedAt").asText()).toInstant().plus(ACK_TIMEOUT);
    DispatchTwinKit.await("WA's ack timeout", Instant::now, now -> !now.isBefore(overdue));
    cancelsFail = true;
    Map<String, Object> failed = sweep.handleRequest(Map.of(), null);
    cancelsFail = false;
    assertEquals(1, failed.get("withdrawn"), failed.toString());
    assertEquals(1, failed.get("assigned"), "the incident went to WB: " + failed);
    kit.awaitOrder("the order to WB", o -> o.unitId().equals("WB") && o.action().equals("assign") && o.incidentId().equals(id));
    kit.ack("WB", id, "accept");
    DispatchTwinKit.await("WB on its way", () -> kit.ops("/ops/incidents/" + id).path("status").asText(),
        "accepted"::equals);
    assertEquals(List.of(), cancelsTo("WA", id), "the cancel publish failed: WA was not told");
    assertEquals(List.of(id), pendingCancels("WA"), "WA is owed the cancel");

    Map<String, Object> next = sweep.handleRequest(Map.of(), null);
    assertEquals(1, next.get("cancelsResent"), next.toString());
    DispatchTwinKit.await("the re-sent cancel to WA", () -> cancelsTo("WA", id).size(), n -> n == 1);

    // WA wakes up and accepts the order it never heard was withdrawn: it is told again at once
    kit.ack("WA", id, "accept");
    DispatchTwinKit.await("a second cancel to WA", () -> cancelsTo("WA", id).size(), n -> n >= 2);
    assertEquals("WB", kit.ops("/ops/incidents/" + id).path("unitId").asText(), "WA's accept moved nothing");

    kit.publish("units/WA/acks", "{\"incidentId\": \"" + id + "\", \"action\": \"cancel\", \"ts\": \"" + ts(9) + "\"}");
    DispatchTwinKit.await("WA's cancel ack settles the debt", () -> pendingCancels("WA"), List::isEmpty);
    assertEquals(0, sweep.handleRequest(Map.of(), null).get("cancelsResent"), "nothing more to re-send");
    assertTrue(events(id).contains("cancel-confirmed"), events(id).toString());
    assertEquals(List.of("reported", "assigned", "escalated", "assigned", "ack-timeout", "accepted", "ack-ignored",
        "cancel-confirmed"), events(id), "the sweep's run recorded the timeout for supervision before WB's accept");
  }
}
