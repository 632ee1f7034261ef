package city.bikeshare.api;

import city.bikeshare.BikeshareModule;
import city.bikeshare.Wiring;
import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.store.StationStore;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;

/**
 * bikeshare/stations/{stationId}/status: a dock controller reports bikes and free docks. The report becomes
 * the station's latest if it is newer, and its change since the previous report goes to the demand history.
 */
public final class StationStatusHandler extends DeviceMessageHandler {
  private final BikeshareLayout layout;
  private final StationStore stations;

  public StationStatusHandler() {
    this(City.current(), Wiring.stations(), Wiring.deadLetters());
  }

  public StationStatusHandler(City city, StationStore stations, DeadLetterStore deadLetters) {
    super(BikeshareModule.DOCK, city, deadLetters);
    this.layout = BikeshareLayout.of(city);
    this.stations = stations;
  }

  @Override
  protected void handle(DeviceMessage message) {
    StationStatus status = StationStatus.extract(message, layout);
    stations.apply(status)
        .flatMap(state -> FlowSample.of(state, layout.timeZone()))
        .ifPresent(stations::recordFlow);
  }
}
