package city.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Dead letters in the platform table, one partition per UTC day (spreads writes; a day is what ops look
 * at). The sort key ends with a digest of topic and payload so a redelivered message is stored once.
 */
public final class DynamoDeadLetterStore implements DeadLetterStore {
  /** The platform table's catalog id: every function that may dead-letter a message declares it. */
  public static final String TABLE_ID = "Platform";
  public static final String TABLE_ENV = "PLATFORM_TABLE";
  static final Duration KEEP = Duration.ofDays(30);
  private static final int DAYS_LISTED = 14;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;

  public DynamoDeadLetterStore(DynamoDbClient dynamoDb, String table, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
  }

  public static DynamoDeadLetterStore fromEnvironment() {
    return new DynamoDeadLetterStore(AwsClients.dynamoDb(), Config.required(TABLE_ENV), Clock.systemUTC());
  }

  @Override
  public void record(DeadLetter letter) {
    Instant at = letter.receivedAt().equals(Instant.EPOCH) ? clock.instant() : letter.receivedAt();
    // refused when the same message was dead-lettered before: nothing to add
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", DynamoItems.s("DL#" + LocalDate.ofInstant(at, ZoneOffset.UTC)),
            "sk", DynamoItems.s(at + "#" + KeyDigest.hex(letter.topic() + "\n" + letter.payload(), KeyDigest.SHORT)),
            "topic", orDash(letter.topic()),
            "deviceId", orDash(letter.deviceId()),
            "reason", orDash(letter.reason()),
            "receivedAt", DynamoItems.s(at.toString()),
            "payload", orDash(letter.payload()),
            "expiresAt", DynamoItems.n(at.plus(KEEP).getEpochSecond())))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  @Override
  public List<DeadLetter> recent(int limit) {
    List<DeadLetter> result = new ArrayList<>();
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (int i = 0; i < DAYS_LISTED && result.size() < limit; i++, day = day.minusDays(1)) {
      Map<String, AttributeValue> next = null;
      // a query page ends at 1 MB, a few hundred letters with their payloads: read the day on before the day before
      do {
        var response = dynamoDb.query(QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", DynamoItems.s("DL#" + day)))
            .scanIndexForward(false)
            .limit(limit - result.size())
            .exclusiveStartKey(next)
            .build());
        for (Map<String, AttributeValue> item : response.items()) {
          result.add(new DeadLetter(
              item.get("topic").s(),
              item.get("deviceId").s(),
              item.get("reason").s(),
              Instant.parse(item.get("receivedAt").s()),
              item.get("payload").s()));
        }
        next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
      } while (next != null && result.size() < limit);
    }
    return result;
  }

  /** DynamoDB refuses empty strings, and a dead letter is kept whatever it lacks. */
  private static AttributeValue orDash(String value) {
    return DynamoItems.s(value == null || value.isEmpty() ? "-" : value);
  }
}
