package city.bikeshare.core.service;

import city.bikeshare.core.StationState;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.store.StationStore;
import java.time.ZoneId;
import java.util.Optional;

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

  /** @return the station's state when the report became (or, redelivered, still is) its latest */
  public Optional<StationState> record(StationStatus status) {
    Optional<StationState> state = stations.apply(status);
    state.flatMap(s -> FlowSample.of(s, zone)).ifPresent(stations::recordFlow);
    return state;
  }
}
