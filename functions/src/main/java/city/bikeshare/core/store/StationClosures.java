package city.bikeshare.core.store;

import city.bikeshare.core.closure.StationClosure;
import java.time.Instant;
import java.util.List;

/**
 * Which incidents close which stations: one record per station and incident, so overlapping incidents are
 * independent and a station reopens only when the last one ends. An ended incident leaves a tombstone, so an open
 * that arrives after its own end (the bus does not keep order) closes nothing.
 */
public interface StationClosures {
  /** Closes the station for the incident unless the incident already closed it or already ended. */
  void close(String stationId, String incidentId, String category, Instant since);

  /** Ends the incident's closure of the station (also when it never arrived: the tombstone). */
  void reopen(String stationId, String incidentId, String category, Instant at);

  /** Every closure in force, oldest first; read consistently, so a write just made is seen. */
  List<StationClosure> active();
}
