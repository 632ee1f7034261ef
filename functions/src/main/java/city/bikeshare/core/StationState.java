package city.bikeshare.core;

import java.time.OffsetDateTime;

/**
 * The latest report of a station as stored, with the report before it: the pair is what the demand
 * history learns from, and keeping it on the item lets a retried message rebuild the same history entry.
 *
 * @param faultSince the report time that began the fault the station reports now; null without one
 * @param clearedFaultSince the start of the fault that this latest report ended (it carried none); null otherwise
 */
public record StationState(
    String stationId, int bikes, int docks, OffsetDateTime reportedAt, int previousBikes, OffsetDateTime previousAt,
    String fault, OffsetDateTime faultSince, OffsetDateTime clearedFaultSince) {

  /** A station without faults. */
  public StationState(String stationId, int bikes, int docks, OffsetDateTime reportedAt, int previousBikes,
      OffsetDateTime previousAt) {
    this(stationId, bikes, docks, reportedAt, previousBikes, previousAt, null, null, null);
  }

  /** The first report of a station has no predecessor: it is its own. */
  public boolean hasPrevious() {
    return reportedAt.toInstant().isAfter(previousAt.toInstant());
  }
}
