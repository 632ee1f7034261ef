package city.bikeshare.store.dynamodb;

import static city.bikeshare.store.dynamodb.Items.text;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.bikeshare.core.closure.DockSilence;
import city.bikeshare.core.store.DockSilences;
import city.platform.ConditionalWrite;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * One item per station in one partition: pk {@code DOCK_SILENCES}, sk {@code <stationId>}, {@code silentSince} in
 * epoch ms, {@code isBack}. The put's condition is {@link DockSilence#replacedBy}: one conditional write per event,
 * whatever order the events arrive in. station_status reads the partition in one query.
 */
public final class DynamoDockSilences implements DockSilences {
  private static final String PARTITION = "DOCK_SILENCES";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDockSilences(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void record(DockSilence silence) {
    AttributeValue since = n(silence.silentSince().toEpochMilli());
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", s(PARTITION),
            "sk", s(silence.stationId()),
            "stationId", s(silence.stationId()),
            "silentSince", since,
            "isBack", AttributeValue.fromBool(silence.back())))
        .conditionExpression(silence.back()
            ? "attribute_not_exists(pk) OR silentSince < :since OR (silentSince = :since AND isBack = :false)"
            : "attribute_not_exists(pk) OR silentSince < :since")
        .expressionAttributeValues(silence.back()
            ? Map.of(":since", since, ":false", AttributeValue.fromBool(false))
            : Map.of(":since", since))
        .build());
  }

  @Override
  public Set<String> silent() {
    return Items.queryAll(dynamoDb, q -> q.tableName(table)
            .consistentRead(true)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(PARTITION))))
        .stream()
        .filter(item -> !item.get("isBack").bool())
        .map(item -> text(item, "stationId"))
        .collect(Collectors.toSet());
  }
}
