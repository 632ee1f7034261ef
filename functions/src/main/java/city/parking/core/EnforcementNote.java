package city.parking.core;

import city.platform.BusEvent;
import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What a warden's job left on a session: the enforcement incident dispatch opened for its overstay, the unit that
 * closed it, how (the unit's {@code resolve}: {@code resolved}) and when. Read from dispatch's Incident Closed event
 * (its public contract, docs/events.md), whose {@code source} names the session.
 */
public record EnforcementNote(String zone, String spaceId, String sessionId, String incidentId, String unitId,
    String resolution, OffsetDateTime closedAt) {
  public static final String SOURCE = IncidentNotice.SOURCE;
  public static final String CLOSED = IncidentNotice.CLOSED;
  /** The category dispatch gives a warden's job. */
  public static final String CATEGORY = "parking-enforcement";
  static final String DOMAIN = "parking";

  /** The note an Incident Closed event carries for a session of this city, if it is about one. */
  public static Optional<EnforcementNote> of(BusEvent event, ParkingLayout layout) {
    if (!event.source().equals(SOURCE) || !event.detailType().equals(CLOSED)) {
      throw new InvalidInput("not an incident closed event: " + event.source() + " " + event.detailType());
    }
    JsonNode detail = event.detail();
    JsonNode source = detail.path("source");
    if (!DOMAIN.equals(source.path("domain").asText()) || !CATEGORY.equals(detail.path("category").asText())) {
      return Optional.empty();
    }
    String sessionId = text(source, "sessionId");
    String spaceId = text(source, "spaceId");
    ParkingLayout.Zone zone = layout.zoneOf(spaceId)
        .orElseThrow(() -> new InvalidInput("enforcement incident for unknown space " + spaceId));
    OffsetDateTime closedAt;
    try {
      closedAt = OffsetDateTime.parse(text(detail, "closedAt"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInput("closedAt is not ISO-8601: " + detail.path("closedAt").asText());
    }
    JsonNode unit = detail.path("unitId");
    return Optional.of(new EnforcementNote(zone.zone(), spaceId, sessionId, text(detail, "incidentId"),
        unit.isTextual() ? unit.asText() : null, text(detail, "resolution"), closedAt));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInput("incident closed event without " + field);
    }
    return value.asText();
  }
}
