package city.local.bench.bikeshare;

import city.bikeshare.core.rebalance.RebalanceProblem;
import java.util.Random;

/**
 * A generated city for the rebalancing solver: the depot at the centre of a {@value #BOX_METRES} m square,
 * {@code stations} at seeded uniform random positions in it, each needing a pickup or drop-off of 1 to
 * {@value #MAX_DEMAND} bikes (sign and size uniform), trucks of {@value #TRUCK_CAPACITY} bikes, travel cost
 * the straight-line distance in whole metres (symmetric). The same seed gives the same instance.
 */
public final class RandomRebalanceInstance {
  static final int BOX_METRES = 10_000;
  static final int MAX_DEMAND = 10;
  static final int TRUCK_CAPACITY = 20;

  private RandomRebalanceInstance() {}

  public static RebalanceProblem generate(int stations, long seed) {
    Random random = new Random(seed);
    int n = stations + 1;
    double[] x = new double[n];
    double[] y = new double[n];
    int[] demands = new int[n];
    x[RebalanceProblem.DEPOT] = BOX_METRES / 2.0;
    y[RebalanceProblem.DEPOT] = BOX_METRES / 2.0;
    for (int i = 1; i < n; i++) {
      x[i] = random.nextDouble() * BOX_METRES;
      y[i] = random.nextDouble() * BOX_METRES;
      int size = 1 + random.nextInt(MAX_DEMAND);
      demands[i] = random.nextBoolean() ? size : -size;
    }
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cost[i][j] = Math.rint(Math.hypot(x[i] - x[j], y[i] - y[j]));
      }
    }
    return new RebalanceProblem(demands, TRUCK_CAPACITY, cost);
  }
}
