package city.dispatch.store.dynamodb;

import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.s;

import city.dispatch.core.SensorStore;
import city.platform.ConditionalWrite;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Sensor pointer items: pk {@code SENSOR#<sensorId>}, sk {@code OPEN}, naming the incident alerts merge into. */
public final class DynamoSensorStore implements SensorStore {
  private static final String OPEN = "OPEN";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSensorStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<String> openIncident(String sensorId) {
    GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(pointer(sensorId)).consistentRead(true));
    return response.hasItem() && response.item().containsKey("incidentId")
        ? Optional.of(response.item().get("incidentId").s())
        : Optional.empty();
  }

  @Override
  public boolean point(String sensorId, String incidentId, Optional<String> replacing) {
    PutItemRequest.Builder request = PutItemRequest.builder()
        .tableName(table)
        .item(Map.of("pk", s(partition(sensorId)), "sk", s(OPEN), "incidentId", s(incidentId)));
    if (replacing.isPresent()) {
      request.conditionExpression("incidentId = :previous")
          .expressionAttributeValues(Map.of(":previous", s(replacing.get())));
    } else {
      request.conditionExpression("attribute_not_exists(pk)");
    }
    return ConditionalWrite.put(dynamoDb, request.build());
  }

  @Override
  public void clear(String sensorId, String incidentId) {
    // refused when a newer incident of this sensor took the pointer: leave it
    ConditionalWrite.delete(dynamoDb, DeleteItemRequest.builder()
        .tableName(table)
        .key(pointer(sensorId))
        .conditionExpression("incidentId = :incident")
        .expressionAttributeValues(Map.of(":incident", s(incidentId)))
        .build());
  }

  private static String partition(String sensorId) {
    return "SENSOR#" + sensorId;
  }

  private static Map<String, AttributeValue> pointer(String sensorId) {
    return key(partition(sensorId), OPEN);
  }
}
