package city.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a domain reads of the ops health check's events (their public contract, docs/events.md rule 4): which
 * device, silent since when, and whether it went silent or came back. Consumers do not know the ops domain's types.
 */
public record DeviceHealthNotice(String deviceId, Instant silentSince, boolean back) {
  public static final String SOURCE = "city.ops";
  public static final String SILENT = "Device Silent";
  public static final String BACK = "Device Back";

  public static DeviceHealthNotice of(BusEvent event) {
    if (!event.source().equals(SOURCE) || !(event.detailType().equals(SILENT) || event.detailType().equals(BACK))) {
      throw new InvalidInput("not a device health event: " + event.source() + " " + event.detailType());
    }
    JsonNode detail = event.detail();
    JsonNode deviceId = detail.path("deviceId");
    if (!deviceId.isTextual() || deviceId.asText().isBlank()) {
      throw new InvalidInput("device health event without deviceId");
    }
    try {
      return new DeviceHealthNotice(deviceId.asText(), Instant.parse(detail.path("silentSince").asText()),
          event.detailType().equals(BACK));
    } catch (DateTimeParseException e) {
      throw new InvalidInput("device health event for " + deviceId.asText() + " without an ISO-8601 silentSince");
    }
  }
}
