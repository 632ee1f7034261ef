package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.CityModule;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.TopicRule;
import city.parking.ParkingModule;
import city.parking.api.OccupancyHandler;
import city.parking.core.ParkingTable;
import city.platform.DynamoDeadLetterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each function in the twin sees exactly the environment CDK gives it: the occupancy handler deployed without
 * its table fails here as it would in Lambda, while the catalog's own occupancy function works beside it.
 */
class FunctionEnvironmentIsolationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PAYLOAD = "{\"occupied\": true, \"ts\": \"" + TwinClient.recentDeviceTime() + "\", \"seq\": 1}";
  private static Twin twin;

  /** The real occupancy handler, declared with the platform table only. */
  private static final class WithoutItsTable implements CityModule {
    @Override
    public Domain declarations() {
      FunctionSpec function = FunctionSpec.handledBy("OccupancyWithoutItsTable", OccupancyHandler.class)
          .writes(DynamoDeadLetterStore.TABLE_ID)
          .because("test: a function that reads a table it never declared");
      return new Domain("undeclared", List.of(), List.of(function),
          List.of(TopicRule.fromDevices("undeclared_occupancy", "undeclared/spaces/+/occupancy", ParkingModule.SENSOR,
              function.id(), "test: occupancy into the function without its table")),
          List.of(), List.of());
    }
  }

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory()
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)))
        .withCatalog(Catalog.standard().plus(new WithoutItsTable())));
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void aFunctionReadingATableItNeverDeclaredFailsWhileTheDeclaredOneWorks() {
    TwinClient.publish(twin, "undeclared/spaces/S2/occupancy", PAYLOAD);
    TwinClient.publish(twin, "parking/spaces/S2/occupancy", PAYLOAD);

    String ops = twin.token("ops-1", "ops", List.of());
    JsonNode letter = Eventually.await("the failed invocation kept as a dead letter", WAIT,
        () -> deadLetter(TwinClient.json(TwinClient.get(twin, "/ops/dead-letters", ops)), "undeclared/spaces/S2/occupancy"),
        found -> found != null);
    assertTrue(letter.path("reason").asText().contains("missing configuration " + ParkingTable.ENV), letter.toString());

    JsonNode space = TwinClient.json(Eventually.await("S2 occupied through the declared function", WAIT,
        () -> TwinClient.get(twin, "/parking/spaces/S2", null),
        r -> r.statusCode() == 200 && "occupied".equals(TwinClient.json(r).path("status").asText())));
    assertEquals("S2", space.path("spaceId").asText());
  }

  private static JsonNode deadLetter(JsonNode body, String topic) {
    for (JsonNode letter : body.path("deadLetters")) {
      if (topic.equals(letter.path("topic").asText())) {
        return letter;
      }
    }
    return null;
  }
}
