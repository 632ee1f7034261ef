package city.parking.store.dynamodb;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Attribute reading shared by the parking adapters; absent attributes read as empty. */
final class Items {
  private Items() {}

  /** Fixed width, so that text order is number order in sort keys. */
  static String padded(long value) {
    return String.format("%019d", value);
  }

  static Optional<String> string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
  }

  static String requiredString(Map<String, AttributeValue> item, String name) {
    return string(item, name).orElseThrow(() -> new IllegalStateException("item without " + name + ": " + item.get("sk")));
  }

  static Optional<Long> number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? Optional.empty() : Optional.of(Long.parseLong(value.n()));
  }

  static long number(Map<String, AttributeValue> item, String name, long fallback) {
    return number(item, name).orElse(fallback);
  }

  static double decimal(Map<String, AttributeValue> item, String name) {
    return Double.parseDouble(item.get(name).n());
  }

  static boolean flag(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  static Optional<OffsetDateTime> time(Map<String, AttributeValue> item, String name) {
    return string(item, name).map(OffsetDateTime::parse);
  }

  static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream().map(AttributeValue::s).toList();
  }

  /** Every page of a query. */
  static <T> List<T> queryAll(DynamoDbClient dynamoDb, QueryRequest request, Function<Map<String, AttributeValue>, T> map) {
    return dynamoDb.queryPaginator(request).items().stream().map(map).toList();
  }
}
