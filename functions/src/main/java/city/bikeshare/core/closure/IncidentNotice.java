package city.bikeshare.core.closure;

import city.platform.BusEvent;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What bike share reads of dispatch's incident events (their public contract, docs/events.md): which incident,
 * of what category, where (or only roughly: a request that gave an address alone), and whether it opened or ended.
 * Bike share does not know the dispatch domain's types.
 */
public record IncidentNotice(String incidentId, String category, String subCategory, GeoPoint position,
    boolean positionEstimated, boolean ended, Instant at) {
  public static final String SOURCE = "city.dispatch";
  public static final String OPENED = "Incident Opened";
  public static final String CLOSED = "Incident Closed";

  public static IncidentNotice of(BusEvent event) {
    if (!event.source().equals(SOURCE) || !(event.detailType().equals(OPENED) || event.detailType().equals(CLOSED))) {
      throw new InvalidInput("not an incident event: " + event.source() + " " + event.detailType());
    }
    JsonNode detail = event.detail();
    String incidentId = text(detail, "incidentId");
    String category = text(detail, "category");
    JsonNode sub = detail.path("subCategory");
    if (!detail.path("lat").isNumber() || !detail.path("lon").isNumber()) {
      throw new InvalidInput("incident event " + incidentId + " has no numeric lat and lon");
    }
    return new IncidentNotice(incidentId, category, sub.isTextual() ? sub.asText() : null,
        new GeoPoint(detail.path("lat").asDouble(), detail.path("lon").asDouble()),
        detail.path("positionEstimated").asBoolean(false), event.detailType().equals(CLOSED), event.time());
  }

  private static String text(JsonNode detail, String field) {
    JsonNode value = detail.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInput("incident event without " + field);
    }
    return value.asText();
  }
}
