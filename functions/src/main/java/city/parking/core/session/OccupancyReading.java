package city.parking.core.session;

import city.platform.DeviceMessage;
import java.time.OffsetDateTime;

/**
 * One geomagnetic sensor reading. {@code seq} is the sensor's own counter, starting at 1: the order that
 * matters, since IoT Core does not keep the order of delivery.
 */
public record OccupancyReading(String spaceId, boolean occupied, OffsetDateTime ts, long seq) {
  public static OccupancyReading extract(DeviceMessage message) {
    return new OccupancyReading(
        message.deviceId(),
        message.bool("occupied"),
        message.timestamp("ts"),
        message.integer("seq", 1, Long.MAX_VALUE));
  }
}
