package city.bikeshare.core;

import java.time.OffsetDateTime;

/**
 * The latest report of a station as stored, with the report before it: the pair is what the demand
 * history learns from, and keeping it on the item lets a retried message rebuild the same history entry.
 */
public record StationState(
    String stationId, int bikes, int docks, OffsetDateTime reportedAt, int previousBikes, OffsetDateTime previousAt) {

  /** The first report of a station has no predecessor: it is its own. */
  public boolean hasPrevious() {
    return reportedAt.toInstant().isAfter(previousAt.toInstant());
  }
}
