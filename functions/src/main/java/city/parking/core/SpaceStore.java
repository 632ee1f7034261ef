package city.parking.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each space's head item (kept per zone, so a zone's availability is one query) and the readings kept as
 * their own items.
 */
public interface SpaceStore {
  /** Strongly consistent: every decision about a reading starts here. */
  Optional<SpaceHead> head(String zone, String spaceId);

  /**
   * Writes {@code head} (whose version is one more than the stored one) if the stored head is still at
   * {@code head.version() - 1}; false when another handler changed it first.
   */
  boolean putHead(SpaceHead head);

  List<SpaceHead> zone(String zone);

  /** Heads that have waited for a missing reading since before {@code before}. */
  List<SpaceHead> waitingSince(Instant before);

  /** Keeps a reading once; false when that seq was already kept (a duplicate). */
  boolean keepReading(String spaceId, StoredReading reading);

  /** Kept readings with {@code from <= seq <= to}, in seq order; strongly consistent. */
  List<StoredReading> readings(String spaceId, long from, long to);
}
