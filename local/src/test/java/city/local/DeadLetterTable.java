package city.local;

import city.platform.DynamoDeadLetterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Every dead letter of a twin, read straight from its platform table (all pages, whatever the day). */
public final class DeadLetterTable {
  public record Letter(String topic, String deviceId, String reason, String payload) {}

  private DeadLetterTable() {}

  public static List<Letter> all(DynamoDbClient dynamoDb) {
    List<Letter> letters = new ArrayList<>();
    for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(ScanRequest.builder()
        .tableName(DynamoDeadLetterStore.TABLE_ID).build()).items()) {
      if (item.get("pk").s().startsWith("DL#")) {
        letters.add(new Letter(item.get("topic").s(), item.get("deviceId").s(), item.get("reason").s(),
            item.get("payload").s()));
      }
    }
    return letters;
  }
}
