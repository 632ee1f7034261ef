package city.bikeshare.core;

import city.platform.GeoPoint;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A truck's report: where it is, how many bikes it carries and, optionally, how far it got with a task list
 * ({@code planId} and {@code completedStops}, the number of that list's stops done, in order).
 */
public record TruckStatus(
    String truckId, GeoPoint position, int load, OffsetDateTime ts, Optional<String> planId, OptionalInt completedStops) {}
