package city.ops;

import city.platform.BusEvent;
import city.platform.ConditionalWrite;
import city.platform.DynamoItems;
import city.platform.InvalidInput;
import city.platform.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The trail in the platform table: pk {@code EV#<UTC day>}, sk {@code <time, fixed width>#<eventId>} (so a day
 * reads newest first with one query and a republished event lands on its own item), deleted by TTL after 30 days.
 */
public final class DynamoEventTrail implements EventTrail {
  static final Duration KEEP = Duration.ofDays(30);
  /** Fixed width, so the sort key orders by time (Instant.toString drops zero fractions and would not). */
  private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoEventTrail(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void keep(BusEvent event) {
    // refused when this event was kept before: nothing to add
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", DynamoItems.s(partition(LocalDate.ofInstant(event.time(), ZoneOffset.UTC))),
            "sk", DynamoItems.s(SORTABLE.format(event.time()) + "#" + event.eventId()),
            "source", DynamoItems.s(event.source()),
            "detailType", DynamoItems.s(event.detailType()),
            "time", DynamoItems.s(event.time().toString()),
            "detail", DynamoItems.s(Json.write(event.detail())),
            "expiresAt", DynamoItems.n(event.time().plus(KEEP).getEpochSecond())))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  @Override
  public Page page(Instant from, Instant to, Optional<String> source, Optional<String> detailType, int limit,
      Optional<String> after) {
    Optional<Map<String, AttributeValue>> start = after.map(DynamoEventTrail::cursorKey);
    String low = SORTABLE.format(from);
    String high = SORTABLE.format(to) + "~";
    List<BusEvent> events = new ArrayList<>();
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    for (LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC); !day.isBefore(first); day = day.minusDays(1)) {
      String pk = partition(day);
      if (start.isPresent() && pk.compareTo(start.get().get("pk").s()) > 0) {
        continue;
      }
      Map<String, AttributeValue> exclusiveStart = start.filter(key -> key.get("pk").s().equals(pk)).orElse(null);
      do {
        QueryResponse response = dynamoDb.query(QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
            .expressionAttributeValues(Map.of(":pk", DynamoItems.s(pk), ":low", DynamoItems.s(low),
                ":high", DynamoItems.s(high)))
            .scanIndexForward(false)
            .exclusiveStartKey(exclusiveStart)
            .limit(limit - events.size())
            .build());
        for (Map<String, AttributeValue> item : response.items()) {
          BusEvent event = event(item);
          if (source.map(event.source()::equals).orElse(true) && detailType.map(event.detailType()::equals).orElse(true)) {
            events.add(event);
            if (events.size() == limit) {
              return new Page(events, Optional.of(cursor(item)));
            }
          }
        }
        exclusiveStart = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (exclusiveStart != null);
    }
    return new Page(events, Optional.empty());
  }

  private static String partition(LocalDate day) {
    return "EV#" + day;
  }

  private static BusEvent event(Map<String, AttributeValue> item) {
    return new BusEvent(item.get("source").s(), item.get("detailType").s(), Instant.parse(item.get("time").s()),
        (ObjectNode) Json.parse(item.get("detail").s()));
  }

  private static String cursor(Map<String, AttributeValue> item) {
    String key = item.get("pk").s() + "\n" + item.get("sk").s();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, AttributeValue> cursorKey(String cursor) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("next is not a cursor this API gave out");
    }
    if (parts.length != 2 || !parts[0].startsWith("EV#")) {
      throw new InvalidInput("next is not a cursor this API gave out");
    }
    return Map.of("pk", DynamoItems.s(parts[0]), "sk", DynamoItems.s(parts[1]));
  }
}
