package city.bikeshare.core.plan;

import java.util.List;

/**
 * Everything one truck does in a plan, in order. It starts where it last reported with {@code startLoad}
 * bikes and ends at its last stop with {@code endLoad}; {@code distanceMeters} is great-circle distance.
 */
public record TruckRoute(
    String truckId, int capacity, int startLoad, List<Stop> stops, List<Trip> trips, long distanceMeters, int endLoad) {

  public TruckRoute {
    stops = List.copyOf(stops);
    trips = List.copyOf(trips);
  }
}
