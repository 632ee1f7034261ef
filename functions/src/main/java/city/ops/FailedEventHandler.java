package city.ops;

import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.DynamoDeadLetterStore;
import city.platform.Json;
import city.platform.RuleEvent;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The on-failure destination of every device function: an event whose handler still failed after Lambda's
 * retries becomes a dead letter with the reason, so nothing is lost silently; so does a city bus event whose
 * rule target failed its retries. The invocation record is
 * Lambda's destination format: requestPayload (the rule's event), requestContext.condition, responsePayload.
 */
public final class FailedEventHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  /** Where a failed bus event's dead letter is filed, as if it had a topic. */
  public static final String BUS_TOPIC_PREFIX = "events/";
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
    if (request.containsKey("detail-type")) {
      return busEvent(request, reason);
    }
    RuleEvent event = RuleEvent.extract(request);
    return new DeadLetter(event.topic(), event.deviceId(), reason, event.receivedAt(), event.payloadText());
  }

  /** A city bus event whose rule target failed: kept under {@code events/<source>/<detail-type>}, whole. */
  private static DeadLetter busEvent(Map<String, Object> event, String reason) {
    Instant time;
    try {
      time = Instant.parse(String.valueOf(event.get("time")));
    } catch (DateTimeParseException e) {
      time = Instant.EPOCH;
    }
    return new DeadLetter(BUS_TOPIC_PREFIX + event.get("source") + "/" + event.get("detail-type"), "", reason, time,
        Json.write(event));
  }
}
