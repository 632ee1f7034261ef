package city.bikeshare.core.rebalance;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The solver on generated instances: optimal on tiny ones (checked by brute force), feasible, fast and repeatable on large ones. */
class RebalanceSolverTest {

  @Test
  void anInstanceWithoutStationsNeedsNoTruck() {
    RebalanceSolution solution = RebalanceSolver.solve(
        new RebalanceProblem(new int[]{0}, 10, new double[][]{{0}}), SolverSettings.defaults());
    assertEquals(List.of(), solution.routes());
    assertEquals(0, solution.cost());
  }

  @Test
  void aSingleStationIsOneRoundTrip() {
    double[][] cost = {{0, 4}, {7, 1e9}};
    RebalanceSolution solution = RebalanceSolver.solve(new RebalanceProblem(new int[]{0, -3}, 5, cost), SolverSettings.defaults());
    assertEquals(List.of(List.of(1)), solution.routes());
    assertEquals(11, solution.cost());
  }

  @Test
  void findsTheOptimumOfTinyInstancesFoundByBruteForce() {
    for (long seed = 1; seed <= 30; seed++) {
      RandomInstance instance = RandomInstance.generate(7, seed);
      RebalanceSolution solution = RebalanceSolver.solve(instance.problem(),
          SolverSettings.defaults().withEffortLimit(1_000_000));
      double optimum = bruteForceOptimum(instance);
      assertTrue(Feasibility.isFeasible(instance.problem(), solution), "seed " + seed);
      assertEquals(optimum, solution.cost(), 1e-6, "seed " + seed + ": " + solution.routes());
    }
  }

  @Test
  void solvesALargeAsymmetricInstanceFeasibly() {
    // time is measured by `./city bench rebalance`, not asserted here: a busy machine must not fail the build
    RandomInstance instance = RandomInstance.generate(120, 2024);
    RebalanceSolution solution = RebalanceSolver.solve(instance.problem(),
        SolverSettings.defaults().withTimeLimit(Duration.ofSeconds(60)));

    IndependentPlanChecker.Verdict verdict = IndependentPlanChecker.check(
        instance.demands(), instance.capacity(), instance.cost(), solution.routes());
    assertTrue(verdict.feasible(), verdict.problems().toString());
    assertEquals(verdict.recomputedCost(), solution.cost(), 1e-6);
    assertTrue(solution.cost() < singleStopRoutesCost(instance), "no better than one truck per station");
  }

  @Test
  void sameSeedGivesTheSamePlanOnALargeInstance() {
    RandomInstance instance = RandomInstance.generate(100, 77);
    SolverSettings settings = SolverSettings.defaults().withSeed(5).withEffortLimit(3_000_000)
        .withTimeLimit(Duration.ofSeconds(30));
    assertEquals(RebalanceSolver.solve(instance.problem(), settings).routes(),
        RebalanceSolver.solve(instance.problem(), settings).routes());
  }

  @Test
  void theTimeLimitCapsARunWhateverTheEffortLimit() {
    RandomInstance instance = RandomInstance.generate(120, 9);
    SolverSettings settings = new SolverSettings(1, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofMillis(300));
    long start = System.nanoTime();
    RebalanceSolution solution = RebalanceSolver.solve(instance.problem(), settings);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // unlimited effort would never stop by itself: any bound shows the cap works
    assertTrue(millis < 10_000, "took " + millis + " ms");
    assertTrue(Feasibility.isFeasible(instance.problem(), solution));
  }

  @Test
  void stationsWithoutDemandAreStillVisited() {
    RandomInstance instance = RandomInstance.generate(30, 3);
    int[] demands = instance.demands().clone();
    for (int station = 1; station < demands.length; station += 3) {
      demands[station] = 0;
    }
    RebalanceProblem problem = new RebalanceProblem(demands, instance.capacity(), instance.cost());
    RebalanceSolution solution = RebalanceSolver.solve(problem, SolverSettings.defaults().withEffortLimit(2_000_000));
    assertTrue(IndependentPlanChecker.check(demands, instance.capacity(), instance.cost(), solution.routes()).feasible());
  }

  private static double singleStopRoutesCost(RandomInstance instance) {
    double total = 0;
    for (int station = 1; station < instance.demands().length; station++) {
      total += instance.cost()[0][station] + instance.cost()[station][0];
    }
    return total;
  }

  /** Every order of the stations, cut into consecutive routes in every way: the cheapest feasible plan. */
  private static double bruteForceOptimum(RandomInstance instance) {
    int stations = instance.demands().length - 1;
    List<int[]> orders = new ArrayList<>();
    permute(new int[stations], new boolean[stations + 1], 0, orders);
    double best = Double.POSITIVE_INFINITY;
    for (int[] order : orders) {
      for (int cuts = 0; cuts < 1 << (stations - 1); cuts++) {
        double total = 0;
        int start = 0;
        boolean feasible = true;
        for (int end = 1; end <= stations && feasible; end++) {
          boolean cutHere = end == stations || (cuts & (1 << (end - 1))) != 0;
          if (cutHere) {
            int[] route = Arrays.copyOfRange(order, start, end);
            feasible = fits(instance, route);
            total += routeCost(instance.cost(), route);
            start = end;
          }
        }
        if (feasible) {
          best = Math.min(best, total);
        }
      }
    }
    return best;
  }

  /** Whether some number of bikes on leaving the depot keeps the load within [0, Q] at every stop. */
  private static boolean fits(RandomInstance instance, int[] route) {
    for (int start = 0; start <= instance.capacity(); start++) {
      int load = start;
      boolean within = true;
      for (int station : route) {
        load += instance.demands()[station];
        within &= load >= 0 && load <= instance.capacity();
      }
      if (within) {
        return true;
      }
    }
    return false;
  }

  private static double routeCost(double[][] cost, int[] route) {
    double total = cost[0][route[0]] + cost[route[route.length - 1]][0];
    for (int k = 1; k < route.length; k++) {
      total += cost[route[k - 1]][route[k]];
    }
    return total;
  }

  private static void permute(int[] order, boolean[] used, int depth, List<int[]> orders) {
    if (depth == order.length) {
      orders.add(order.clone());
      return;
    }
    for (int station = 1; station < used.length; station++) {
      if (!used[station]) {
        used[station] = true;
        order[depth] = station;
        permute(order, used, depth + 1, orders);
        used[station] = false;
      }
    }
  }

  /** Random stations on a 10 km square, costs the distance stretched by up to 25% per direction, demands in [-Q, Q]. */
  record RandomInstance(int[] demands, int capacity, double[][] cost) {

    static RandomInstance generate(int vertices, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int capacity = 5 + random.nextInt(26);
      double[] x = new double[vertices];
      double[] y = new double[vertices];
      int[] demands = new int[vertices];
      for (int v = 0; v < vertices; v++) {
        x[v] = random.nextDouble(10_000);
        y[v] = random.nextDouble(10_000);
        demands[v] = v == 0 ? 0 : random.nextInt(-capacity, capacity + 1);
      }
      double[][] cost = new double[vertices][vertices];
      for (int i = 0; i < vertices; i++) {
        for (int j = 0; j < vertices; j++) {
          cost[i][j] = i == j ? 1e9 : Math.round(Math.hypot(x[i] - x[j], y[i] - y[j]) * random.nextDouble(1.0, 1.25));
        }
      }
      return new RandomInstance(demands, capacity, cost);
    }

    RebalanceProblem problem() {
      return new RebalanceProblem(demands, capacity, cost);
    }
  }
}
