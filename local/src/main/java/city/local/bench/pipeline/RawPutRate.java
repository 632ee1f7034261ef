package city.local.bench.pipeline;

import city.local.dynamodb.LocalDynamoDb;
import city.platform.AwsClients;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * dynalite's raw rate of single-item conditional PutItems from one client, one after the other, on a fresh
 * table: the ceiling a pipeline of conditional writes on this machine compares to, whatever the machine.
 */
final class RawPutRate {
  /** Puts before the timed ones, so the client's first requests (class loading, connections) are not timed. */
  static final int WARM_UP = 200;

  private RawPutRate() {}

  static double measure(URI endpoint, int puts) throws InterruptedException {
    String table = "bench-raw-puts-" + System.nanoTime();
    try (DynamoDbClient client = LocalDynamoDb.client(endpoint, AwsClients.DEFAULT_REGION)) {
      client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
      while (client.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
        Thread.sleep(10);
      }
      for (int i = 0; i < WARM_UP; i++) {
        put(client, table, "warm-" + i);
      }
      long started = System.nanoTime();
      for (int i = 0; i < puts; i++) {
        put(client, table, "item-" + i);
      }
      return puts * 1e9 / (System.nanoTime() - started);
    }
  }

  private static void put(DynamoDbClient client, String table, String key) {
    client.putItem(b -> b.tableName(table)
        .item(Map.of("pk", AttributeValue.fromS(key), "status", AttributeValue.fromS("occupied"), "seq", AttributeValue.fromN("1")))
        .conditionExpression("attribute_not_exists(pk)"));
  }
}
