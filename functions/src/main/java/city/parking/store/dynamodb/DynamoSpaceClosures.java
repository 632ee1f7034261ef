package city.parking.store.dynamodb;

import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.parking.core.Closure;
import city.parking.core.SpaceClosures;
import city.platform.ConditionalWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Closure items beside the zone's heads: pk {@code ZONE#<zone>}, sk {@code CLOSURE#<spaceId>#<incidentId>},
 * {@code state} closed or ended. A zone's closures are one query, a space's one query of its prefix; an ended
 * item is the tombstone that refuses a late open, and TTL deletes it after 30 days (EventBridge retries for 24 h
 * at most, so no open of that incident can still come).
 */
public final class DynamoSpaceClosures implements SpaceClosures {
  static final Duration TOMBSTONE_KEPT = Duration.ofDays(30);
  private static final String CLOSED = "closed";
  private static final String ENDED = "ended";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSpaceClosures(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void close(String zone, String spaceId, String incidentId, Instant since) {
    // refused when this incident closed the space before, or already ended: either way nothing to do
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item(zone, spaceId, incidentId, CLOSED, since))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  private static Map<String, AttributeValue> item(String zone, String spaceId, String incidentId, String state,
      Instant since) {
    return Map.of(
        "pk", s("ZONE#" + zone),
        "sk", s(prefix(spaceId) + incidentId),
        "spaceId", s(spaceId),
        "incidentId", s(incidentId),
        "state", s(state),
        "since", s(since.toString()));
  }

  private static Map<String, AttributeValue> withExpiry(Map<String, AttributeValue> item, Instant expiresAt) {
    Map<String, AttributeValue> expiring = new HashMap<>(item);
    expiring.put("expiresAt", n(expiresAt.getEpochSecond()));
    return expiring;
  }

  @Override
  public void reopen(String zone, String spaceId, String incidentId, Instant at) {
    dynamoDb.putItem(PutItemRequest.builder()
        .tableName(table)
        .item(withExpiry(item(zone, spaceId, incidentId, ENDED, at), at.plus(TOMBSTONE_KEPT)))
        .build());
  }

  @Override
  public List<Closure> of(String zone, String spaceId) {
    return query(zone, prefix(spaceId));
  }

  @Override
  public Map<String, Closure> zone(String zone) {
    Map<String, Closure> oldest = new LinkedHashMap<>();
    for (Closure closure : query(zone, "CLOSURE#")) {
      oldest.putIfAbsent(closure.spaceId(), closure);
    }
    return oldest;
  }

  private List<Closure> query(String zone, String skPrefix) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(Map.of(":pk", s("ZONE#" + zone), ":prefix", s(skPrefix)))
            .build(), item -> item)
        .stream()
        .filter(item -> CLOSED.equals(Items.requiredString(item, "state")))
        .map(DynamoSpaceClosures::closure)
        .sorted(Comparator.comparing(Closure::since))
        .toList();
  }

  private static Closure closure(Map<String, AttributeValue> item) {
    return new Closure(Items.requiredString(item, "spaceId"), Items.requiredString(item, "incidentId"),
        Instant.parse(Items.requiredString(item, "since")));
  }

  /** The separator after the id keeps S1's closures apart from S10's. */
  private static String prefix(String spaceId) {
    return "CLOSURE#" + spaceId + "#";
  }
}
