package city.bikeshare.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.platform.GeoPoint;
import city.bikeshare.core.StationState;
import city.bikeshare.core.TruckState;
import city.bikeshare.core.demand.Target;
import city.bikeshare.core.demand.TargetEstimator;
import city.bikeshare.core.rebalance.RebalanceProblem;
import city.platform.City;
import city.platform.TestCity;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T08:00:00+08:00");

  private final BikeshareLayout layout = BikeshareLayout.of(TestCity.sample());
  private final PlanBuilder builder = new PlanBuilder(layout);

  private StationState state(String stationId, int bikes, int docks) {
    return new StationState(stationId, bikes, docks, NOW.minusMinutes(1), bikes, NOW.minusMinutes(1));
  }

  /** Half-full targets: what a city without history gets. */
  private Map<String, Target> halfFull(BikeshareLayout layout, List<StationState> states) {
    TargetEstimator estimator = new TargetEstimator(layout.timeZone(), Duration.ofHours(2));
    Map<String, Target> targets = new HashMap<>();
    for (StationState s : states) {
      targets.put(s.stationId(), estimator.target(layout.station(s.stationId()).orElseThrow(), List.of(), NOW.toInstant()));
    }
    return targets;
  }

  private List<StationState> morning() {
    return List.of(
        state("B1", 16, 0),   // capacity 16, full: pick up 8
        state("B2", 0, 16),   // empty: drop 8
        state("B3", 20, 0),   // capacity 20, full: pick up 10
        state("B4", 1, 15),   // drop 7
        state("B5", 10, 10),  // half full: fine
        state("B6", 7, 5),    // capacity 12, target 6: one bike off is not worth a stop
        state("B7", 0, 3),    // drop 8 wanted, but only 3 docks work
        state("B9", 20, 0));  // pick up 10
  }

  @Test
  void demandsArePickupsPositiveDropsNegativeCappedByTruckAndDocks() {
    List<StationState> states = morning();
    List<StationDemand> demands = builder.demands(states, halfFull(layout, states), 16);
    Map<String, Integer> byStation = demands.stream()
        .collect(Collectors.toMap(StationDemand::stationId, StationDemand::bikesTaken));
    assertEquals(Map.of("B1", 8, "B2", -8, "B3", 10, "B4", -7, "B7", -3, "B9", 10), byStation);
    assertEquals(List.of(6), builder.demands(List.of(state("B3", 20, 0)), halfFull(layout, List.of(state("B3", 20, 0))), 6)
        .stream().map(StationDemand::bikesTaken).toList(), "no correction beyond what one truck carries");
  }

  @Test
  void theSolverSeesTheDepotAsVertexZeroMetersAsCostsAndTheSmallestTruck() {
    List<StationDemand> demands = List.of(
        new StationDemand("B1", layout.station("B1").orElseThrow().position(), 8),
        new StationDemand("B2", layout.station("B2").orElseThrow().position(), -8));
    RebalanceProblem problem = builder.problem(demands, 16);
    assertEquals(3, problem.vertexCount());
    assertEquals(16, problem.capacity());
    assertEquals(0, problem.demand(0));
    assertEquals(8, problem.demand(1));
    assertEquals(-8, problem.demand(2));
    double depotToB1 = layout.depot().distanceMeters(layout.station("B1").orElseThrow().position());
    assertEquals(depotToB1, problem.cost(0, 1), 1e-6);
    assertEquals(problem.cost(1, 2), problem.cost(2, 1), 1e-9);
    assertTrue(depotToB1 > 500 && depotToB1 < 2000, "B1 is about a kilometer from the depot: " + depotToB1);
  }

  @Test
  void everyCorrectionIsOnExactlyOneDrivableTruckRoute() {
    List<StationState> states = morning();
    Map<String, Target> targets = halfFull(layout, states);
    List<TruckState> trucks = List.of(
        new TruckState("T1", layout.station("B1").orElseThrow().position(), 5, NOW.minusMinutes(2)));
    Plan plan = builder.build("P1", NOW, "test", states, targets, trucks);

    Map<String, Integer> visited = new HashMap<>();
    for (TruckRoute route : plan.routes()) {
      RouteCheck.assertDrivable(route);
      assertEquals(layout.truck(route.truckId()).orElseThrow().capacity(), route.capacity());
      route.stops().forEach(stop -> assertEquals(null, visited.put(stop.stationId(), stop.bikesTaken()), "visited twice"));
    }
    assertEquals(Map.of("B1", 8, "B2", -8, "B3", 10, "B4", -7, "B7", -3, "B9", 10), visited);
    assertEquals(5, plan.route("T1").map(TruckRoute::startLoad).orElse(5), "T1 starts with what it reported");

    PlanSummary summary = plan.summary();
    assertEquals(8, summary.stationsReporting());
    assertEquals(7, summary.stationsOffTarget(), "B6 is off target but not worth a stop");
    assertEquals(6, summary.stationsVisited());
    assertEquals(28, summary.bikesPickedUp());
    assertEquals(18, summary.bikesDropped());
    assertEquals(28, summary.bikesMoved());
    assertEquals(plan.routes().stream().mapToLong(TruckRoute::distanceMeters).sum(), summary.distanceMeters());
    int endLoads = plan.routes().stream().mapToInt(TruckRoute::endLoad).sum();
    int startLoads = plan.routes().stream().mapToInt(TruckRoute::startLoad).sum();
    assertEquals(startLoads + summary.bikesLoadedAtDepot() - summary.bikesUnloadedAtDepot()
        + summary.bikesPickedUp() - summary.bikesDropped(), endLoads, "every bike is accounted for");
  }

  @Test
  void theSamePictureGivesTheSamePlan() {
    List<StationState> states = morning();
    Map<String, Target> targets = halfFull(layout, states);
    Plan first = builder.build("P1", NOW, "test", states, targets, List.of());
    Plan second = builder.build("P1", NOW, "test", states, targets, List.of());
    assertEquals(first.routes(), second.routes());
  }

  @Test
  void nothingOffTargetGivesAnEmptyPlan() {
    List<StationState> states = List.of(state("B1", 8, 8), state("B5", 10, 10));
    Plan plan = builder.build("P1", NOW, "test", states, halfFull(layout, states), List.of());
    assertEquals(List.of(), plan.routes());
    assertEquals(0, plan.summary().bikesMoved());
  }

  /** Random cities with fleets of mixed capacities: whatever the solver returns, the trucks can drive it. */
  @Test
  void randomCitiesAlwaysGetDrivablePlansThatCoverEveryCorrection() {
    SplittableRandom random = new SplittableRandom(20261128);
    for (int round = 0; round < 30; round++) {
      ObjectNode root = TestCity.sample().root().deepCopy();
      ObjectNode section = (ObjectNode) root.get("bikeshare");
      ((ObjectNode) section.get("planning")).put("solverMillis", 100);
      ArrayNode stations = section.putArray("stations");
      List<StationState> states = new ArrayList<>();
      int count = 5 + random.nextInt(40);
      for (int i = 0; i < count; i++) {
        int capacity = 8 + random.nextInt(25);
        int bikes = random.nextInt(capacity + 1);
        stations.addObject().put("stationId", "R" + i).put("lat", 36.45 + random.nextDouble() * 0.1)
            .put("lon", 118.48 + random.nextDouble() * 0.1).put("capacity", capacity);
        states.add(state("R" + i, bikes, capacity - bikes));
      }
      ArrayNode trucks = section.putArray("trucks");
      int fleet = 1 + random.nextInt(4);
      for (int t = 0; t < fleet; t++) {
        trucks.addObject().put("truckId", "RT" + t).put("capacity", 6 + random.nextInt(20));
      }
      BikeshareLayout randomLayout = BikeshareLayout.of(City.parse(root));
      PlanBuilder randomBuilder = new PlanBuilder(randomLayout);
      List<TruckState> reported = List.of(new TruckState("RT0", new GeoPoint(36.5, 118.5), random.nextInt(6), NOW));
      Map<String, Target> targets = halfFull(randomLayout, states);
      int smallest = randomLayout.trucks().stream().mapToInt(BikeshareLayout.Truck::capacity).min().orElseThrow();
      Map<String, Integer> expected = randomBuilder.demands(states, targets, smallest).stream()
          .collect(Collectors.toMap(StationDemand::stationId, StationDemand::bikesTaken));
      Plan plan = randomBuilder.build("P" + round, NOW, "test", states, targets, reported);
      Map<String, Integer> visited = new HashMap<>();
      for (TruckRoute route : plan.routes()) {
        RouteCheck.assertDrivable(route);
        route.stops().forEach(stop -> assertEquals(null, visited.put(stop.stationId(), stop.bikesTaken())));
      }
      assertEquals(expected, visited, "round " + round);
    }
  }
}
