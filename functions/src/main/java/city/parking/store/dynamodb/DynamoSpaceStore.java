package city.parking.store.dynamodb;

import city.parking.OccupancyReading;
import city.parking.SpaceState;
import city.parking.SpaceStatus;
import city.parking.store.SpaceStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Space state items: pk {@code ZONE#<zone>}, sk {@code SPACE#<spaceId>}. A zone's availability is one
 * query over one partition. Each status keeps its own "since" so that one update can both move to a new
 * status (setting its since) and repeat the current one (keeping it): no read before the write.
 */
public final class DynamoSpaceStore implements SpaceStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSpaceStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean apply(String zone, OccupancyReading reading) {
    SpaceStatus status = SpaceStatus.of(reading.occupied());
    String sinceOfStatus = sinceAttribute(status);
    String sinceOfOther = sinceAttribute(reading.occupied() ? SpaceStatus.FREE : SpaceStatus.OCCUPIED);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", AttributeValue.fromS(status.wireName()));
    values.put(":seq", AttributeValue.fromN(Long.toString(reading.seq())));
    values.put(":ts", AttributeValue.fromS(reading.ts().toString()));
    try {
      dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(table)
          .key(key(zone, reading.spaceId()))
          .updateExpression("SET #status = :status, seq = :seq, lastTs = :ts, "
              + sinceOfStatus + " = if_not_exists(" + sinceOfStatus + ", :ts) REMOVE " + sinceOfOther)
          .conditionExpression("attribute_not_exists(seq) OR seq < :seq")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values)
          .build());
      return true;
    } catch (ConditionalCheckFailedException staleOrDuplicate) {
      return false;
    }
  }

  @Override
  public Optional<SpaceState> space(String zone, String spaceId) {
    var item = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(key(zone, spaceId)).build());
    return item.hasItem() && !item.item().isEmpty() ? Optional.of(state(item.item())) : Optional.empty();
  }

  @Override
  public List<SpaceState> zone(String zone) {
    List<SpaceState> states = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamoDb.query(QueryRequest.builder()
          .tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :space)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ZONE#" + zone), ":space", AttributeValue.fromS("SPACE#")))
          .exclusiveStartKey(start)
          .build());
      page.items().forEach(item -> states.add(state(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return states;
  }

  private static Map<String, AttributeValue> key(String zone, String spaceId) {
    return Map.of("pk", AttributeValue.fromS("ZONE#" + zone), "sk", AttributeValue.fromS("SPACE#" + spaceId));
  }

  private static String sinceAttribute(SpaceStatus status) {
    return status.wireName() + "Since";
  }

  private static SpaceState state(Map<String, AttributeValue> item) {
    SpaceStatus status = SpaceStatus.fromWireName(item.get("status").s());
    AttributeValue since = item.get(sinceAttribute(status));
    return new SpaceState(
        item.get("sk").s().substring("SPACE#".length()),
        status,
        since == null ? null : OffsetDateTime.parse(since.s()),
        Long.parseLong(item.get("seq").n()));
  }
}
