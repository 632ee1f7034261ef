package city.bikeshare.core;

import java.time.OffsetDateTime;

/** One dock controller report: bikes docked and docks free at device time {@code ts}. */
public record StationStatus(String stationId, int bikes, int docks, OffsetDateTime ts) {}
