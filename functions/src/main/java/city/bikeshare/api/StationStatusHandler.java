package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.service.DockFaults;
import city.bikeshare.core.service.StationReports;
import city.bikeshare.core.store.StationStore;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.EventBridgePublisher;
import city.platform.EventPublisher;
import city.platform.InvalidInput;

/**
 * bikeshare/stations/{stationId}/status: a dock controller reports bikes and free docks, and optionally a
 * {@code fault}. The report becomes the station's latest if it is newer, its change since the previous report goes to
 * the demand history, and a fault that begins or ends goes on the city bus (a maintenance job).
 */
public final class StationStatusHandler extends DeviceMessageHandler {
  static final int MAX_FAULT = 200;
  private final BikeshareLayout layout;
  private final StationReports reports;
  private final DockFaults faults;

  public StationStatusHandler() {
    this(City.current(), Wiring.stations(), Wiring.deadLetters(), EventBridgePublisher.fromEnvironment());
  }

  public StationStatusHandler(City city, StationStore stations, DeadLetterStore deadLetters, EventPublisher events) {
    super(BikeshareDevices.DOCK, city, deadLetters);
    this.layout = BikeshareLayout.of(city);
    this.reports = new StationReports(layout.timeZone(), stations);
    this.faults = new DockFaults(events);
  }

  @Override
  protected void handle(DeviceMessage message) {
    StationStatus status = extract(message, layout);
    BikeshareLayout.Station station = layout.station(status.stationId()).orElseThrow();
    reports.record(status).ifPresent(state -> faults.publish(status, state, station.position().lat(), station.position().lon()));
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
    String fault = message.has("fault") ? message.text("fault") : null;
    if (fault != null && fault.length() > MAX_FAULT) {
      throw new InvalidInput("field fault must be at most " + MAX_FAULT + " characters");
    }
    return new StationStatus(station.stationId(), bikes, docks, message.timestamp("ts"), fault);
  }
}
