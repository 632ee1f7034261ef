package city.local.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The IoT SQL functions the twin evaluates. Anything else is refused when the rule is parsed, so a rule
 * the twin cannot run exactly fails at start instead of routing differently from the cloud.
 */
final class SqlFunctions {
  private SqlFunctions() {}

  /** Checks name and arity at parse time. */
  static void check(String name, List<Expression> arguments, String sql) {
    String function = name.toLowerCase(Locale.ROOT);
    int count = arguments.size();
    boolean ok = switch (function) {
      case "topic" -> count <= 1;
      case "timestamp", "clientid" -> count == 0;
      case "isundefined" -> count == 1;
      case "encode" -> count == 2 && arguments.get(1) instanceof Expression.Literal l && l.value().isTextual()
          && l.value().textValue().equals("base64");
      default -> throw new RuleSqlException("unsupported function " + name + "()", sql);
    };
    if (!ok) {
      throw new RuleSqlException("wrong arguments for " + name + "()", sql);
    }
    for (int i = 0; i < count; i++) {
      if (arguments.get(i) instanceof Expression.WholePayload && !(function.equals("encode") && i == 0)) {
        throw new RuleSqlException("'*' is only allowed as the first argument of encode()", sql);
      }
    }
  }

  static JsonNode call(String name, List<Expression> arguments, MessageScope scope) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "topic" -> arguments.isEmpty() ? TextNode.valueOf(scope.topic()) : topicLevel(arguments.get(0).evaluate(scope), scope);
      case "timestamp" -> LongNode.valueOf(scope.message().receivedAtMillis());
      case "clientid" -> scope.message().clientId() == null ? MissingNode.getInstance() : TextNode.valueOf(scope.message().clientId());
      case "isundefined" -> BooleanNode.valueOf(arguments.get(0).evaluate(scope).isMissingNode());
      case "encode" -> base64(arguments.get(0), scope);
      default -> throw new IllegalStateException("unchecked function " + name);
    };
  }

  /** {@code topic(n)}: 1-based level; past the last level is Undefined. */
  private static JsonNode topicLevel(JsonNode index, MessageScope scope) {
    if (!index.canConvertToInt()) {
      return MissingNode.getInstance();
    }
    String[] levels = scope.topic().split("/", -1);
    int n = index.intValue();
    return n >= 1 && n <= levels.length ? TextNode.valueOf(levels[n - 1]) : MissingNode.getInstance();
  }

  private static JsonNode base64(Expression argument, MessageScope scope) {
    byte[] bytes;
    if (argument instanceof Expression.WholePayload) {
      bytes = scope.message().payload();
    } else {
      JsonNode value = argument.evaluate(scope);
      if (value.isMissingNode()) {
        return value;
      }
      bytes = (value.isTextual() ? value.textValue() : value.toString()).getBytes(StandardCharsets.UTF_8);
    }
    return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
  }
}
