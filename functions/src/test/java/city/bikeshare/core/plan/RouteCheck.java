package city.bikeshare.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives a truck route bike by bike: an independent check of loads, trips and declared figures. */
final class RouteCheck {
  private RouteCheck() {}

  static void assertDrivable(TruckRoute route) {
    int load = route.startLoad();
    int capacity = route.capacity();
    int index = 0;
    int tripNumber = 0;
    assertTrue(load >= 0 && load <= capacity, route.truckId() + " starts with " + load);
    for (Trip trip : route.trips()) {
      tripNumber++;
      assertEquals(tripNumber, trip.trip());
      if (trip.viaDepot()) {
        load = trip.loadAtStart();
      } else {
        assertEquals(load, trip.loadAtStart(), "a trip without the depot starts with the load the truck has");
      }
      assertTrue(load >= 0 && load <= capacity, "trip " + trip + " of " + route.truckId());
      for (int s = 0; s < trip.stops(); s++, index++) {
        Stop stop = route.stops().get(index);
        assertEquals(tripNumber, stop.trip());
        load += stop.bikesTaken();
        assertTrue(load >= 0 && load <= capacity, route.truckId() + " at " + stop + " carries " + load);
        assertEquals(load, stop.loadAfter(), "declared load after " + stop);
      }
    }
    assertEquals(route.stops().size(), index, "trips cover every stop");
    assertEquals(load, route.endLoad());
  }
}
