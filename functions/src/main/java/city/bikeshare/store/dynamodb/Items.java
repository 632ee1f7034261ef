package city.bikeshare.store.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Attribute reading shared by the bike-share adapters. */
final class Items {
  private Items() {}

  static int integer(Map<String, AttributeValue> item, String name) {
    return Integer.parseInt(item.get(name).n());
  }

  static long longValue(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  static double decimal(Map<String, AttributeValue> item, String name) {
    return Double.parseDouble(item.get(name).n());
  }

  static String text(Map<String, AttributeValue> item, String name) {
    return item.get(name).s();
  }

  /** Every page of a query. */
  static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamoDb, UnaryOperator<QueryRequest.Builder> request) {
    return dynamoDb.queryPaginator(request.apply(QueryRequest.builder()).build()).items().stream().toList();
  }
}
