package city.dispatch.core;

import city.platform.BusEvent;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What dispatch reads of parking's {@code Parking Overstay} event (its public contract, docs/events.md): a warden's
 * job at the space, one per session. Dispatch does not know the parking domain's types.
 */
public final class OverstayNotice {
  public static final String SOURCE = "city.parking";
  public static final String TYPE = "Parking Overstay";

  private OverstayNotice() {}

  /** Rule 3: the overstay becomes a {@value SystemIncidents#PARKING_ENFORCEMENT} job, its id from the session. */
  public static SystemReport report(BusEvent event, ZoneId cityZone) {
    if (!event.source().equals(SOURCE) || !event.detailType().equals(TYPE)) {
      throw new InvalidInput("not an overstay event: " + event.source() + " " + event.detailType());
    }
    JsonNode detail = event.detail();
    String sessionId = text(detail, "sessionId");
    String spaceId = text(detail, "spaceId");
    if (!detail.path("lat").isNumber() || !detail.path("lon").isNumber()) {
      throw new InvalidInput("overstay event " + sessionId + " has no numeric lat and lon");
    }
    Map<String, String> source = new LinkedHashMap<>();
    source.put("domain", "parking");
    source.put("sessionId", sessionId);
    source.put("spaceId", spaceId);
    String description = "overstay at space " + spaceId + " (zone " + detail.path("zone").asText("?") + "): "
        + detail.path("stayedMinutes").asLong() + " min of " + detail.path("maxStayMinutes").asLong() + " allowed";
    return new SystemReport(SystemIncidents.forSession(sessionId), SystemIncidents.PARKING_ENFORCEMENT, SOURCE,
        new GeoPoint(detail.path("lat").asDouble(), detail.path("lon").asDouble()), description,
        detectedAt(detail).atZone(cityZone).toOffsetDateTime(), source);
  }

  /** To the millisecond, where the envelope's time has whole seconds. */
  private static Instant detectedAt(JsonNode detail) {
    try {
      return Instant.parse(text(detail, "detectedAt"));
    } catch (DateTimeParseException e) {
      throw new InvalidInput("overstay event detectedAt is not an ISO-8601 instant: " + detail.path("detectedAt").asText());
    }
  }

  private static String text(JsonNode detail, String field) {
    JsonNode value = detail.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInput("overstay event without " + field);
    }
    return value.asText();
  }
}
