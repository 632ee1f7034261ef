package city.bikeshare.store.dynamodb;

import static city.bikeshare.store.dynamodb.Items.decimal;
import static city.bikeshare.store.dynamodb.Items.integer;
import static city.bikeshare.store.dynamodb.Items.text;
import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.platform.GeoPoint;
import city.bikeshare.core.TruckState;
import city.bikeshare.core.TruckStatus;
import city.bikeshare.core.store.TruckStore;
import city.platform.ConditionalWrite;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Truck items: pk {@code TRUCKS}, sk the truck id; the whole fleet is one query. */
public final class DynamoTruckStore implements TruckStore {
  private static final String TRUCKS = "TRUCKS";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoTruckStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean apply(TruckStatus status) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(TRUCKS, status.truckId()))
        .updateExpression("SET lat = :lat, lon = :lon, #load = :load, ts = :ts, tsMillis = :t")
        .conditionExpression("attribute_not_exists(tsMillis) OR tsMillis < :t")
        .expressionAttributeNames(Map.of("#load", "load"))
        .expressionAttributeValues(Map.of(
            ":lat", n(status.position().lat()),
            ":lon", n(status.position().lon()),
            ":load", n(status.load()),
            ":ts", s(status.ts().toString()),
            ":t", n(status.ts().toInstant().toEpochMilli())))
        .build());
  }

  @Override
  public List<TruckState> all() {
    return Items.queryAll(dynamoDb, q -> q.tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(TRUCKS))))
        .stream()
        .map(item -> new TruckState(text(item, "sk"), new GeoPoint(decimal(item, "lat"), decimal(item, "lon")),
            integer(item, "load"), OffsetDateTime.parse(text(item, "ts"))))
        .toList();
  }
}
