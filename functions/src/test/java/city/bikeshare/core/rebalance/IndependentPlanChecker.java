package city.bikeshare.core.rebalance;

import java.util.ArrayList;
import java.util.List;

/**
 * A second check of a rebalancing plan, written apart from the solver's {@link Feasibility} and on a
 * different formulation of the capacity rule: instead of the width of the load window it tracks the
 * interval of loads the truck could leave the depot with ([0, Q] narrowed at every stop) and requires
 * it to stay non-empty. It reads only raw arrays, never the solver's types.
 */
final class IndependentPlanChecker {

  record Verdict(boolean feasible, double recomputedCost, List<String> problems) {
  }

  private IndependentPlanChecker() {}

  static Verdict check(int[] demands, int capacity, double[][] distance, List<List<Integer>> routes) {
    List<String> problems = new ArrayList<>();
    int[] seen = new int[demands.length];
    double total = 0;
    for (List<Integer> route : routes) {
      if (route.isEmpty()) {
        problems.add("empty route");
        continue;
      }
      int lowestStart = 0;
      int highestStart = capacity;
      int picked = 0;
      int at = 0;
      for (Integer stop : route) {
        if (stop == null || stop < 1 || stop >= demands.length) {
          problems.add("not a station: " + stop);
          at = -1;
          break;
        }
        seen[stop]++;
        total += distance[at][stop];
        at = stop;
        picked += demands[stop];
        // Leaving the depot with s bikes, the truck holds s + picked here: 0 <= s + picked <= Q.
        lowestStart = Math.max(lowestStart, -picked);
        highestStart = Math.min(highestStart, capacity - picked);
      }
      if (at < 0) {
        continue;
      }
      total += distance[at][0];
      if (lowestStart > highestStart) {
        problems.add("no starting load in [0, " + capacity + "] serves route " + route);
      }
    }
    for (int station = 1; station < demands.length; station++) {
      if (seen[station] != 1) {
        problems.add("station " + station + " served " + seen[station] + " times");
      }
    }
    return new Verdict(problems.isEmpty(), total, problems);
  }
}
