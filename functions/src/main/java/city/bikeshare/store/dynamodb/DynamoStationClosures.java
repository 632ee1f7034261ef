package city.bikeshare.store.dynamodb;

import static city.bikeshare.store.dynamodb.Items.text;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.bikeshare.core.closure.StationClosure;
import city.bikeshare.core.store.StationClosures;
import city.platform.ConditionalWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Closure items in one partition: pk {@code STATION_CLOSURES}, sk {@code <stationId>#<incidentId>}, {@code state}
 * closed or ended. All of them are one query (station_status and the planner read every closure); an ended item is
 * the tombstone that refuses a late open, and TTL deletes it after 30 days (EventBridge retries for 24 h at most,
 * so no open of that incident can still come).
 */
public final class DynamoStationClosures implements StationClosures {
  static final Duration TOMBSTONE_KEPT = Duration.ofDays(30);
  private static final String PARTITION = "STATION_CLOSURES";
  private static final String CLOSED = "closed";
  private static final String ENDED = "ended";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoStationClosures(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void close(String stationId, String incidentId, String category, Instant since) {
    // refused when this incident closed the station before, or already ended: either way nothing to do
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item(stationId, incidentId, category, CLOSED, since))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  @Override
  public void reopen(String stationId, String incidentId, String category, Instant at) {
    Map<String, AttributeValue> tombstone = new HashMap<>(item(stationId, incidentId, category, ENDED, at));
    tombstone.put("expiresAt", n(at.plus(TOMBSTONE_KEPT).getEpochSecond()));
    dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(tombstone).build());
  }

  private static Map<String, AttributeValue> item(String stationId, String incidentId, String category, String state,
      Instant since) {
    return Map.of(
        "pk", s(PARTITION),
        // the separator keeps B1's closures apart from B10's
        "sk", s(stationId + "#" + incidentId),
        "stationId", s(stationId),
        "incidentId", s(incidentId),
        "category", s(category),
        "state", s(state),
        "since", s(since.toString()));
  }

  @Override
  public List<StationClosure> active() {
    return Items.queryAll(dynamoDb, q -> q.tableName(table)
            .consistentRead(true)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(PARTITION))))
        .stream()
        .filter(item -> CLOSED.equals(text(item, "state")))
        .map(item -> new StationClosure(text(item, "stationId"), text(item, "incidentId"), text(item, "category"),
            Instant.parse(text(item, "since"))))
        .sorted(Comparator.comparing(StationClosure::since).thenComparing(StationClosure::incidentId))
        .toList();
  }
}
