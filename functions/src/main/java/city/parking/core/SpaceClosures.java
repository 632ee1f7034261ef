package city.parking.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which incidents close which spaces: one record per space and incident, so overlapping incidents are
 * independent and a space reopens only when the last one ends. An ended incident leaves a tombstone, so an
 * open that arrives after its own end (the bus does not keep order) closes nothing.
 */
public interface SpaceClosures {
  /** Closes the space for the incident unless the incident already closed it or already ended. */
  void close(String zone, String spaceId, String incidentId, Instant since);

  /** Ends the incident's closure of the space (also when it never arrived: the tombstone). */
  void reopen(String zone, String spaceId, String incidentId, Instant at);

  /** The incidents that close the space now, oldest first. */
  List<Closure> of(String zone, String spaceId);

  /** For each closed space of the zone, its oldest closure. */
  Map<String, Closure> zone(String zone);
}
