package city.bikeshare.core;

import java.time.OffsetDateTime;

/**
 * One dock controller report: bikes docked and docks free at device time {@code ts}.
 *
 * @param fault what the controller says is wrong ({@code "fault"}, optional): a maintenance job at once; null when
 *     nothing is (a report without it clears an earlier fault)
 */
public record StationStatus(String stationId, int bikes, int docks, OffsetDateTime ts, String fault) {
  /** A report without a fault. */
  public StationStatus(String stationId, int bikes, int docks, OffsetDateTime ts) {
    this(stationId, bikes, docks, ts, null);
  }
}
