package city.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A rule on the city's event bus: an EventBridge event pattern and the function it invokes asynchronously
 * (the same retries and the same on-failure destination as a device function). The pattern is the single
 * source of truth: CDK deploys it verbatim as an {@code AWS::Events::Rule}; the twin matches it with
 * EventBridge's own engine (event-ruler).
 *
 * @param pattern the event pattern as EventBridge JSON, e.g. {@code {"source": ["city.dispatch"]}}
 */
public record EventRule(String name, String pattern, String functionId, String description) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public EventRule {
    if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
      throw new IllegalArgumentException("event rule name " + name + ": lower case, digits and _ (at most 64)");
    }
    if (!patternTree(pattern).isObject()) {
      throw new IllegalArgumentException("event rule " + name + ": the pattern must be a JSON object");
    }
  }

  /** The pattern as a JSON tree (CDK hands it to CloudFormation as an object, not as text). */
  public JsonNode patternTree() {
    return patternTree(pattern);
  }

  private static JsonNode patternTree(String pattern) {
    try {
      return JSON.readTree(pattern);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("event pattern is not JSON: " + pattern, e);
    }
  }
}
