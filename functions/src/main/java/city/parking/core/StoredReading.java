package city.parking.core;

import city.parking.core.session.OccupancyReading;
import java.time.Instant;

/** A reading kept as its own item: waiting for a missing predecessor, or a repeat that no session records. */
public record StoredReading(OccupancyReading reading, Instant arrivedAt) {}
