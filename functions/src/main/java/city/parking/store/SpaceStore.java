package city.parking.store;

import city.parking.OccupancyReading;
import city.parking.SpaceState;
import java.util.List;
import java.util.Optional;

/** Current state of each space, kept per zone so that a zone's availability is one query. */
public interface SpaceStore {
  /**
   * Applies a reading if it is newer (by seq) than what is stored, in one conditional write.
   *
   * @return false when the reading was a duplicate or older than the stored state
   */
  boolean apply(String zone, OccupancyReading reading);

  Optional<SpaceState> space(String zone, String spaceId);

  List<SpaceState> zone(String zone);
}
