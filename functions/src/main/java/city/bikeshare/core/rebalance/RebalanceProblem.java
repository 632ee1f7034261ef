package city.bikeshare.core.rebalance;

/**
 * A static bike rebalancing instance (Dell'Amico et al. 2014): vertex 0 is the depot, every other vertex
 * a station whose demand is the number of bikes a truck picks up there (positive) or drops off (negative).
 * Trucks of {@code capacity} are unlimited; {@code cost[i][j]} is the (possibly asymmetric) travel cost.
 */
public record RebalanceProblem(int[] demands, int capacity, double[][] cost) {

  public static final int DEPOT = 0;

  public RebalanceProblem {
    int n = demands.length;
    if (n == 0) {
      throw new IllegalArgumentException("an instance needs at least the depot");
    }
    if (demands[DEPOT] != 0) {
      throw new IllegalArgumentException("the depot's demand must be 0, was " + demands[DEPOT]);
    }
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    if (cost.length != n) {
      throw new IllegalArgumentException("cost matrix has " + cost.length + " rows for " + n + " vertices");
    }
    for (int i = 0; i < n; i++) {
      if (cost[i].length != n) {
        throw new IllegalArgumentException("cost row " + i + " has " + cost[i].length + " entries for " + n + " vertices");
      }
      // A station a single truck cannot serve alone makes the instance infeasible, whatever the routing.
      if (Math.abs(demands[i]) > capacity) {
        throw new IllegalArgumentException("station " + i + " has demand " + demands[i] + " beyond capacity " + capacity);
      }
    }
    demands = demands.clone();
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      copy[i] = cost[i].clone();
    }
    cost = copy;
  }

  public int vertexCount() {
    return demands.length;
  }

  /** Arrays are copied on the way in and out so an instance cannot change under a running solver. */
  @Override
  public int[] demands() {
    return demands.clone();
  }

  @Override
  public double[][] cost() {
    double[][] copy = new double[cost.length][];
    for (int i = 0; i < cost.length; i++) {
      copy[i] = cost[i].clone();
    }
    return copy;
  }

  public int demand(int vertex) {
    return demands[vertex];
  }

  public double cost(int from, int to) {
    return cost[from][to];
  }
}
