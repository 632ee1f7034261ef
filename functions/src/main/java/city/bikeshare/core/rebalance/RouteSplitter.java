package city.bikeshare.core.rebalance;

import java.util.Arrays;

/**
 * Repairs a route whose load window exceeds the capacity by cutting it, keeping its order, into the
 * cheapest sequence of feasible routes (a shortest path over cut points, as in Prins' split of a giant
 * tour). A single station always fits a truck, so a feasible cut always exists.
 */
final class RouteSplitter {

  private final SearchInstance instance;
  private final double[] bestCost;
  private final int[] cutBefore;
  private final int[] pieceEnds;
  private final int[] buffer;
  private final int[] pieceFirstAndLast;
  private int endpointCount;

  RouteSplitter(SearchInstance instance) {
    this.instance = instance;
    int n = instance.demand().length;
    this.bestCost = new double[n + 1];
    this.cutBefore = new int[n + 1];
    this.pieceEnds = new int[n + 1];
    this.buffer = new int[n];
    this.pieceFirstAndLast = new int[2 * n];
  }

  /** Splits every route of {@code state} that exceeds the capacity; returns the first and last stops of the pieces. */
  int[] repair(SearchState state) {
    endpointCount = 0;
    for (int r = 0, count = state.routes().size(); r < count; r++) {
      Route route = state.routes().get(r);
      if (route.excess() > 0) {
        split(state, route);
      }
    }
    return Arrays.copyOf(pieceFirstAndLast, endpointCount);
  }

  private void split(SearchState state, Route route) {
    double[][] c = instance.cost();
    int capacity = instance.capacity();
    int m = route.size();
    long steps = 0;
    bestCost[0] = 0;
    for (int end = 1; end <= m; end++) {
      bestCost[end] = Double.POSITIVE_INFINITY;
      int lastStop = route.stop(end - 1);
      // Longer pieces only widen the load window, so the scan stops at the first piece too wide.
      for (int start = end - 1; start >= 0; start--) {
        steps++;
        if (route.loadHigh(start, end) - route.loadLow(start, end) > capacity) {
          break;
        }
        double piece = c[RebalanceProblem.DEPOT][route.stop(start)] + route.forwardCost(start, end - 1)
            + c[lastStop][RebalanceProblem.DEPOT];
        if (bestCost[start] + piece < bestCost[end]) {
          bestCost[end] = bestCost[start] + piece;
          cutBefore[end] = start;
        }
      }
    }
    instance.effort().add(steps);
    int pieces = 0;
    for (int end = m; end > 0; end = cutBefore[end]) {
      pieceEnds[pieces++] = end;
    }
    int[] stops = new int[m];
    for (int p = 0; p < m; p++) {
      stops[p] = route.stop(p);
    }
    int start = 0;
    for (int k = pieces - 1; k >= 0; k--) {
      int end = pieceEnds[k];
      System.arraycopy(stops, start, buffer, 0, end - start);
      if (k == pieces - 1) {
        state.reassign(route, buffer, end - start);
      } else {
        state.addRoute(buffer, end - start);
      }
      pieceFirstAndLast[endpointCount++] = stops[start];
      pieceFirstAndLast[endpointCount++] = stops[end - 1];
      start = end;
    }
  }
}
