package city.local.dynamodb;

import city.catalog.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the declared tables the way CDK does (string keys, on-demand, GSIs projecting all attributes).
 * Tables that already exist are kept with their data, so state survives a restart. TTL is not set:
 * dynalite has none, and nothing may depend on expiry for correctness.
 */
public final class TableCreator {
  /** Generous: only a broken dynalite takes more than milliseconds. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final DynamoDbClient dynamoDb;

  public TableCreator(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  /** Returns the tables it created (the others existed). */
  public List<String> ensure(List<TableSpec> tables, Map<String, String> physicalNames) {
    Set<String> existing = new HashSet<>(listTables());
    List<String> created = new ArrayList<>();
    for (TableSpec table : tables) {
      String name = physicalNames.get(table.id());
      if (existing.contains(name)) {
        continue;
      }
      try {
        dynamoDb.createTable(request(table, name));
        created.add(name);
      } catch (ResourceInUseException alreadyThere) {
        // created by someone else in between: same definition, keep it
      }
    }
    for (TableSpec table : tables) {
      awaitActive(physicalNames.get(table.id()));
    }
    return created;
  }

  /**
   * A new table is CREATING for a moment (even with dynalite's createTableMs 0, it turns ACTIVE on a later
   * turn of node's event loop), and dynalite answers ResourceNotFound to items written before: wait until
   * DescribeTable says the table and every index are ACTIVE.
   */
  private void awaitActive(String name) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      TableDescription table = dynamoDb.describeTable(b -> b.tableName(name)).table();
      boolean indexesActive = table.globalSecondaryIndexes().stream()
          .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
      if (table.tableStatus() == TableStatus.ACTIVE && indexesActive) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + name + " still " + table.tableStatus() + " after " + READY_TIMEOUT);
      }
      pause();
    }
  }

  /** Waits until dynalite answers (its store may still be opening after it listens). */
  private List<String> listTables() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        List<String> names = new ArrayList<>();
        dynamoDb.listTablesPaginator().tableNames().forEach(names::add);
        return names;
      } catch (SdkClientException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynalite", e);
    }
  }

  static CreateTableRequest request(TableSpec table, String name) {
    Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (TableSpec.IndexSpec index : table.indexes()) {
      indexes.add(GlobalSecondaryIndex.builder()
          .indexName(index.name())
          .keySchema(keySchema(index.partitionKey(), index.sortKey(), attributes))
          .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
          .build());
    }
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(keySchema(table.partitionKey(), table.sortKey(), attributes));
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes);
    }
    return request.attributeDefinitions(attributes.values()).build();
  }

  private static List<KeySchemaElement> keySchema(String partitionKey, String sortKey, Map<String, AttributeDefinition> attributes) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(key(partitionKey, KeyType.HASH, attributes));
    if (sortKey != null && !sortKey.isBlank()) {
      keys.add(key(sortKey, KeyType.RANGE, attributes));
    }
    return keys;
  }

  private static KeySchemaElement key(String attribute, KeyType type, Map<String, AttributeDefinition> attributes) {
    attributes.putIfAbsent(attribute, AttributeDefinition.builder()
        .attributeName(attribute).attributeType(ScalarAttributeType.S).build());
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }
}
