package city.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One event of the city bus in EventBridge's envelope: {@code source} ({@code city.<domain>}), {@code detail-type},
 * {@code time} and the {@code detail}, whose {@code eventId} is derived from the state change it reports (never
 * random): a retried producer publishes the very same event again and consumers deduplicate by that id.
 */
public record BusEvent(String source, String detailType, Instant time, ObjectNode detail) {
  public static final String EVENT_ID = "eventId";

  public BusEvent {
    if (!detail.path(EVENT_ID).isTextual() || detail.path(EVENT_ID).asText().isBlank()) {
      throw new IllegalArgumentException(detailType + " from " + source + " has no detail.eventId");
    }
  }

  /** An event whose detail is {@code fields} (a record or a map) with {@code eventId} first. */
  public static BusEvent of(String source, String detailType, Instant time, String eventId, Object fields) {
    ObjectNode detail = Json.MAPPER.createObjectNode().put(EVENT_ID, eventId);
    JsonNode rest = Json.MAPPER.valueToTree(fields);
    rest.fields().forEachRemaining(field -> {
      if (!field.getKey().equals(EVENT_ID)) {
        detail.set(field.getKey(), field.getValue());
      }
    });
    return new BusEvent(source, detailType, time, detail);
  }

  /** The event as EventBridge delivers it to a Lambda target ({@code detail-type}, ISO {@code time}, detail object). */
  public static BusEvent delivered(Map<String, Object> event) {
    JsonNode tree = Json.MAPPER.valueToTree(event);
    JsonNode detail = tree.path("detail");
    if (!tree.path("source").isTextual() || !tree.path("detail-type").isTextual() || !detail.isObject()) {
      throw new InvalidInput("not an EventBridge event: source, detail-type and an object detail are required");
    }
    Instant time;
    try {
      time = Instant.parse(tree.path("time").asText());
    } catch (DateTimeParseException e) {
      throw new InvalidInput("event time is not an ISO-8601 instant: " + tree.path("time").asText());
    }
    try {
      return new BusEvent(tree.path("source").asText(), tree.path("detail-type").asText(), time, (ObjectNode) detail);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
  }

  public String eventId() {
    return detail.path(EVENT_ID).asText();
  }
}
