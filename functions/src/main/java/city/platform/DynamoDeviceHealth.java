package city.platform;

import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.catalog.DeviceClass;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Device health in the Platform table: pk {@value #PK}, sk the device id; {@code lastSeen}, {@code watchedSince} and
 * {@code silentSince} in epoch milliseconds. One partition: the health check and {@code GET /ops/devices} read it in
 * one query. {@code lastSeen} only moves forward (a conditional update), so concurrent execution environments and
 * out-of-order messages never move it back.
 */
public final class DynamoDeviceHealth implements DeviceLastSeen, DeviceHealthStore {
  static final String PK = "DEVICE#HEALTH";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DeviceHeartbeats heartbeats;
  /** What this instance (one per handler, so per execution environment) last wrote per device: the writes saved. */
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  public DynamoDeviceHealth(DynamoDbClient dynamoDb, String table, DeviceHeartbeats heartbeats) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.heartbeats = heartbeats;
  }

  /** The device functions' recorder: the Platform table when the function is given it (they all are), else none. */
  public static DeviceLastSeen fromEnvironment(City city) {
    return Config.optional(DynamoDeadLetterStore.TABLE_ENV)
        .<DeviceLastSeen>map(table -> new DynamoDeviceHealth(AwsClients.dynamoDb(), table, DeviceHeartbeats.of(city)))
        .orElse(NONE);
  }

  @Override
  public void seen(String deviceId, DeviceClass type, Instant at) {
    Optional<Duration> heartbeat = heartbeats.silentAfter(type);
    if (heartbeat.isEmpty() || !DeviceLastSeen.worthWriting(written.get(deviceId), at, heartbeat.get())) {
      return;
    }
    // refused when another environment wrote a later time: that time stands, and this one need not be tried again
    ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(deviceId))
        .updateExpression("SET lastSeen = :at")
        .conditionExpression("attribute_not_exists(lastSeen) OR lastSeen < :at")
        .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli())))
        .build());
    written.merge(deviceId, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** One query, eventually consistent (half the read units): a stale read only delays a report to the next run. */
  @Override
  public Map<String, DeviceHealthItem> all() {
    Map<String, DeviceHealthItem> items = new HashMap<>();
    dynamoDb.queryPaginator(QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(PK)))
            .build())
        .items().forEach(item -> {
          String deviceId = item.get("sk").s();
          items.put(deviceId, new DeviceHealthItem(deviceId, time(item, "lastSeen"), time(item, "watchedSince"),
              time(item, "silentSince")));
        });
    return items;
  }

  @Override
  public void watch(String deviceId, Instant since) {
    ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(deviceId))
        .updateExpression("SET watchedSince = :since")
        .conditionExpression("attribute_not_exists(watchedSince)")
        .expressionAttributeValues(Map.of(":since", n(since.toEpochMilli())))
        .build());
  }

  @Override
  public boolean markSilent(String deviceId, Instant silentSince) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(deviceId))
        .updateExpression("SET silentSince = :since")
        .conditionExpression("attribute_not_exists(silentSince)")
        .expressionAttributeValues(Map.of(":since", n(silentSince.toEpochMilli())))
        .build());
  }

  @Override
  public boolean clearSilent(String deviceId, Instant silentSince) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(deviceId))
        .updateExpression("REMOVE silentSince")
        .conditionExpression("silentSince = :since")
        .expressionAttributeValues(Map.of(":since", n(silentSince.toEpochMilli())))
        .build());
  }

  private static Map<String, AttributeValue> key(String deviceId) {
    return Map.of("pk", s(PK), "sk", s(deviceId));
  }

  private static Instant time(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
  }
}
