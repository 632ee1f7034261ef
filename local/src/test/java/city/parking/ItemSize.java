package city.parking;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item's size as DynamoDB bills it: attribute names and values in UTF-8, numbers by their digits. */
final class ItemSize {
  private ItemSize() {}

  static int bytes(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  private static int value(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.n() != null) {
      BigDecimal number = new BigDecimal(value.n()).stripTrailingZeros();
      return 1 + (number.precision() + 1) / 2;
    }
    if (value.bool() != null) {
      return 1;
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToInt(v -> 1 + value(v)).sum();
    }
    if (value.hasM()) {
      return 3 + bytes(value.m()) + value.m().size();
    }
    return 1;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
