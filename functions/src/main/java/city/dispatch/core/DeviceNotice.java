package city.dispatch.core;

import city.platform.BusEvent;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What dispatch reads of the health check's {@code Device Silent} and {@code Device Back} events (their public
 * contract, docs/events.md): a maintenance job for the device, one per silence (its id is the device and the start of
 * the silence), opened by the one and cleared by the other.
 */
public record DeviceNotice(String deviceId, String deviceClass, GeoPoint position, Instant silentSince,
    Instant detectedAt, boolean back) {
  public static final String SOURCE = "city.ops";
  public static final String SILENT = "Device Silent";
  public static final String BACK = "Device Back";
  private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

  public static DeviceNotice of(BusEvent event) {
    if (!event.source().equals(SOURCE) || !(event.detailType().equals(SILENT) || event.detailType().equals(BACK))) {
      throw new InvalidInput("not a device health event: " + event.source() + " " + event.detailType());
    }
    JsonNode detail = event.detail();
    if (!detail.path("lat").isNumber() || !detail.path("lon").isNumber()) {
      throw new InvalidInput("device health event without numeric lat and lon");
    }
    return new DeviceNotice(text(detail, "deviceId"), text(detail, "deviceClass"),
        new GeoPoint(detail.path("lat").asDouble(), detail.path("lon").asDouble()), instant(detail, "silentSince"),
        instant(detail, "detectedAt"), event.detailType().equals(BACK));
  }

  /** The one maintenance incident of this silence: "M-D7-20261128T010000000Z". */
  public String incidentId() {
    return "M-" + deviceId + "-" + COMPACT_UTC.format(silentSince.atOffset(ZoneOffset.UTC));
  }

  public SystemReport report(ZoneId cityZone) {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("domain", "ops");
    source.put("deviceId", deviceId);
    source.put("deviceClass", deviceClass);
    return new SystemReport(incidentId(), SystemIncidents.MAINTENANCE, SOURCE, position,
        deviceClass + " " + deviceId + " silent since " + silentSince, at(cityZone), source);
  }

  public OffsetDateTime at(ZoneId cityZone) {
    return detectedAt.atZone(cityZone).toOffsetDateTime();
  }

  private static Instant instant(JsonNode detail, String field) {
    try {
      return Instant.parse(text(detail, field));
    } catch (DateTimeParseException e) {
      throw new InvalidInput("device health event " + field + " is not an ISO-8601 instant");
    }
  }

  private static String text(JsonNode detail, String field) {
    JsonNode value = detail.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInput("device health event without " + field);
    }
    return value.asText();
  }
}
