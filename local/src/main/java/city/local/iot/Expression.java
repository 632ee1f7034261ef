package city.local.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * A node of a rule SQL expression. Values are JSON nodes; IoT SQL's Undefined is {@link MissingNode}, which
 * propagates through operators the way the IoT SQL reference describes and is dropped from the output.
 */
sealed interface Expression {
  JsonNode evaluate(MessageScope scope);

  record Literal(JsonNode value) implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      return value;
    }
  }

  /** A reference into the JSON payload: {@code occupied}, {@code position.lat}. */
  record Field(List<String> path) implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      JsonNode node = scope.json();
      for (String name : path) {
        if (node == null || !node.isObject()) {
          return MissingNode.getInstance();
        }
        node = node.get(name);
      }
      return node == null ? MissingNode.getInstance() : node;
    }

    String lastName() {
      return path.get(path.size() - 1);
    }
  }

  /** {@code *} as a function argument: the whole payload, JSON or not. */
  record WholePayload() implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      JsonNode json = scope.json();
      return json == null ? MissingNode.getInstance() : json;
    }
  }

  record Call(String name, List<Expression> arguments) implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      return SqlFunctions.call(name, arguments, scope);
    }
  }

  record Not(Expression operand) implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      Boolean value = SqlValues.asBoolean(operand.evaluate(scope));
      return value == null ? MissingNode.getInstance() : BooleanNode.valueOf(!value);
    }
  }

  record Logical(boolean and, Expression left, Expression right) implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      Boolean l = SqlValues.asBoolean(left.evaluate(scope));
      Boolean r = SqlValues.asBoolean(right.evaluate(scope));
      if (l == null || r == null) {
        return MissingNode.getInstance();
      }
      return BooleanNode.valueOf(and ? l && r : l || r);
    }
  }

  record Comparison(String operator, Expression left, Expression right) implements Expression {
    @Override
    public JsonNode evaluate(MessageScope scope) {
      return SqlValues.compare(operator, left.evaluate(scope), right.evaluate(scope));
    }
  }
}
