package city.parking.store.dynamodb;

import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.parking.core.IdempotencyStore;
import city.parking.core.IdempotentPayment;
import city.parking.core.PaymentResult;
import city.platform.ConditionalWrite;
import city.platform.DynamoItems;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Idempotency records: pk {@code IDEMPOTENCY#<caller>}, sk {@code <Idempotency-Key>}; a conditional put claims a key. */
public final class DynamoIdempotencyStore implements IdempotencyStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoIdempotencyStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public IdempotentPayment begin(IdempotentPayment fresh) {
    Map<String, AttributeValue> item = new HashMap<>(key(fresh));
    item.put("sessionId", s(fresh.sessionId()));
    item.put("amount", n(fresh.amount()));
    item.put("createdAt", s(fresh.createdAt().toString()));
    boolean claimed = ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item)
        .conditionExpression("attribute_not_exists(pk)")
        .build());
    return claimed ? fresh : stored(fresh);
  }

  @Override
  public PaymentResult complete(IdempotentPayment payment, PaymentResult result) {
    boolean first = ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(key(payment))
        .updateExpression("SET resultStatus = :status, resultBody = :body")
        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(resultStatus)")
        .expressionAttributeValues(Map.of(":status", n(result.status()), ":body", s(result.body())))
        .build());
    return first ? result : stored(payment).result().orElseThrow();
  }

  private IdempotentPayment stored(IdempotentPayment request) {
    var item = dynamoDb.getItem(GetItemRequest.builder()
        .tableName(table)
        .key(key(request))
        .consistentRead(true)
        .build()).item();
    Optional<PaymentResult> result = Items.number(item, "resultStatus")
        .map(status -> new PaymentResult(status.intValue(), Items.requiredString(item, "resultBody")));
    return new IdempotentPayment(request.caller(), request.key(), Items.requiredString(item, "sessionId"),
        Items.number(item, "amount").orElseThrow(), Instant.parse(Items.requiredString(item, "createdAt")), result);
  }

  private static Map<String, AttributeValue> key(IdempotentPayment payment) {
    return DynamoItems.key("IDEMPOTENCY#" + payment.caller(), payment.key());
  }
}
