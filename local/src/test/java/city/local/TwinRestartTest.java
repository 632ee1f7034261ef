package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.local.dynamodb.LocalDynamoDb;
import city.platform.DeadLetter;
import city.platform.DynamoDeadLetterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** State written through one twin is read through the next one on the same data folder. */
class TwinRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path data;

  private TwinOptions onDisk() {
    return TwinOptions.inMemory().withDataDir(Optional.of(data));
  }

  @Test
  void spaceStateDeadLettersAndTokensSurviveARestart() {
    String token;
    try (Twin first = Twin.start(onDisk())) {
      TwinClient.publish(first, "parking/spaces/S2/occupancy", "{\"occupied\": true, \"ts\": \"" + TwinClient.recentDeviceTime() + "\", \"seq\": 3}");
      TwinClient.publish(first, "$aws/rules/no_such_rule/x/y", "{\"kept\": true}");
      Eventually.await("S2 occupied", WAIT, () -> TwinClient.get(first, "/parking/spaces/S2", null),
          r -> r.statusCode() == 200 && "occupied".equals(TwinClient.json(r).path("status").asText()));
      Eventually.await("refused message kept", WAIT, () -> deadLetters(first), l -> !l.isEmpty());
      token = first.token("ops-1", "ops", List.of());
    }
    assertTrue(Files.isRegularFile(data.resolve("jwt.key")));
    assertTrue(Files.isDirectory(data.resolve("dynamodb")));

    try (Twin second = Twin.start(onDisk())) {
      var space = TwinClient.get(second, "/parking/spaces/S2", null);
      assertEquals(200, space.statusCode());
      assertEquals("occupied", TwinClient.json(space).path("status").asText());
      List<DeadLetter> letters = deadLetters(second);
      assertEquals(1, letters.size());
      assertEquals("$aws/rules/no_such_rule/x/y", letters.get(0).topic());
      assertEquals(200, TwinClient.get(second, "/ops/devices", token).statusCode(), "a token of the first run is still valid");
    }
  }

  @Test
  void attemptsThatFailedBeforeAStopCountAgainstTheRetriesAfterTheRestart() {
    Catalog catalog = Catalog.standard().plus(new TestDomain());
    String topic = "test/" + System.nanoTime() + "/fail";
    int before = FailingHandler.CALLS.get();
    // the retry would come an hour later: the stop leaves the message in the journal, attempt 1 recorded
    try (Twin first = Twin.start(onDisk().withCatalog(catalog).withDrainTimeout(Duration.ofMillis(200))
        .withRetryDelays(List.of(Duration.ofHours(1), Duration.ofHours(1))))) {
      TwinClient.publish(first, topic, "{\"n\": 1}");
      Eventually.await("the first attempt failed", WAIT, FailingHandler.CALLS::get, n -> n == before + 1);
    }
    try (Twin second = Twin.start(onDisk().withCatalog(catalog).withRetryDelays(List.of(Duration.ofMillis(10), Duration.ofMillis(10))))) {
      assertTrue(second.awaitIdle(WAIT));
      assertEquals(before + 3, FailingHandler.CALLS.get(), "attempts 2 and 3 ran after the restart, and no more");
      DeadLetter letter = deadLetters(second).stream().filter(l -> l.topic().equals(topic)).findFirst().orElseThrow();
      assertTrue(letter.reason().startsWith("Failing failed 3 attempt(s)"), letter.reason());
    }
  }

  @Test
  void anEventTheBusAcceptedIsDeliveredAfterARestart() {
    Catalog catalog = Catalog.standard().plus(new TestDomain());
    int before = FailingHandler.CALLS.get();
    try (Twin first = Twin.start(onDisk().withCatalog(catalog).withDrainTimeout(Duration.ofMillis(200))
        .withRetryDelays(List.of(Duration.ofHours(1), Duration.ofHours(1))))) {
      PutEventsResponse put = putEvent(first, "{\"eventId\": \"test/restart/1\", \"n\": 1}");
      assertEquals(0, put.failedEntryCount(), put.toString());
      Eventually.await("the first attempt failed", WAIT, FailingHandler.CALLS::get, n -> n == before + 1);
    }
    try (Twin second = Twin.start(onDisk().withCatalog(catalog).withRetryDelays(List.of(Duration.ofMillis(10), Duration.ofMillis(10))))) {
      String topic = "events/" + TestDomain.EVENT_SOURCE + "/" + TestDomain.FAILING_EVENT;
      // the trail's rule reads every city event too: only the failing rule's letter is this test's
      Predicate<DeadLetter> ours = d -> d.topic().equals(topic) && d.reason().startsWith("rule test_event_fail");
      DeadLetter letter = Eventually.await("the event's dead letter", WAIT, () -> deadLetters(second),
          l -> l.stream().anyMatch(ours)).stream().filter(ours).findFirst().orElseThrow();
      assertTrue(letter.reason().contains("Failing failed 3 attempt(s)"), letter.reason());
      assertTrue(second.awaitIdle(WAIT));
      assertEquals(before + 3, FailingHandler.CALLS.get(), "attempts 2 and 3 ran after the restart, and no more");
    }
  }

  private static PutEventsResponse putEvent(Twin twin, String detail) {
    try (EventBridgeClient client = EventBridgeClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.CN_NORTH_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(twin.eventsEndpoint())
        .build()) {
      return client.putEvents(r -> r.entries(e -> e.eventBusName(twin.eventBusName()).source(TestDomain.EVENT_SOURCE)
          .detailType(TestDomain.FAILING_EVENT).detail(detail)));
    }
  }

  private static List<DeadLetter> deadLetters(Twin twin) {
    try (DynamoDbClient client = LocalDynamoDb.client(twin.dynamoDbEndpoint(), "cn-north-1")) {
      return new DynamoDeadLetterStore(client, "Platform", Clock.systemUTC()).recent(10);
    }
  }
}
