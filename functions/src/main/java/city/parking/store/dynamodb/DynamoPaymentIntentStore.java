package city.parking.store.dynamodb;

import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.parking.core.PaymentIntent;
import city.parking.core.PaymentIntentStore;
import city.platform.ConditionalWrite;
import city.platform.DynamoItems;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Payment intents: pk {@code PAYMENT#<paymentId>}, sk {@code INTENT}. While unfinished an intent is also in gsi1
 * under {@code PAYMENT-INTENTS}, sorted by creation time, so the reconciliation reads only those (usually none);
 * a finished one leaves the index and stays as the record of what happened to the money.
 */
public final class DynamoPaymentIntentStore implements PaymentIntentStore {
  static final String UNFINISHED = "PAYMENT-INTENTS";
  private static final Map<String, String> NAMES = Map.of("#state", "state", "#reason", "reason");

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoPaymentIntentStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public PaymentIntent open(PaymentIntent fresh) {
    Map<String, AttributeValue> item = new HashMap<>(key(fresh.paymentId()));
    item.put("paymentId", s(fresh.paymentId()));
    item.put("sessionId", s(fresh.sessionId()));
    item.put("amount", n(fresh.amount()));
    item.put("createdAt", s(fresh.createdAt().toString()));
    item.put("state", s(fresh.state().name()));
    item.put("changedAt", s(fresh.changedAt().toString()));
    item.put("gsi1pk", s(UNFINISHED));
    item.put("gsi1sk", s(indexSort(fresh.createdAt(), fresh.paymentId())));
    boolean created = ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item)
        .conditionExpression("attribute_not_exists(pk)")
        .build());
    if (created) {
      return fresh;
    }
    return intent(dynamoDb.getItem(GetItemRequest.builder()
        .tableName(table)
        .key(key(fresh.paymentId()))
        .consistentRead(true)
        .build()).item());
  }

  @Override
  public boolean move(String paymentId, PaymentIntent.State from, PaymentIntent.State to, String reason, Instant at) {
    String leaveIndex = to.finished() ? " REMOVE gsi1pk, gsi1sk" : "";
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(paymentId))
        .updateExpression("SET #state = :to, #reason = :reason, changedAt = :at" + leaveIndex)
        .conditionExpression("#state = :from")
        .expressionAttributeNames(NAMES)
        .expressionAttributeValues(Map.of(":from", s(from.name()), ":to", s(to.name()), ":reason", s(reason),
            ":at", s(at.toString())))
        .build());
  }

  @Override
  public List<PaymentIntent> unfinished(Instant createdBefore) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .indexName("gsi1")
        .keyConditionExpression("gsi1pk = :unfinished AND gsi1sk < :before")
        .expressionAttributeValues(Map.of(":unfinished", s(UNFINISHED),
            ":before", s(Items.padded(createdBefore.toEpochMilli()))))
        .build(), DynamoPaymentIntentStore::intent);
  }

  private static String indexSort(Instant createdAt, String paymentId) {
    return Items.padded(createdAt.toEpochMilli()) + "#" + paymentId;
  }

  private static Map<String, AttributeValue> key(String paymentId) {
    return DynamoItems.key("PAYMENT#" + paymentId, "INTENT");
  }

  private static PaymentIntent intent(Map<String, AttributeValue> item) {
    return new PaymentIntent(Items.requiredString(item, "paymentId"), Items.requiredString(item, "sessionId"),
        Items.number(item, "amount").orElseThrow(), Instant.parse(Items.requiredString(item, "createdAt")),
        PaymentIntent.State.valueOf(Items.requiredString(item, "state")),
        Instant.parse(Items.requiredString(item, "changedAt")), Items.string(item, "reason"));
  }
}
