package city.bikeshare.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruckAssignmentTest {
  static final GeoPoint DEPOT = new GeoPoint(36.514, 118.543);
  static final GeoPoint NORTH = new GeoPoint(36.524, 118.543);
  static final GeoPoint NORTH_EAST = new GeoPoint(36.524, 118.553);
  static final GeoPoint SOUTH = new GeoPoint(36.504, 118.543);
  static final GeoPoint SOUTH_WEST = new GeoPoint(36.504, 118.533);

  private static StationDemand demand(String id, GeoPoint at, int bikesTaken) {
    return new StationDemand(id, at, bikesTaken);
  }

  @Test
  void aTruckWhoseLoadFitsDrivesStraightFromWhereItIs() {
    FleetTruck truck = new FleetTruck("T1", 10, NORTH, 0);
    List<TruckRoute> routes = TruckAssignment.assign(
        List.of(List.of(demand("A", NORTH_EAST, 5), demand("B", SOUTH, -5))), List.of(truck), DEPOT);
    TruckRoute route = routes.get(0);
    RouteCheck.assertDrivable(route);
    assertFalse(route.trips().get(0).viaDepot());
    double expected = NORTH.distanceMeters(NORTH_EAST) + NORTH_EAST.distanceMeters(SOUTH);
    assertEquals(Math.round(expected), route.distanceMeters());
    assertEquals(0, route.endLoad());
  }

  @Test
  void aTruckThatLacksTheBikesForItsFirstDropLoadsThemAtTheDepot() {
    FleetTruck truck = new FleetTruck("T1", 10, NORTH, 1);
    TruckRoute route = TruckAssignment.assign(List.of(List.of(demand("A", SOUTH, -4))), List.of(truck), DEPOT).get(0);
    RouteCheck.assertDrivable(route);
    Trip trip = route.trips().get(0);
    assertTrue(trip.viaDepot());
    assertEquals(4, trip.loadAtStart(), "the nearest load that covers the drop");
    assertEquals(Math.round(NORTH.distanceMeters(DEPOT) + DEPOT.distanceMeters(SOUTH)), route.distanceMeters());
  }

  @Test
  void aFullTruckUnloadsAtTheDepotBeforeAPickup() {
    FleetTruck truck = new FleetTruck("T1", 10, DEPOT, 9);
    TruckRoute route = TruckAssignment.assign(List.of(List.of(demand("A", SOUTH, 6))), List.of(truck), DEPOT).get(0);
    RouteCheck.assertDrivable(route);
    assertTrue(route.trips().get(0).viaDepot());
    assertEquals(4, route.trips().get(0).loadAtStart());
    assertEquals(10, route.endLoad());
  }

  @Test
  void moreRoutesThanTrucksRunBackToBackAndWorkIsShared() {
    List<List<StationDemand>> routes = List.of(
        List.of(demand("A", NORTH, 8), demand("B", NORTH_EAST, -8)),
        List.of(demand("C", SOUTH, 6), demand("D", SOUTH_WEST, -6)),
        List.of(demand("E", NORTH_EAST, -3)),
        List.of(demand("F", SOUTH_WEST, 4)));
    List<FleetTruck> fleet = List.of(new FleetTruck("T1", 10, DEPOT, 0), new FleetTruck("T2", 8, DEPOT, 0));
    List<TruckRoute> assigned = TruckAssignment.assign(routes, fleet, DEPOT);
    assertEquals(2, assigned.size(), "both trucks work");
    int stops = 0;
    for (TruckRoute route : assigned) {
      RouteCheck.assertDrivable(route);
      stops += route.stops().size();
    }
    assertEquals(6, stops);
    assertTrue(assigned.stream().anyMatch(r -> r.trips().size() > 1), "four routes on two trucks");
  }

  @Test
  void routesAreGivenOnlyToTrucksTheyFit() {
    List<List<StationDemand>> routes = List.of(List.of(demand("A", NORTH, 12), demand("B", SOUTH, -12)));
    List<FleetTruck> fleet = List.of(new FleetTruck("SMALL", 8, NORTH, 0), new FleetTruck("BIG", 12, DEPOT, 0));
    List<TruckRoute> assigned = TruckAssignment.assign(routes, fleet, DEPOT);
    assertEquals("BIG", assigned.get(0).truckId(), "the nearer truck is too small");
    RouteCheck.assertDrivable(assigned.get(0));
  }
}
