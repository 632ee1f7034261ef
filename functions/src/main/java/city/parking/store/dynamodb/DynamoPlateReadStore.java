package city.parking.store.dynamodb;

import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.parking.core.PlateRead;
import city.parking.core.PlateReadStore;
import city.platform.ConditionalWrite;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Read items: pk {@code SPACE#<spaceId>}, sk {@code PLATE#<epoch millis>#<camera>#<plate>}; in gsi1 under
 * {@code PLATE#<plate>} until their session is paid (the citizen's list then no longer needs them).
 */
public final class DynamoPlateReadStore implements PlateReadStore {
  private static final String LAST = "PLATE#" + "9".repeat(19);

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoPlateReadStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean keep(PlateRead read) {
    String at = Items.padded(read.ts().toInstant().toEpochMilli());
    return ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", s("SPACE#" + read.spaceId()),
            "sk", s(sortKey(read)),
            "cameraId", s(read.cameraId()),
            "spaceId", s(read.spaceId()),
            "plate", s(read.plate()),
            "ts", s(read.ts().toString()),
            "confidence", n(read.confidence()),
            "gsi1pk", s("PLATE#" + read.plate()),
            "gsi1sk", s(at + "#" + read.spaceId() + "#" + read.cameraId())))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  @Override
  public List<PlateRead> ofSpace(String spaceId, OffsetDateTime from) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :last")
        .expressionAttributeValues(Map.of(
            ":pk", s("SPACE#" + spaceId),
            ":from", s("PLATE#" + Items.padded(from.toInstant().toEpochMilli())),
            ":last", s(LAST)))
        .consistentRead(true)
        .build(), DynamoPlateReadStore::read);
  }

  @Override
  public List<PlateRead> ofPlate(String plate, Instant since) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .indexName("gsi1")
        .keyConditionExpression("gsi1pk = :plate AND gsi1sk >= :since")
        .expressionAttributeValues(Map.of(":plate", s("PLATE#" + plate), ":since", s(Items.padded(since.toEpochMilli()))))
        .build(), DynamoPlateReadStore::read);
  }

  @Override
  public void settle(PlateRead read) {
    dynamoDb.updateItem(UpdateItemRequest.builder()
        .tableName(table)
        .key(key("SPACE#" + read.spaceId(), sortKey(read)))
        .updateExpression("REMOVE gsi1pk, gsi1sk")
        .build());
  }

  private static String sortKey(PlateRead read) {
    return "PLATE#" + Items.padded(read.ts().toInstant().toEpochMilli()) + "#" + read.cameraId() + "#" + read.plate();
  }

  private static PlateRead read(Map<String, AttributeValue> item) {
    return new PlateRead(Items.requiredString(item, "cameraId"), Items.requiredString(item, "spaceId"),
        Items.requiredString(item, "plate"), Items.time(item, "ts").orElseThrow(), Items.decimal(item, "confidence"));
  }
}
