package city.bikeshare.store.dynamodb;

import static city.bikeshare.store.dynamodb.Items.integer;
import static city.bikeshare.store.dynamodb.Items.text;
import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.bikeshare.core.StationState;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowBucket;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.demand.TruckMove;
import city.bikeshare.core.store.StationStore;
import city.platform.ConditionalWrite;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Items:
 * <ul>
 *   <li>latest status: pk {@code STATIONS}, sk the station id. One partition, so station_status is one
 *       query; it takes about a thousand reports a second, 60 000 stations reporting every minute.</li>
 *   <li>history bucket: pk {@code FLOW#<hour of week>}, sk {@code <stationId>#<hour start>}: the planner
 *       reads the few hours of the week its horizon touches, each one query for all stations and all kept
 *       weeks. Expires after {@link FlowSample#RETENTION}.</li>
 *   <li>truck move: same partition, sk {@code <stationId>#<hour start>#MOVE#<planId>#<stop>}.</li>
 * </ul>
 * Times are compared as epoch milliseconds: ISO strings with different offsets do not sort by time.
 */
public final class DynamoStationStore implements StationStore {
  private static final String LATEST = "STATIONS";
  private static final String MOVE = "#MOVE#";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoStationStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<StationState> apply(StationStatus status) {
    long millis = status.ts().toInstant().toEpochMilli();
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":b", n(status.bikes()),
        ":d", n(status.docks()),
        ":ts", s(status.ts().toString()),
        ":t", n(millis),
        ":none", s("")));
    // a fault's start is kept while reports carry one; the report that carries none records which fault it ended
    String fault;
    if (status.fault() == null) {
      fault = "clearedFaultSince = if_not_exists(faultSince, :none) REMOVE fault, faultSince";
    } else {
      values.put(":fault", s(status.fault()));
      fault = "clearedFaultSince = :none, fault = :fault, faultSince = if_not_exists(faultSince, :ts)";
    }
    try {
      var response = dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(table)
          .key(latestKey(status.stationId()))
          // the right-hand sides read the item as it was: the replaced report becomes the previous one
          .updateExpression("SET prevBikes = if_not_exists(bikes, :b), prevTs = if_not_exists(ts, :ts), "
              + "prevTsMillis = if_not_exists(tsMillis, :t), bikes = :b, docks = :d, ts = :ts, tsMillis = :t, " + fault)
          .conditionExpression("attribute_not_exists(tsMillis) OR tsMillis < :t")
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)
          .build());
      return Optional.of(state(response.attributes()));
    } catch (ConditionalCheckFailedException staleOrDuplicate) {
      var stored = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(latestKey(status.stationId()))
          .consistentRead(true).build());
      if (!stored.hasItem() || stored.item().isEmpty()) {
        return Optional.empty();
      }
      StationState state = state(stored.item());
      boolean redelivery = state.reportedAt().toInstant().toEpochMilli() == millis
          && state.bikes() == status.bikes() && state.docks() == status.docks()
          && Objects.equals(state.fault(), status.fault());
      return redelivery ? Optional.of(state) : Optional.empty();
    }
  }

  @Override
  public void recordFlow(FlowSample sample) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":delta", n(sample.netChange()));
    values.put(":one", n(1));
    values.put(":t", n(sample.reportedAt().toEpochMilli()));
    values.put(":b", n(sample.bikes()));
    values.put(":station", s(sample.stationId()));
    values.put(":hour", s(sample.hourStart().toString()));
    values.put(":expires", n(sample.expiresAt().getEpochSecond()));
    // refused for a redelivered report: its change is in the bucket already
    ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(flowPartition(sample.hourOfWeek()), bucketKey(sample.stationId(), sample.hourStart())))
        .updateExpression("ADD netChange :delta, samples :one SET lastTsMillis = :t, bikes = :b, "
            + "stationId = :station, hourStart = :hour, expiresAt = :expires")
        .conditionExpression("attribute_not_exists(lastTsMillis) OR lastTsMillis < :t")
        .expressionAttributeValues(values)
        .build());
  }

  @Override
  public void recordTruckMove(TruckMove move) {
    dynamoDb.putItem(PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", s(flowPartition(move.hourOfWeek())),
            "sk", s(bucketKey(move.stationId(), move.hourStart()) + MOVE + move.planId() + "#" + move.stopIndex()),
            "stationId", s(move.stationId()),
            "hourStart", s(move.hourStart().toString()),
            "bikesAdded", n(move.bikesAdded()),
            "expiresAt", n(move.expiresAt().getEpochSecond())))
        .build());
  }

  @Override
  public List<StationState> latest() {
    List<StationState> states = new ArrayList<>();
    for (var item : Items.queryAll(dynamoDb, q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(LATEST))))) {
      states.add(state(item));
    }
    return states;
  }

  @Override
  public List<FlowBucket> flowHistory(int hourOfWeek) {
    Map<String, int[]> sums = new LinkedHashMap<>();
    Map<String, String[]> names = new HashMap<>();
    for (var item : Items.queryAll(dynamoDb, q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(flowPartition(hourOfWeek)))))) {
      String station = text(item, "stationId");
      String hour = text(item, "hourStart");
      String bucket = bucketKey(station, Instant.parse(hour));
      names.putIfAbsent(bucket, new String[] {station, hour});
      int[] sum = sums.computeIfAbsent(bucket, b -> new int[3]);
      if (text(item, "sk").contains(MOVE)) {
        sum[1] += integer(item, "bikesAdded");
      } else {
        sum[0] += integer(item, "netChange");
        sum[2] += integer(item, "samples");
      }
    }
    List<FlowBucket> buckets = new ArrayList<>();
    sums.forEach((bucket, sum) -> {
      String[] name = names.get(bucket);
      buckets.add(new FlowBucket(name[0], Instant.parse(name[1]), sum[0], sum[1], sum[2]));
    });
    return buckets;
  }

  static String flowPartition(int hourOfWeek) {
    return "FLOW#" + hourOfWeek;
  }

  private static String bucketKey(String stationId, Instant hourStart) {
    return stationId + "#" + hourStart;
  }

  private static Map<String, AttributeValue> latestKey(String stationId) {
    return key(LATEST, stationId);
  }

  private static StationState state(Map<String, AttributeValue> item) {
    return new StationState(
        text(item, "sk"),
        integer(item, "bikes"),
        integer(item, "docks"),
        OffsetDateTime.parse(text(item, "ts")),
        integer(item, "prevBikes"),
        OffsetDateTime.parse(text(item, "prevTs")),
        optionalText(item, "fault"),
        optionalTime(item, "faultSince"),
        optionalTime(item, "clearedFaultSince"));
  }

  private static String optionalText(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null || value.s().isEmpty() ? null : value.s();
  }

  private static OffsetDateTime optionalTime(Map<String, AttributeValue> item, String name) {
    String text = optionalText(item, name);
    return text == null ? null : OffsetDateTime.parse(text);
  }
}
