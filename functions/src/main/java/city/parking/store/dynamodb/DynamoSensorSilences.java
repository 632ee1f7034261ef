package city.parking.store.dynamodb;

import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.parking.core.SensorSilence;
import city.parking.core.SensorSilences;
import city.platform.ConditionalWrite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One item per space beside the zone's heads: pk {@code ZONE#<zone>}, sk {@code SILENCE#<spaceId>}, {@code
 * silentSince} in epoch ms, {@code isBack}, {@code seqAtSilence}. The put's condition is {@link SensorSilence#replacedBy}:
 * one conditional write per event, whatever order the events arrive in.
 */
public final class DynamoSensorSilences implements SensorSilences {
  private static final String PREFIX = "SILENCE#";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSensorSilences(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void record(String zone, SensorSilence silence) {
    String replaces = silence.back() ? "silentSince < :since OR (silentSince = :since AND isBack = :false)"
        : "silentSince < :since";
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", s("ZONE#" + zone),
            "sk", s(PREFIX + silence.spaceId()),
            "spaceId", s(silence.spaceId()),
            "silentSince", n(silence.silentSince().toEpochMilli()),
            "isBack", AttributeValue.fromBool(silence.back()),
            "seqAtSilence", n(silence.seqAtSilence())))
        .conditionExpression("attribute_not_exists(pk) OR " + replaces)
        .expressionAttributeValues(silence.back()
            ? Map.of(":since", n(silence.silentSince().toEpochMilli()), ":false", AttributeValue.fromBool(false))
            : Map.of(":since", n(silence.silentSince().toEpochMilli())))
        .build());
  }

  @Override
  public Optional<SensorSilence> of(String zone, String spaceId) {
    return Optional.ofNullable(query(zone, PREFIX + spaceId).get(spaceId));
  }

  @Override
  public Map<String, SensorSilence> zone(String zone) {
    return query(zone, PREFIX);
  }

  private Map<String, SensorSilence> query(String zone, String skPrefix) {
    Map<String, SensorSilence> silences = new LinkedHashMap<>();
    Items.queryAll(dynamoDb, QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(Map.of(":pk", s("ZONE#" + zone), ":prefix", s(skPrefix)))
            .build(), DynamoSensorSilences::silence)
        .forEach(silence -> silences.put(silence.spaceId(), silence));
    return silences;
  }

  private static SensorSilence silence(Map<String, AttributeValue> item) {
    return new SensorSilence(Items.requiredString(item, "spaceId"),
        Instant.ofEpochMilli(Long.parseLong(item.get("silentSince").n())), item.get("isBack").bool(),
        Long.parseLong(item.get("seqAtSilence").n()));
  }
}
