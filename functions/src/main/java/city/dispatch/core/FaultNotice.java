package city.dispatch.core;

import city.platform.BusEvent;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What dispatch reads of bike share's {@code Dock Fault} and {@code Dock Fault Cleared} events (their public contract,
 * docs/events.md): a maintenance job for the station's dock controller, one per fault (its id is the station and the
 * fault's start), opened at once by the one and cleared by the other.
 */
public record FaultNotice(String stationId, String fault, OffsetDateTime faultSince, GeoPoint position,
    OffsetDateTime reportedAt, boolean cleared) {
  public static final String SOURCE = "city.bikeshare";
  public static final String FAULT = "Dock Fault";
  public static final String CLEARED = "Dock Fault Cleared";
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

  public static FaultNotice of(BusEvent event) {
    if (!event.source().equals(SOURCE) || !(event.detailType().equals(FAULT) || event.detailType().equals(CLEARED))) {
      throw new InvalidInput("not a dock fault event: " + event.source() + " " + event.detailType());
    }
    JsonNode detail = event.detail();
    if (!detail.path("lat").isNumber() || !detail.path("lon").isNumber()) {
      throw new InvalidInput("dock fault event without numeric lat and lon");
    }
    boolean cleared = event.detailType().equals(CLEARED);
    return new FaultNotice(text(detail, "stationId"), cleared ? null : text(detail, "fault"), time(detail, "faultSince"),
        new GeoPoint(detail.path("lat").asDouble(), detail.path("lon").asDouble()), time(detail, "reportedAt"), cleared);
  }

  /** The one maintenance incident of this fault: "M-B1-fault-20261128T010000000Z". */
  public String incidentId() {
    return "M-" + stationId + "-fault-" + COMPACT_UTC.format(faultSince.withOffsetSameInstant(ZoneOffset.UTC));
  }

  public SystemReport report(ZoneId cityZone) {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("domain", "bikeshare");
    source.put("deviceId", stationId);
    source.put("deviceClass", "dock");
    source.put("fault", fault);
    return new SystemReport(incidentId(), SystemIncidents.MAINTENANCE, SOURCE, position,
        "dock controller of station " + stationId + " reports: " + fault, at(cityZone), source);
  }

  public OffsetDateTime at(ZoneId cityZone) {
    return reportedAt.atZoneSameInstant(cityZone).toOffsetDateTime();
  }

  private static OffsetDateTime time(JsonNode detail, String field) {
    try {
      return OffsetDateTime.parse(text(detail, field));
    } catch (DateTimeParseException e) {
      throw new InvalidInput("dock fault event " + field + " is not ISO-8601 with offset");
    }
  }

  private static String text(JsonNode detail, String field) {
    JsonNode value = detail.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInput("dock fault event without " + field);
    }
    return value.asText();
  }
}
