package city.bikeshare.core.rebalance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The solver's own plan check on hand-built plans, each verdict cross-checked with the independent checker. */
class FeasibilityTest {

  /** Stations 1 and 3 pick up 10 bikes, station 2 drops 10, station 4 picks up 3; trucks carry 10. */
  private static final int[] DEMANDS = {0, 10, -10, 10, 3};
  private static final int CAPACITY = 10;
  private static final double[][] COST = lineWithOutwardSteps(DEMANDS.length);
  private static final RebalanceProblem PROBLEM = new RebalanceProblem(DEMANDS, CAPACITY, COST);

  @Test
  void acceptsAPlanWhoseLoadsStayWithinCapacity() {
    List<List<Integer>> routes = List.of(List.of(1, 2, 3), List.of(4));
    assertAccepted(routes);
  }

  @Test
  void rejectsARouteThatNeedsMoreThanTheCapacity() {
    assertRejected(List.of(List.of(1, 2, 3, 4)), "load window of 13");
    // 1 then 3 picks up 20 bikes before anything is dropped.
    assertRejected(List.of(List.of(1, 3, 2), List.of(4)), "load window of 20");
  }

  @Test
  void rejectsARouteThatOnlyTheDroppedStationKeptFeasible() {
    // Without the drop-off at 2 between them, the two pickups no longer fit one truck.
    assertAccepted(List.of(List.of(1, 2, 3), List.of(4)));
    assertRejected(List.of(List.of(1, 3), List.of(2), List.of(4)), "load window of 20");
  }

  @Test
  void rejectsAMissingStation() {
    assertRejected(List.of(List.of(1, 2, 3)), "station 4 is visited 0 times");
  }

  @Test
  void rejectsAStationVisitedTwice() {
    assertRejected(List.of(List.of(1, 2, 3), List.of(4, 2)), "station 2 is visited 2 times");
  }

  @Test
  void rejectsTheDepotOrAnUnknownVertexInsideARoute() {
    assertRejected(List.of(List.of(1, 2, 3), List.of(0, 4)), "not a station");
    assertRejected(List.of(List.of(1, 2, 3), List.of(4, 5)), "not a station");
  }

  @Test
  void rejectsAnEmptyRoute() {
    assertRejected(List.of(List.of(1, 2, 3), List.of(4), List.of()), "route 2 is empty");
  }

  @Test
  void rejectsAWrongDeclaredCost() {
    List<List<Integer>> routes = List.of(List.of(1, 2, 3), List.of(4));
    double cost = Feasibility.totalCost(PROBLEM, routes);
    List<String> violations = Feasibility.violations(PROBLEM, new RebalanceSolution(routes, cost + 1));
    assertEquals(1, violations.size());
    assertTrue(violations.get(0).contains("differs from recomputed"), violations.toString());
  }

  @Test
  void costsFollowTheArcsInTheirDirection() {
    // Single steps outwards along the line are the cheap arcs, so the reverse order costs more.
    double forward = Feasibility.routeCost(PROBLEM, List.of(1, 2, 3, 4));
    double backward = Feasibility.routeCost(PROBLEM, List.of(4, 3, 2, 1));
    assertEquals(COST[0][1] + COST[1][2] + COST[2][3] + COST[3][4] + COST[4][0], forward);
    assertTrue(backward > forward, backward + " vs " + forward);
  }

  @Test
  void problemRejectsWhatNoPlanCouldServe() {
    assertThrows(IllegalArgumentException.class, () -> new RebalanceProblem(new int[]{0, 11}, 10, lineWithOutwardSteps(2)));
    assertThrows(IllegalArgumentException.class, () -> new RebalanceProblem(new int[]{1, 1}, 10, lineWithOutwardSteps(2)));
    assertThrows(IllegalArgumentException.class, () -> new RebalanceProblem(new int[]{0, 1}, 10, lineWithOutwardSteps(3)));
  }

  private static void assertAccepted(List<List<Integer>> routes) {
    RebalanceSolution solution = new RebalanceSolution(routes, Feasibility.totalCost(PROBLEM, routes));
    assertEquals(List.of(), Feasibility.violations(PROBLEM, solution));
    assertTrue(IndependentPlanChecker.check(DEMANDS, CAPACITY, COST, routes).feasible());
  }

  private static void assertRejected(List<List<Integer>> routes, String reason) {
    RebalanceSolution solution = new RebalanceSolution(routes, 0);
    List<String> violations = Feasibility.violations(PROBLEM, solution);
    assertTrue(violations.stream().anyMatch(violation -> violation.contains(reason)), violations.toString());
    assertFalse(Feasibility.isFeasible(PROBLEM, solution));
    assertFalse(IndependentPlanChecker.check(DEMANDS, CAPACITY, COST, routes).feasible());
  }

  /** Vertices on a line 10 apart; every arc but a single step outwards costs 5 more; the diagonal is huge like the benchmark's. */
  static double[][] lineWithOutwardSteps(int n) {
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cost[i][j] = i == j ? 1e9 : 10.0 * Math.abs(i - j) + (j == i + 1 ? 0 : 5);
      }
    }
    return cost;
  }
}
