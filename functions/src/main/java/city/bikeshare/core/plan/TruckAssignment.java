package city.bikeshare.core.plan;

import city.platform.GeoPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Gives the solver's depot-to-depot routes to the real fleet. The solver assumes unlimited identical
 * trucks; it is run with the smallest real capacity, so every route fits every truck, and this step
 * decides who drives what:
 * <ul>
 *   <li>Routes are handed out longest first, each to the truck that would finish it earliest (distance
 *       driven so far plus getting there plus the route), which keeps the trucks' workloads even. Costs
 *       are symmetric (great-circle meters), so a route may be driven either way round: the direction
 *       that finishes earlier wins, typically the one that starts near the truck with a load it has.</li>
 *   <li>A route's load window is the range of loads a truck may start it with and never go below zero or
 *       above its capacity. A truck whose current load is inside drives straight from where it is (its
 *       position, or the last stop of its previous route) to the first station; otherwise it goes to the
 *       depot first and loads or unloads to the nearest load inside the window.</li>
 *   <li>Several routes of one truck run back to back as trips; a truck ends at its last stop, and the next
 *       plan starts from the position and load it reports.</li>
 * </ul>
 */
final class TruckAssignment {
  private TruckAssignment() {}

  private static final class Schedule {
    final FleetTruck truck;
    GeoPoint at;
    int load;
    double driven;
    final List<Stop> stops = new ArrayList<>();
    final List<Trip> trips = new ArrayList<>();

    Schedule(FleetTruck truck) {
      this.truck = truck;
      this.at = truck.position();
      this.load = truck.load();
    }
  }

  /** Loads a truck of this capacity may start the route with. */
  record LoadWindow(int low, int high) {
    static LoadWindow of(List<StationDemand> route, int capacity) {
      int running = 0;
      int highest = 0;
      int lowest = 0;
      for (StationDemand stop : route) {
        running += stop.bikesTaken();
        highest = Math.max(highest, running);
        lowest = Math.min(lowest, running);
      }
      return new LoadWindow(-lowest, capacity - highest);
    }

    boolean contains(int load) {
      return load >= low && load <= high;
    }

    int nearest(int load) {
      return Math.max(low, Math.min(high, load));
    }
  }

  static List<TruckRoute> assign(List<List<StationDemand>> routes, List<FleetTruck> fleet, GeoPoint depot) {
    List<Schedule> schedules = fleet.stream().map(Schedule::new).toList();
    List<List<StationDemand>> longestFirst = new ArrayList<>(routes);
    longestFirst.sort(Comparator.comparingDouble((List<StationDemand> r) -> depotToDepot(r, depot)).reversed());
    for (List<StationDemand> route : longestFirst) {
      Schedule best = null;
      List<StationDemand> bestDirection = route;
      double bestFinish = Double.POSITIVE_INFINITY;
      for (List<StationDemand> direction : List.of(route, reversed(route))) {
        for (Schedule schedule : schedules) {
          LoadWindow window = LoadWindow.of(direction, schedule.truck.capacity());
          if (window.low > window.high) {
            continue;
          }
          double finish = schedule.driven + approach(schedule, direction, window, depot) + body(direction);
          if (finish < bestFinish) {
            bestFinish = finish;
            best = schedule;
            bestDirection = direction;
          }
        }
      }
      if (best == null) {
        throw new IllegalStateException("no truck can carry a route whose load window is wider than every capacity");
      }
      drive(best, bestDirection, depot);
    }
    List<TruckRoute> assigned = new ArrayList<>();
    for (Schedule schedule : schedules) {
      if (!schedule.stops.isEmpty()) {
        assigned.add(new TruckRoute(schedule.truck.truckId(), schedule.truck.capacity(), schedule.truck.load(),
            schedule.stops, schedule.trips, Math.round(schedule.driven), schedule.load));
      }
    }
    return assigned;
  }

  private static double approach(Schedule schedule, List<StationDemand> route, LoadWindow window, GeoPoint depot) {
    GeoPoint first = route.get(0).position();
    if (window.contains(schedule.load)) {
      return schedule.at.distanceMeters(first);
    }
    return schedule.at.distanceMeters(depot) + depot.distanceMeters(first);
  }

  private static void drive(Schedule schedule, List<StationDemand> route, GeoPoint depot) {
    LoadWindow window = LoadWindow.of(route, schedule.truck.capacity());
    boolean viaDepot = !window.contains(schedule.load);
    double distance = approach(schedule, route, window, depot) + body(route);
    if (viaDepot) {
      schedule.load = window.nearest(schedule.load);
    }
    int trip = schedule.trips.size() + 1;
    schedule.trips.add(new Trip(trip, viaDepot, schedule.load, route.size(), Math.round(distance)));
    for (StationDemand stop : route) {
      schedule.load += stop.bikesTaken();
      schedule.stops.add(Stop.of(stop.stationId(), stop.bikesTaken(), trip, schedule.load));
    }
    schedule.driven += distance;
    schedule.at = route.get(route.size() - 1).position();
  }

  private static List<StationDemand> reversed(List<StationDemand> route) {
    List<StationDemand> reversed = new ArrayList<>(route);
    Collections.reverse(reversed);
    return reversed;
  }

  private static double body(List<StationDemand> route) {
    double meters = 0;
    for (int i = 1; i < route.size(); i++) {
      meters += route.get(i - 1).position().distanceMeters(route.get(i).position());
    }
    return meters;
  }

  private static double depotToDepot(List<StationDemand> route, GeoPoint depot) {
    return depot.distanceMeters(route.get(0).position()) + body(route)
        + route.get(route.size() - 1).position().distanceMeters(depot);
  }
}
