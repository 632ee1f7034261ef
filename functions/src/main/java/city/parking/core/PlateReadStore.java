package city.parking.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every camera read, under its space (to re-match after a correction) and indexed by plate (so a citizen's
 * sessions are found from the plates in their token, and from nothing else).
 */
public interface PlateReadStore {
  /** Keeps a read once; false when it was already kept. */
  boolean keep(PlateRead read);

  /** Reads of a space at or after {@code from}, oldest first. */
  List<PlateRead> ofSpace(String spaceId, OffsetDateTime from);

  /** Reads of a plate still in the plate index, at or after {@code since}. */
  List<PlateRead> ofPlate(String plate, Instant since);

  /** Takes a read out of the plate index once its session is settled; the read itself stays. */
  void settle(PlateRead read);
}
