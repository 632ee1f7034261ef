package city.bikeshare.core.service;

import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.store.StationStore;
import java.time.ZoneId;

/**
 * A dock controller's report becomes the station's latest if it is newer, and its change since the previous
 * report goes to the demand history.
 */
public final class StationReports {
  private final ZoneId zone;
  private final StationStore stations;

  public StationReports(ZoneId zone, StationStore stations) {
    this.zone = zone;
    this.stations = stations;
  }

  public void record(StationStatus status) {
    stations.apply(status)
        .flatMap(state -> FlowSample.of(state, zone))
        .ifPresent(stations::recordFlow);
  }
}
