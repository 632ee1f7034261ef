package city.bikeshare.core.rebalance;

/**
 * One truck's stations in order, mutable, with caches that make the search's questions O(1): running
 * loads and their prefix and suffix extremes (the load window after an insertion), path costs in both
 * directions (costs are asymmetric, so a reversed piece has its own cost) and, built on demand, range
 * extremes of the running load (the load window of any piece). During the search a route may exceed
 * the capacity; {@link #excess()} says by how much.
 */
final class Route {

  private final SearchInstance instance;
  private int[] stops;
  private int size;
  /** load[p]: sum of the demands of the first p stops (load[0] = 0, the empty prefix). */
  private int[] load;
  private int[] prefixHigh;
  private int[] prefixLow;
  private int[] suffixHigh;
  private int[] suffixLow;
  /** arcInto[p]: cost of the arc arriving at stop p, or at the depot for p = size. */
  private double[] arcInto;
  /** forwardPath[p]: cost from stop 0 to stop p along the route; backwardPath[p]: the same arcs walked backwards. */
  private double[] forwardPath;
  private double[] backwardPath;
  /** rangeHigh[k][p], rangeLow[k][p]: extremes of load[p .. p + 2^k - 1], rebuilt when a piece query needs them. */
  private int[][] rangeHigh;
  private int[][] rangeLow;
  private boolean rangesValid;
  private double cost;
  /** The plan allowed to change this route; others sharing it copy it first (see {@link SearchState}). */
  private SearchState owner;

  Route(SearchInstance instance, int capacityHint) {
    this.instance = instance;
    allocate(Math.max(capacityHint, 4));
  }

  private void allocate(int capacity) {
    int[] oldStops = stops;
    stops = new int[capacity];
    if (oldStops != null) {
      System.arraycopy(oldStops, 0, stops, 0, size);
    }
    load = new int[capacity + 1];
    prefixHigh = new int[capacity + 1];
    prefixLow = new int[capacity + 1];
    suffixHigh = new int[capacity + 1];
    suffixLow = new int[capacity + 1];
    arcInto = new double[capacity + 1];
    forwardPath = new double[capacity];
    backwardPath = new double[capacity];
  }

  Route copy() {
    Route copy = new Route(instance, size + 4);
    copy.assign(stops, size);
    return copy;
  }

  boolean ownedBy(SearchState state) {
    return owner == state;
  }

  Route claimFor(SearchState state) {
    owner = state;
    return this;
  }

  int size() {
    return size;
  }

  int stop(int position) {
    return stops[position];
  }

  double cost() {
    return cost;
  }

  /** Running load after the first {@code prefixLength} stops. */
  int load(int prefixLength) {
    return load[prefixLength];
  }

  /** Cost of travelling from stop {@code from} to stop {@code to} ({@code from <= to}) along the route. */
  double forwardCost(int from, int to) {
    return forwardPath[to] - forwardPath[from];
  }

  /** Cost of travelling from stop {@code to} back to stop {@code from} ({@code from <= to}) through the same stops. */
  double backwardCost(int from, int to) {
    return backwardPath[to] - backwardPath[from];
  }

  /** Highest of load[from..to] (prefix lengths, inclusive). */
  int loadHigh(int from, int to) {
    if (from == 0) {
      return prefixHigh[to];
    }
    if (to == size) {
      return suffixHigh[from];
    }
    ensureRanges();
    int level = 31 - Integer.numberOfLeadingZeros(to - from + 1);
    return Math.max(rangeHigh[level][from], rangeHigh[level][to - (1 << level) + 1]);
  }

  /** Lowest of load[from..to] (prefix lengths, inclusive). */
  int loadLow(int from, int to) {
    if (from == 0) {
      return prefixLow[to];
    }
    if (to == size) {
      return suffixLow[from];
    }
    ensureRanges();
    int level = 31 - Integer.numberOfLeadingZeros(to - from + 1);
    return Math.min(rangeLow[level][from], rangeLow[level][to - (1 << level) + 1]);
  }

  /** Bikes beyond the capacity that the route's load window needs. */
  int excess() {
    return Math.max(0, prefixHigh[size] - prefixLow[size] - instance.capacity());
  }

  /** {@link #excess()} after a station of this demand became stop number {@code position}. */
  int excessAfterInsert(int position, int demand) {
    int high = Math.max(prefixHigh[position], demand + suffixHigh[position]);
    int low = Math.min(prefixLow[position], demand + suffixLow[position]);
    return Math.max(0, high - low - instance.capacity());
  }

  /**
   * Cost change of making a station stop number {@code position}, given its rows of outgoing
   * ({@code costFrom}) and incoming ({@code costInto}) arc costs.
   */
  double insertionDelta(int position, double[] costFrom, double[] costInto) {
    int before = position == 0 ? RebalanceProblem.DEPOT : stops[position - 1];
    int after = position == size ? RebalanceProblem.DEPOT : stops[position];
    return costInto[before] + costFrom[after] - arcInto[position];
  }

  void insert(int position, int station) {
    if (size == stops.length) {
      allocate(stops.length * 2);
    }
    System.arraycopy(stops, position, stops, position + 1, size - position);
    stops[position] = station;
    size++;
    refresh();
  }

  /** Drops every stop flagged in {@code removed}. */
  void removeFlagged(boolean[] removed) {
    int kept = 0;
    for (int p = 0; p < size; p++) {
      if (!removed[stops[p]]) {
        stops[kept++] = stops[p];
      }
    }
    size = kept;
    refresh();
  }

  /** Replaces the stops by {@code newStops[0..count)}. */
  void assign(int[] newStops, int count) {
    if (count > stops.length) {
      size = 0;
      allocate(count + 4);
    }
    System.arraycopy(newStops, 0, stops, 0, count);
    size = count;
    refresh();
  }

  private void refresh() {
    instance.effort().add(size / 5 + 1);
    int[] demand = instance.demand();
    double[][] c = instance.cost();
    rangesValid = false;
    load[0] = 0;
    prefixHigh[0] = 0;
    prefixLow[0] = 0;
    double total = 0;
    int previous = RebalanceProblem.DEPOT;
    for (int p = 0; p < size; p++) {
      int station = stops[p];
      arcInto[p] = c[previous][station];
      total += arcInto[p];
      if (p == 0) {
        forwardPath[0] = 0;
        backwardPath[0] = 0;
      } else {
        forwardPath[p] = forwardPath[p - 1] + arcInto[p];
        backwardPath[p] = backwardPath[p - 1] + c[station][previous];
      }
      previous = station;
      load[p + 1] = load[p] + demand[station];
      prefixHigh[p + 1] = Math.max(prefixHigh[p], load[p + 1]);
      prefixLow[p + 1] = Math.min(prefixLow[p], load[p + 1]);
    }
    arcInto[size] = c[previous][RebalanceProblem.DEPOT];
    // An empty route is no truck at all, whatever the matrix says about the depot's own diagonal.
    cost = size == 0 ? 0 : total + arcInto[size];
    suffixHigh[size] = load[size];
    suffixLow[size] = load[size];
    for (int p = size - 1; p >= 0; p--) {
      suffixHigh[p] = Math.max(suffixHigh[p + 1], load[p]);
      suffixLow[p] = Math.min(suffixLow[p + 1], load[p]);
    }
  }

  private void ensureRanges() {
    if (rangesValid) {
      return;
    }
    int length = size + 1;
    instance.effort().add(2L * length);
    int levels = 32 - Integer.numberOfLeadingZeros(length);
    if (rangeHigh == null || rangeHigh.length < levels || rangeHigh[0].length < length) {
      rangeHigh = new int[levels][length];
      rangeLow = new int[levels][length];
    }
    System.arraycopy(load, 0, rangeHigh[0], 0, length);
    System.arraycopy(load, 0, rangeLow[0], 0, length);
    for (int level = 1; level < levels; level++) {
      int half = 1 << (level - 1);
      int count = length - (1 << level) + 1;
      int[] high = rangeHigh[level];
      int[] low = rangeLow[level];
      int[] previousHigh = rangeHigh[level - 1];
      int[] previousLow = rangeLow[level - 1];
      for (int p = 0; p < count; p++) {
        high[p] = Math.max(previousHigh[p], previousHigh[p + half]);
        low[p] = Math.min(previousLow[p], previousLow[p + half]);
      }
    }
    rangesValid = true;
  }
}
