package city.local.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;

/**
 * The IoT SQL operator tables: logical operators take Booleans or the strings "true"/"false"; ordering
 * takes numbers or strings that convert to a decimal; equality takes two values of the same type. Anything
 * else, and any Undefined operand, gives Undefined, which a WHERE clause treats as not satisfied.
 */
final class SqlValues {
  private SqlValues() {}

  static Boolean asBoolean(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.equalsIgnoreCase("true")) {
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    return null;
  }

  static boolean isTrue(JsonNode value) {
    return Boolean.TRUE.equals(asBoolean(value));
  }

  static JsonNode compare(String operator, JsonNode left, JsonNode right) {
    if (left.isMissingNode() || right.isMissingNode()) {
      return MissingNode.getInstance();
    }
    return switch (operator) {
      case "=" -> equality(left, right, true);
      case "<>", "!=" -> equality(left, right, false);
      default -> ordering(operator, left, right);
    };
  }

  private static JsonNode equality(JsonNode left, JsonNode right, boolean wantEqual) {
    Boolean equal;
    if (left.isNumber() && right.isNumber()) {
      equal = left.decimalValue().compareTo(right.decimalValue()) == 0;
    } else if (left.getNodeType() == right.getNodeType()) {
      equal = left.equals(right);
    } else {
      return MissingNode.getInstance();
    }
    return BooleanNode.valueOf(equal == wantEqual);
  }

  private static JsonNode ordering(String operator, JsonNode left, JsonNode right) {
    BigDecimal l = decimal(left);
    BigDecimal r = decimal(right);
    if (l == null || r == null) {
      return MissingNode.getInstance();
    }
    int order = l.compareTo(r);
    boolean result = switch (operator) {
      case "<" -> order < 0;
      case ">" -> order > 0;
      case "<=" -> order <= 0;
      case ">=" -> order >= 0;
      default -> throw new IllegalArgumentException("unknown operator " + operator);
    };
    return BooleanNode.valueOf(result);
  }

  private static BigDecimal decimal(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue().trim());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }
}
