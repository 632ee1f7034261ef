package city.bikeshare.core.plan;

import city.bikeshare.core.BikeshareLayout;
import city.platform.GeoPoint;
import city.bikeshare.core.StationState;
import city.bikeshare.core.TruckState;
import city.bikeshare.core.demand.Target;
import city.bikeshare.core.rebalance.RebalanceProblem;
import city.bikeshare.core.rebalance.RebalanceSolution;
import city.bikeshare.core.rebalance.RebalanceSolver;
import city.bikeshare.core.rebalance.SolverSettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns current status, targets and the fleet into a plan: which stations need bikes moved and how many,
 * the solver's routes for them, and those routes given to the real trucks ({@link TruckAssignment}).
 * Deterministic for a given input as long as the solver stops on its iteration limits (a fixed seed).
 */
public final class PlanBuilder {
  private final BikeshareLayout layout;

  public PlanBuilder(BikeshareLayout layout) {
    this.layout = layout;
  }

  public Plan build(String planId, OffsetDateTime createdAt, String trigger, List<StationState> states,
      Map<String, Target> targets, List<TruckState> truckStates) {
    List<FleetTruck> fleet = fleet(truckStates);
    if (fleet.isEmpty()) {
      throw new IllegalStateException("the city file has no bike-share trucks");
    }
    int truckCapacity = fleet.stream().mapToInt(FleetTruck::capacity).min().orElseThrow();
    int offTarget = 0;
    for (StationState state : states) {
      Target target = targets.get(state.stationId());
      if (target != null && !target.covers(state.bikes())) {
        offTarget++;
      }
    }
    List<StationDemand> demands = demands(states, targets, truckCapacity);
    RebalanceProblem problem = problem(demands, truckCapacity);
    SolverSettings settings = SolverSettings.defaults()
        .withSeed(layout.planning().seed())
        .withTimeLimit(layout.planning().solverTime());
    long started = System.nanoTime();
    RebalanceSolution solution = RebalanceSolver.solve(problem, settings);
    long solverMillis = (System.nanoTime() - started) / 1_000_000;

    List<List<StationDemand>> routes = new ArrayList<>();
    for (List<Integer> route : solution.routes()) {
      routes.add(route.stream().map(vertex -> demands.get(vertex - 1)).toList());
    }
    List<TruckRoute> assigned = TruckAssignment.assign(routes, fleet, layout.depot());
    return new Plan(planId, createdAt, trigger, assigned,
        summary(assigned, states.size(), offTarget, solution, solverMillis));
  }

  /** Trucks that never reported are at their home position (the depot unless the city file says otherwise), empty. */
  List<FleetTruck> fleet(List<TruckState> truckStates) {
    Map<String, TruckState> reported = truckStates.stream()
        .collect(Collectors.toMap(TruckState::truckId, Function.identity(), (a, b) -> a));
    List<FleetTruck> fleet = new ArrayList<>();
    for (BikeshareLayout.Truck truck : layout.trucks()) {
      TruckState state = reported.get(truck.truckId());
      fleet.add(state == null
          ? new FleetTruck(truck.truckId(), truck.capacity(), truck.home(), 0)
          : new FleetTruck(truck.truckId(), truck.capacity(), state.position(), Math.min(state.load(), truck.capacity())));
    }
    return fleet;
  }

  /**
   * Stations outside their target window, with bikes to take (current minus target: positive picks up,
   * negative drops). A correction is capped by what one truck carries and, for drops, by the free docks the
   * station reported; corrections below {@code minMoveBikes} are not worth a stop.
   */
  List<StationDemand> demands(List<StationState> states, Map<String, Target> targets, int truckCapacity) {
    List<StationDemand> demands = new ArrayList<>();
    for (StationState state : states) {
      Target target = targets.get(state.stationId());
      BikeshareLayout.Station station = layout.station(state.stationId()).orElse(null);
      if (target == null || station == null || target.covers(state.bikes())) {
        continue;
      }
      int take = state.bikes() - target.bikes();
      take = take > 0 ? Math.min(take, truckCapacity) : -Math.min(Math.min(-take, truckCapacity), state.docks());
      if (Math.abs(take) >= Math.max(1, layout.planning().minMoveBikes())) {
        demands.add(new StationDemand(station.stationId(), station.position(), take));
      }
    }
    return demands;
  }

  /** Vertex 0 is the depot, vertex i the i-th demand; costs are great-circle meters. */
  RebalanceProblem problem(List<StationDemand> demands, int truckCapacity) {
    int n = demands.size() + 1;
    GeoPoint[] points = new GeoPoint[n];
    int[] bikes = new int[n];
    points[0] = layout.depot();
    for (int i = 1; i < n; i++) {
      points[i] = demands.get(i - 1).position();
      bikes[i] = demands.get(i - 1).bikesTaken();
    }
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        cost[i][j] = points[i].distanceMeters(points[j]);
        cost[j][i] = cost[i][j];
      }
    }
    return new RebalanceProblem(bikes, truckCapacity, cost);
  }

  private static PlanSummary summary(List<TruckRoute> routes, int reporting, int offTarget, RebalanceSolution solution,
      long solverMillis) {
    int visited = 0;
    int pickedUp = 0;
    int dropped = 0;
    int loadedAtDepot = 0;
    int unloadedAtDepot = 0;
    long distance = 0;
    for (TruckRoute route : routes) {
      visited += route.stops().size();
      distance += route.distanceMeters();
      for (Stop stop : route.stops()) {
        pickedUp += stop.pickup() == null ? 0 : stop.pickup();
        dropped += stop.drop() == null ? 0 : stop.drop();
      }
      int load = route.startLoad();
      int stopIndex = 0;
      for (Trip trip : route.trips()) {
        if (trip.viaDepot()) {
          loadedAtDepot += Math.max(0, trip.loadAtStart() - load);
          unloadedAtDepot += Math.max(0, load - trip.loadAtStart());
        }
        load = route.stops().get(stopIndex + trip.stops() - 1).loadAfter();
        stopIndex += trip.stops();
      }
    }
    return new PlanSummary(reporting, offTarget, visited, pickedUp, dropped, Math.max(pickedUp, dropped),
        loadedAtDepot, unloadedAtDepot, distance, routes.size(), solution.vehicles(), Math.round(solution.cost()),
        solverMillis);
  }
}
