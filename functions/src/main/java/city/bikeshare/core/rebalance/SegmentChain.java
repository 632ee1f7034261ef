package city.bikeshare.core.rebalance;

/**
 * A route under consideration, built from pieces of existing routes (walked forwards or backwards)
 * and single stations. Appending a piece updates the cost in O(1) and the load window is worked out on
 * request in O(1) per piece, so a local search move is priced without touching any route;
 * {@link #writeTo} then spells the stops out. Pieces refer to routes as they are now: write the stops
 * out before changing any route involved.
 */
final class SegmentChain {

  private static final int MAX_PIECES = 6;

  private final SearchInstance instance;
  private final Route[] pieceRoute = new Route[MAX_PIECES];
  private final int[] pieceFrom = new int[MAX_PIECES];
  private final int[] pieceTo = new int[MAX_PIECES];
  private final boolean[] pieceBackwards = new boolean[MAX_PIECES];
  private int pieces;
  private int stopCount;
  private double openCost;
  private int last;

  SegmentChain(SearchInstance instance) {
    this.instance = instance;
  }

  SegmentChain clear() {
    pieces = 0;
    stopCount = 0;
    openCost = 0;
    last = RebalanceProblem.DEPOT;
    return this;
  }

  /** Appends stops {@code from..to} of {@code route} in route order; nothing if {@code from > to}. */
  SegmentChain forward(Route route, int from, int to) {
    if (from > to) {
      return this;
    }
    openCost += instance.cost()[last][route.stop(from)] + route.forwardCost(from, to);
    last = route.stop(to);
    record(route, from, to, false);
    return this;
  }

  /** Appends stops {@code to..from} of {@code route}, i.e. the piece {@code from..to} walked backwards. */
  SegmentChain backward(Route route, int from, int to) {
    if (from > to) {
      return this;
    }
    openCost += instance.cost()[last][route.stop(to)] + route.backwardCost(from, to);
    last = route.stop(from);
    record(route, from, to, true);
    return this;
  }

  SegmentChain station(int station) {
    openCost += instance.cost()[last][station];
    last = station;
    record(null, station, station, false);
    return this;
  }

  /** Travel cost of the finished route, back to the depot; 0 for a route without stops. */
  double cost() {
    return stopCount == 0 ? 0 : openCost + instance.cost()[last][RebalanceProblem.DEPOT];
  }

  /**
   * Bikes beyond the capacity that the chain's load window needs. Computed on request, from range
   * extremes of the pieces' routes, since most moves are already rejected on cost.
   */
  int excess() {
    int load = 0;
    int high = 0;
    int low = 0;
    for (int k = 0; k < pieces; k++) {
      Route route = pieceRoute[k];
      if (route == null) {
        load += instance.demand()[pieceFrom[k]];
        high = Math.max(high, load);
        low = Math.min(low, load);
        continue;
      }
      int from = pieceFrom[k];
      int to = pieceTo[k];
      int rangeHigh = route.loadHigh(from, to + 1);
      int rangeLow = route.loadLow(from, to + 1);
      if (pieceBackwards[k]) {
        // Walking backwards, the load after reaching stop t is load(to + 1) - load(t).
        int top = route.load(to + 1);
        high = Math.max(high, load + top - rangeLow);
        low = Math.min(low, load + top - rangeHigh);
      } else {
        int base = route.load(from);
        high = Math.max(high, load + rangeHigh - base);
        low = Math.min(low, load + rangeLow - base);
      }
      load += route.load(to + 1) - route.load(from);
    }
    return Math.max(0, high - low - instance.capacity());
  }

  int stopCount() {
    return stopCount;
  }

  /** Writes the stops into {@code buffer} (at least {@link #stopCount()} long) and returns their number. */
  int writeTo(int[] buffer) {
    int count = 0;
    for (int k = 0; k < pieces; k++) {
      Route route = pieceRoute[k];
      if (route == null) {
        buffer[count++] = pieceFrom[k];
      } else if (pieceBackwards[k]) {
        for (int p = pieceTo[k]; p >= pieceFrom[k]; p--) {
          buffer[count++] = route.stop(p);
        }
      } else {
        for (int p = pieceFrom[k]; p <= pieceTo[k]; p++) {
          buffer[count++] = route.stop(p);
        }
      }
    }
    return count;
  }

  private void record(Route route, int from, int to, boolean backwards) {
    pieceRoute[pieces] = route;
    pieceFrom[pieces] = from;
    pieceTo[pieces] = to;
    pieceBackwards[pieces] = backwards;
    pieces++;
    stopCount += to - from + 1;
  }
}
