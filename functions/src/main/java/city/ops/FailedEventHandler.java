package city.ops;

import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.DynamoDeadLetterStore;
import city.platform.RuleEvent;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The on-failure destination of every device function: an event whose handler still failed after Lambda's
 * retries becomes a dead letter with the reason, so nothing is lost silently. The invocation record is
 * Lambda's destination format: requestPayload (the rule's event), requestContext.condition, responsePayload.
 */
public final class FailedEventHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final DeadLetterStore deadLetters;

  public FailedEventHandler() {
    this(DynamoDeadLetterStore.fromEnvironment());
  }

  public FailedEventHandler(DeadLetterStore deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> record, Context context) {
    DeadLetter letter = extract(record);
    deadLetters.record(letter);
    return Map.of("status", "dead-lettered", "reason", letter.reason());
  }

  @SuppressWarnings("unchecked")
  public static DeadLetter extract(Map<String, Object> record) {
    Map<String, Object> request = (Map<String, Object>) record.getOrDefault("requestPayload", Map.of());
    Map<String, Object> requestContext = (Map<String, Object>) record.getOrDefault("requestContext", Map.of());
    Object response = record.get("responsePayload");
    String reason = "handler failed after retries (" + requestContext.getOrDefault("condition", "unknown") + ")";
    if (response instanceof Map<?, ?> error) {
      reason += ": " + error.get("errorType") + ": " + error.get("errorMessage");
    }
    RuleEvent event = RuleEvent.extract(request);
    return new DeadLetter(event.topic(), event.deviceId(), reason, event.receivedAt(), event.payloadText());
  }
}
