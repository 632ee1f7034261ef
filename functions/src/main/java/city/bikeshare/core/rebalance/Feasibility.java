package city.bikeshare.core.rebalance;

import java.util.ArrayList;
import java.util.List;

/**
 * The solver's own check of a plan: every station exactly once, no empty route, each route's load
 * window (highest minus lowest running sum of demands, the empty prefix counting as 0) within the
 * capacity, and the declared cost equal to the recomputed one.
 */
public final class Feasibility {

  private static final double RELATIVE_COST_TOLERANCE = 1e-9;

  private Feasibility() {}

  public static boolean isFeasible(RebalanceProblem problem, RebalanceSolution solution) {
    return violations(problem, solution).isEmpty();
  }

  /** Human-readable reasons the plan is not acceptable; empty when it is. */
  public static List<String> violations(RebalanceProblem problem, RebalanceSolution solution) {
    List<String> violations = new ArrayList<>();
    int n = problem.vertexCount();
    int[] visits = new int[n];
    List<List<Integer>> routes = solution.routes();
    for (int r = 0; r < routes.size(); r++) {
      List<Integer> route = routes.get(r);
      if (route.isEmpty()) {
        violations.add("route " + r + " is empty");
      }
      boolean verticesValid = true;
      for (int vertex : route) {
        if (vertex <= RebalanceProblem.DEPOT || vertex >= n) {
          violations.add("route " + r + " contains vertex " + vertex + ", not a station");
          verticesValid = false;
        } else {
          visits[vertex]++;
        }
      }
      if (verticesValid && loadSpan(problem, route) > problem.capacity()) {
        violations.add("route " + r + " needs a load window of " + loadSpan(problem, route)
            + " beyond capacity " + problem.capacity());
      }
    }
    for (int vertex = 1; vertex < n; vertex++) {
      if (visits[vertex] != 1) {
        violations.add("station " + vertex + " is visited " + visits[vertex] + " times");
      }
    }
    if (violations.isEmpty()) {
      double recomputed = totalCost(problem, routes);
      if (Math.abs(recomputed - solution.cost()) > RELATIVE_COST_TOLERANCE * Math.max(1.0, Math.abs(recomputed))) {
        violations.add("declared cost " + solution.cost() + " differs from recomputed " + recomputed);
      }
    }
    return violations;
  }

  /** Highest minus lowest running load along the route: the capacity a truck needs to serve it. */
  public static int loadSpan(RebalanceProblem problem, List<Integer> route) {
    int load = 0;
    int highest = 0;
    int lowest = 0;
    for (int vertex : route) {
      load += problem.demand(vertex);
      highest = Math.max(highest, load);
      lowest = Math.min(lowest, load);
    }
    return highest - lowest;
  }

  public static double routeCost(RebalanceProblem problem, List<Integer> route) {
    double cost = 0;
    int previous = RebalanceProblem.DEPOT;
    for (int vertex : route) {
      cost += problem.cost(previous, vertex);
      previous = vertex;
    }
    return cost + problem.cost(previous, RebalanceProblem.DEPOT);
  }

  public static double totalCost(RebalanceProblem problem, List<List<Integer>> routes) {
    double total = 0;
    for (List<Integer> route : routes) {
      total += routeCost(problem, route);
    }
    return total;
  }
}
