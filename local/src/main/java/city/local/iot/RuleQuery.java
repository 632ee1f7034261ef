package city.local.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed rule SQL statement: which topics it listens to, whether a message passes WHERE, and what it outputs. */
public final class RuleQuery {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String sql;
  private final List<SelectItem> select;
  private final TopicFilter from;
  private final Expression where;

  RuleQuery(String sql, List<SelectItem> select, TopicFilter from, Expression where) {
    this.sql = sql;
    this.select = List.copyOf(select);
    this.from = from;
    this.where = where;
  }

  /** Parses and checks the statement; throws {@link RuleSqlException} for anything the twin cannot evaluate exactly. */
  public static RuleQuery parse(String sql) {
    return SqlParser.parse(sql);
  }

  public TopicFilter from() {
    return from;
  }

  public String sql() {
    return sql;
  }

  /**
   * The rule's output for a message, as the function would receive it, or empty when the topic does not
   * match the FROM filter or the WHERE clause is not true.
   *
   * @param topic the topic the rule sees: the message's own, or for Basic Ingest the part after the rule name
   */
  public Optional<Map<String, Object>> apply(InboundMessage message, String topic) {
    if (!from.matches(topic)) {
      return Optional.empty();
    }
    MessageScope scope = new MessageScope(message, topic);
    if (where != null && !SqlValues.isTrue(where.evaluate(scope))) {
      return Optional.empty();
    }
    ObjectNode output = MAPPER.createObjectNode();
    for (SelectItem item : select) {
      if (item.isAllFields()) {
        JsonNode json = scope.json();
        if (json != null && json.isObject()) {
          output.setAll((ObjectNode) json);
        }
      } else {
        JsonNode value = item.expression().evaluate(scope);
        if (!value.isMissingNode()) {
          output.set(item.name(), value);
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> columns = MAPPER.convertValue(output, Map.class);
    return Optional.of(columns);
  }

  @Override
  public String toString() {
    return sql;
  }
}
