package city.dispatch.store.dynamodb;

import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.dispatch.core.CitizenInbox;
import city.dispatch.core.CitizenNotifier;
import city.platform.ConditionalWrite;
import city.platform.Json;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The simulated provider: every notification kept in the dispatch table instead of sent by SMS, pk
 * {@code INBOX#C#<citizen>} (or {@code INBOX#R#<reporterId>} for a report filed without a token: the provider
 * would text them; the two prefixes keep any token subject out of a reporter's inbox), sk the notification id, so a repeat is refused by the put's condition. Each expires after
 * {@link #KEEP}, like the contacts.
 */
public final class DynamoCitizenInbox implements CitizenNotifier, CitizenInbox {
  static final Duration KEEP = Duration.ofDays(180);

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoCitizenInbox(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void send(Notification notification) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(inbox(notification)));
    item.put("sk", s(notification.notificationId()));
    item.put("doc", s(Json.write(notification)));
    item.put("expiresAt", n(notification.at().toInstant().plus(KEEP).getEpochSecond()));
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)").build());
  }

  @Override
  public List<Notification> of(String citizen) {
    return dynamoDb.queryPaginator(QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s("INBOX#C#" + citizen)))
            .build())
        .items().stream()
        .map(item -> Json.read(item.get("doc").s(), Notification.class))
        .sorted(Comparator.comparing((Notification n) -> n.at().toInstant()).reversed()
            .thenComparing(Notification::notificationId))
        .toList();
  }

  private static String inbox(Notification notification) {
    return notification.citizen() != null ? "INBOX#C#" + notification.citizen() : "INBOX#R#" + notification.reporterId();
  }
}
