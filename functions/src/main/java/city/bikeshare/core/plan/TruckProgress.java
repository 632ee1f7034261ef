package city.bikeshare.core.plan;

import city.platform.GeoPoint;
import java.time.OffsetDateTime;

/** A truck's latest progress report on one plan: the first {@code completedStops} of its list are done. */
public record TruckProgress(
    String planId, String truckId, int completedStops, int load, GeoPoint position, OffsetDateTime reportedAt) {}
