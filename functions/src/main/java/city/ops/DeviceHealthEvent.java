package city.ops;

import city.platform.BusEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the health check tells the city (docs/events.md, {@code city.ops} / {@value #SILENT} and {@value #BACK}): which
 * device, of what class, where (its city-file position, else the city centre), silent since when. The ids are the
 * device and the start of its silence, so a repeated report publishes the very same event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeviceHealthEvent(String deviceId, String deviceClass, double lat, double lon, Instant silentSince,
    Instant lastSeen, double silentAfterMinutes, Instant detectedAt) {
  static final String SOURCE = "city.ops";
  static final String SILENT = "Device Silent";
  static final String BACK = "Device Back";

  BusEvent silent() {
    return BusEvent.of(SOURCE, SILENT, detectedAt, deviceId + "/silent/" + silentSince.toEpochMilli(), this);
  }

  BusEvent back() {
    return BusEvent.of(SOURCE, BACK, detectedAt, deviceId + "/back/" + silentSince.toEpochMilli(), this);
  }
}
