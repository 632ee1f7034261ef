package city.platform;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute values as every store writes them; numbers go as their decimal text, as DynamoDB wants them. */
public final class DynamoItems {
  private DynamoItems() {}

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue n(double value) {
    return AttributeValue.fromN(Double.toString(value));
  }

  public static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  public static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(DynamoItems::s).toList());
  }

  /** The primary key of every table: partition key {@code pk}, sort key {@code sk}. */
  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }
}
