package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import city.local.RepoRoot;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** On dynalite: a day of dead letters larger than one query page (1 MB) is listed whole, newest first. */
class DeadLetterPagesTest {
  private static final int LETTERS = 320;

  @Test
  void aDayOfLettersPastOneMegabyteIsListedWhole() {
    TableSpec platform = Catalog.standard().tables().stream().filter(t -> t.id().equals(DynamoDeadLetterStore.TABLE_ID))
        .findFirst().orElseThrow();
    try (Dynalite dynalite = Dynalite.start(RepoRoot.find(), Optional.empty());
        DynamoDbClient dynamoDb = LocalDynamoDb.client(dynalite.endpoint(), "cn-north-1")) {
      new TableCreator(dynamoDb).ensure(List.of(platform), Map.of(DynamoDeadLetterStore.TABLE_ID, "Platform"));
      Instant noon = Instant.parse("2026-11-28T12:00:00Z");
      DynamoDeadLetterStore store = new DynamoDeadLetterStore(dynamoDb, "Platform", Clock.fixed(noon, ZoneOffset.UTC));
      String payload = "x".repeat(DeviceMessageHandler.MAX_PAYLOAD_BYTES - 20);
      for (int i = 0; i < LETTERS; i++) {
        store.record(new DeadLetter("parking/spaces/S1/occupancy", "S1", "test " + i, noon.minusSeconds(LETTERS - i),
            payload + i));
      }
      List<DeadLetter> listed = store.recent(1000);
      assertEquals(LETTERS, listed.size(), "about 1.3 MB in one day's partition");
      assertEquals("test " + (LETTERS - 1), listed.get(0).reason(), "newest first");
      assertEquals("test 0", listed.get(LETTERS - 1).reason());
      assertEquals(50, store.recent(50).size());
    }
  }
}
