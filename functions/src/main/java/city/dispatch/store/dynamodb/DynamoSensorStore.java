package city.dispatch.store.dynamodb;

import city.dispatch.store.SensorStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Sensor pointer items: pk {@code SENSOR#<sensorId>}, sk {@code OPEN}, naming the incident alerts merge into. */
public final class DynamoSensorStore implements SensorStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSensorStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<String> openIncident(String sensorId) {
    GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(key(sensorId)).consistentRead(true));
    return response.hasItem() && response.item().containsKey("incidentId")
        ? Optional.of(response.item().get("incidentId").s())
        : Optional.empty();
  }

  @Override
  public boolean point(String sensorId, String incidentId, Optional<String> replacing) {
    PutItemRequest.Builder request = PutItemRequest.builder()
        .tableName(table)
        .item(Map.of("pk", s("SENSOR#" + sensorId), "sk", s("OPEN"), "incidentId", s(incidentId)));
    if (replacing.isPresent()) {
      request.conditionExpression("incidentId = :previous")
          .expressionAttributeValues(Map.of(":previous", s(replacing.get())));
    } else {
      request.conditionExpression("attribute_not_exists(pk)");
    }
    try {
      dynamoDb.putItem(request.build());
      return true;
    } catch (ConditionalCheckFailedException movedMeanwhile) {
      return false;
    }
  }

  @Override
  public void clear(String sensorId, String incidentId) {
    try {
      dynamoDb.deleteItem(DeleteItemRequest.builder()
          .tableName(table)
          .key(key(sensorId))
          .conditionExpression("incidentId = :incident")
          .expressionAttributeValues(Map.of(":incident", s(incidentId)))
          .build());
    } catch (ConditionalCheckFailedException pointsElsewhere) {
      // a newer incident of this sensor took the pointer: leave it
    }
  }

  private static Map<String, AttributeValue> key(String sensorId) {
    return Map.of("pk", s("SENSOR#" + sensorId), "sk", s("OPEN"));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
