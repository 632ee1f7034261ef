package city.bikeshare.core.plan;

import city.platform.GeoPoint;

/** A station the plan corrects: {@code bikesTaken} > 0 bikes to pick up there, < 0 to drop (the solver's sign). */
public record StationDemand(String stationId, GeoPoint position, int bikesTaken) {}
