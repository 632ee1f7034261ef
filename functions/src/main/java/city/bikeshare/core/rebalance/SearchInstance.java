package city.bikeshare.core.rebalance;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The problem as the search reads it in its inner loops: raw arrays (the record hands out copies), the
 * transposed cost matrix ({@code costInto[j][i] = cost[i][j]}, so both arcs at a station read one row)
 * and, per station, the other stations ordered by round-trip cost, since costs are asymmetric. It also
 * carries the meter of the search's effort, which every component adds to.
 */
record SearchInstance(
    int[] demand, int capacity, double[][] cost, double[][] costInto, int[][] neighbours, EffortMeter effort) {

  static SearchInstance of(RebalanceProblem problem) {
    int[] demand = problem.demands();
    double[][] cost = problem.cost();
    int n = demand.length;
    int[][] neighbours = new int[n][];
    for (int v = 1; v < n; v++) {
      int station = v;
      neighbours[v] = IntStream.range(1, n)
          .filter(w -> w != station)
          .boxed()
          .sorted(Comparator.comparingDouble((Integer w) -> cost[station][w] + cost[w][station])
              .thenComparingInt(w -> w))
          .mapToInt(Integer::intValue)
          .toArray();
    }
    neighbours[RebalanceProblem.DEPOT] = new int[0];
    double[][] costInto = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        costInto[j][i] = cost[i][j];
      }
    }
    return new SearchInstance(demand, problem.capacity(), cost, costInto, neighbours, new EffortMeter());
  }

  int stationCount() {
    return demand.length - 1;
  }

  double roundTrip(int station) {
    return cost[RebalanceProblem.DEPOT][station] + cost[station][RebalanceProblem.DEPOT];
  }
}
