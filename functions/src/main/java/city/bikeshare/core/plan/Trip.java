package city.bikeshare.core.plan;

/**
 * A run of consecutive stops that the solver planned as one depot-to-depot route. With {@code viaDepot}
 * the truck first drives to the depot and loads or unloads there until it carries {@code loadAtStart};
 * without it, its load already fits and it drives straight on from where it is.
 */
public record Trip(int trip, boolean viaDepot, int loadAtStart, int stops, long distanceMeters) {}
