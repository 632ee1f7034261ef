package city.bikeshare.core;

import city.platform.DeviceMessage;
import city.platform.InvalidInput;
import java.time.OffsetDateTime;

/** One dock controller report: bikes docked and docks free at device time {@code ts}. */
public record StationStatus(String stationId, int bikes, int docks, OffsetDateTime ts) {

  /** Checks the counts against the station's capacity from the city file; anything else can never be true. */
  public static StationStatus extract(DeviceMessage message, BikeshareLayout layout) {
    BikeshareLayout.Station station = layout.station(message.deviceId())
        .orElseThrow(() -> new InvalidInput("dock " + message.deviceId() + " is no bike station of the city file"));
    int capacity = station.capacity();
    int bikes = (int) message.integer("bikes", 0, capacity);
    int docks = (int) message.integer("docks", 0, capacity);
    if (bikes + docks > capacity) {
      throw new InvalidInput("bikes + docks = " + (bikes + docks) + " exceeds the station's capacity " + capacity);
    }
    return new StationStatus(station.stationId(), bikes, docks, message.timestamp("ts"));
  }
}
