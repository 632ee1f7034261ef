package city.bikeshare.core.demand;

import java.time.Instant;

/**
 * Bikes a truck put into ({@code bikesAdded} > 0) or took from a station. Riders did not cause them, so the
 * history subtracts them from the station's observed change in that hour; otherwise the planner would
 * learn its own drops as rider demand and undo them. One per completed stop: recording it twice is harmless.
 */
public record TruckMove(
    String stationId, int hourOfWeek, Instant hourStart, String planId, int stopIndex, int bikesAdded, Instant expiresAt) {}
