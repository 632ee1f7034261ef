package city.catalog;

import java.util.List;

/**
 * A kind of event a domain publishes on the city bus: EventBridge's {@code source} ({@code city.<domain>})
 * and {@code detail-type}, and the functions that publish it. Only those functions may put events on the bus
 * (CDK grants {@code events:PutEvents} to them alone). The detail's fields are the public contract in
 * docs/events.md; every detail carries a deterministic {@code eventId}.
 */
public record EventType(String source, String detailType, List<String> publishers, String description) {
  /** Every city event's source starts so: {@code city.<domain>}. */
  public static final String SOURCE_PREFIX = "city.";

  public EventType {
    publishers = List.copyOf(publishers);
  }

  /** An event of {@code domain}, source {@code city.<domain>}. */
  public static EventType of(String domain, String detailType, List<String> publishers, String description) {
    return new EventType(SOURCE_PREFIX + domain, detailType, publishers, description);
  }
}
