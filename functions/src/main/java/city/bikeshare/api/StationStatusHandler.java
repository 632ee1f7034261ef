package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.service.StationReports;
import city.bikeshare.core.store.StationStore;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.InvalidInput;

/**
 * bikeshare/stations/{stationId}/status: a dock controller reports bikes and free docks. The report becomes
 * the station's latest if it is newer, and its change since the previous report goes to the demand history.
 */
public final class StationStatusHandler extends DeviceMessageHandler {
  private final BikeshareLayout layout;
  private final StationReports reports;

  public StationStatusHandler() {
    this(City.current(), Wiring.stations(), Wiring.deadLetters());
  }

  public StationStatusHandler(City city, StationStore stations, DeadLetterStore deadLetters) {
    super(BikeshareDevices.DOCK, city, deadLetters);
    this.layout = BikeshareLayout.of(city);
    this.reports = new StationReports(layout.timeZone(), stations);
  }

  @Override
  protected void handle(DeviceMessage message) {
    reports.record(extract(message, layout));
  }

  /** Checks the counts against the station's capacity from the city file; anything else can never be true. */
  static StationStatus extract(DeviceMessage message, BikeshareLayout layout) {
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
