package city.dispatch.core;

import city.platform.DeviceMessage;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A safety sensor's alert (FIWARE Alert vocabulary). {@code ts} is the sensor's clock: repeats of one sensor
 * are compared by it. Position defaults to where the city file installed the sensor.
 */
public record AlertReport(
    String sensorId,
    String category,
    String subCategory,
    Severity severity,
    GeoPoint position,
    String description,
    OffsetDateTime ts,
    Instant receivedAt) {

  static final int MAX_DESCRIPTION = 500;

  public static AlertReport extract(DeviceMessage message, DispatchSettings settings) {
    GeoPoint position;
    if (message.has("lat") || message.has("lon")) {
      position = new GeoPoint(message.number("lat", -90, 90), message.number("lon", -180, 180));
    } else {
      position = settings.sensors().get(message.deviceId());
      if (position == null) {
        throw new InvalidInput("sensor " + message.deviceId() + " has no position: send lat and lon");
      }
    }
    String description = message.has("description") ? message.text("description") : null;
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InvalidInput("field description must be at most " + MAX_DESCRIPTION + " characters");
    }
    return new AlertReport(
        message.deviceId(),
        message.text("category"),
        message.has("subCategory") ? message.text("subCategory") : null,
        Severity.fromWireName(message.text("severity")),
        position,
        description,
        message.timestamp("ts"),
        message.receivedAt());
  }
}
