package city.local.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One message under evaluation. The topic is the one the rule sees (for Basic Ingest, without the
 * {@code $aws/rules/<name>/} prefix); the payload is parsed as JSON at most once, and only if a clause
 * reads a field.
 */
final class MessageScope {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final InboundMessage message;
  private final String topic;
  private boolean parsed;
  private JsonNode json;

  MessageScope(InboundMessage message, String topic) {
    this.message = message;
    this.topic = topic;
  }

  InboundMessage message() {
    return message;
  }

  String topic() {
    return topic;
  }

  /** The payload as JSON, or null when it is not JSON (every field then reads as Undefined). */
  JsonNode json() {
    if (!parsed) {
      parsed = true;
      try {
        json = message.payload().length == 0 ? null : MAPPER.readTree(message.payload());
      } catch (IOException notJson) {
        json = null;
      }
    }
    return json;
  }
}
