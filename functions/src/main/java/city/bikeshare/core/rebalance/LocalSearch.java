package city.bikeshare.core.rebalance;

/**
 * First-improvement local search around given stations, over moves that pair a station {@code u} with
 * one of its nearest stations {@code v}: relocate {@code u} next to {@code v}, swap them, reverse the
 * path between them (2-opt), exchange route tails so that {@code u} is followed by {@code v} (2-opt*),
 * and move the two or three stops starting at {@code u} next to {@code v}, in either direction (or-opt);
 * and, for {@code u} alone, split its route after it. Moves are priced in O(1) with {@link SegmentChain}, capacity excess at the current penalty per bike.
 * Stations whose surroundings changed are queued again ("don't look bits"), so the work follows the
 * changes rather than sweeping the whole plan.
 */
final class LocalSearch {

  private static final int MAX_SEGMENT = 3;
  private static final double IMPROVEMENT = 1e-7;

  private final SearchInstance instance;
  private final EffortMeter effort;
  private final int neighbourCount;
  private final SegmentChain first;
  private final SegmentChain second;
  private final int[] firstStops;
  private final int[] secondStops;
  private final int[] queue;
  private final boolean[] queued;
  private int head;
  private int queueSize;
  private SearchState state;
  private double penaltyPerBike;

  LocalSearch(SearchInstance instance, int neighbourCount) {
    this.instance = instance;
    this.effort = instance.effort();
    this.neighbourCount = neighbourCount;
    int n = instance.demand().length;
    this.first = new SegmentChain(instance);
    this.second = new SegmentChain(instance);
    this.firstStops = new int[n];
    this.secondStops = new int[n];
    this.queue = new int[n];
    this.queued = new boolean[n];
  }

  /** Improves {@code state} in place, starting from {@code stations}; stops when none of the queued stations has an improving move. */
  void improve(SearchState state, int[] stations, double penaltyPerBike) {
    this.state = state;
    this.penaltyPerBike = penaltyPerBike;
    head = 0;
    queueSize = 0;
    for (int station : stations) {
      push(station);
    }
    // Every move improves strictly, so this bound only guards against rounding ping-pong.
    long moveBudget = 50L * instance.demand().length;
    while (queueSize > 0 && moveBudget > 0) {
      int u = queue[head];
      head = (head + 1) % queue.length;
      queueSize--;
      queued[u] = false;
      if (improveAround(u)) {
        moveBudget--;
      }
    }
    while (queueSize > 0) {
      queued[queue[head]] = false;
      head = (head + 1) % queue.length;
      queueSize--;
    }
    this.state = null;
  }

  private boolean improveAround(int u) {
    if (splitAfter(u)) {
      return true;
    }
    int[] neighbours = instance.neighbours()[u];
    int count = Math.min(neighbourCount, neighbours.length);
    for (int k = 0; k < count; k++) {
      int v = neighbours[k];
      Route a = state.routeOf(u);
      Route b = state.routeOf(v);
      int i = state.positionOf(u);
      int j = state.positionOf(v);
      if (a == b ? improveWithin(a, i, j) : improveBetween(a, i, b, j)) {
        return true;
      }
    }
    return false;
  }

  private boolean improveWithin(Route r, int i, int j) {
    int last = r.size() - 1;
    int u = r.stop(i);
    int v = r.stop(j);
    // Relocate u right after v.
    if (i != j + 1) {
      if (i < j) {
        first.clear().forward(r, 0, i - 1).forward(r, i + 1, j).station(u).forward(r, j + 1, last);
      } else {
        first.clear().forward(r, 0, j).station(u).forward(r, j + 1, i - 1).forward(r, i + 1, last);
      }
      if (applyIfBetter(r, u, v)) {
        return true;
      }
    }
    // Relocate u right before v.
    if (j != i + 1) {
      if (i < j) {
        first.clear().forward(r, 0, i - 1).forward(r, i + 1, j - 1).station(u).forward(r, j, last);
      } else {
        first.clear().forward(r, 0, j - 1).station(u).forward(r, j, i - 1).forward(r, i + 1, last);
      }
      if (applyIfBetter(r, u, v)) {
        return true;
      }
    }
    // Swap u and v.
    int p = Math.min(i, j);
    int q = Math.max(i, j);
    first.clear().forward(r, 0, p - 1).station(r.stop(q)).forward(r, p + 1, q - 1).station(r.stop(p)).forward(r, q + 1, last);
    if (applyIfBetter(r, u, v)) {
      return true;
    }
    // 2-opt: after u comes v (u first), or the path from v to u runs backwards (v first).
    if (i < j - 1) {
      first.clear().forward(r, 0, i).backward(r, i + 1, j).forward(r, j + 1, last);
      if (applyIfBetter(r, u, v)) {
        return true;
      }
    } else if (j < i) {
      first.clear().forward(r, 0, j - 1).backward(r, j, i).forward(r, i + 1, last);
      if (applyIfBetter(r, u, v)) {
        return true;
      }
    }
    // Or-opt: the stops u..u+length-1 move right after v, either way round.
    for (int length = 2; length <= MAX_SEGMENT && i + length - 1 <= last; length++) {
      int end = i + length - 1;
      if (j >= i && j <= end) {
        break;
      }
      for (int way = 0; way < 2; way++) {
        boolean backwards = way == 1;
        if (j == i - 1 && !backwards) {
          continue;
        }
        first.clear();
        if (j < i) {
          first.forward(r, 0, j);
          piece(first, r, i, end, backwards);
          first.forward(r, j + 1, i - 1).forward(r, end + 1, last);
        } else {
          first.forward(r, 0, i - 1).forward(r, end + 1, j);
          piece(first, r, i, end, backwards);
          first.forward(r, j + 1, last);
        }
        if (applyIfBetter(r, u, v)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean improveBetween(Route a, int i, Route b, int j) {
    int lastA = a.size() - 1;
    int lastB = b.size() - 1;
    int u = a.stop(i);
    int v = b.stop(j);
    // Relocate u right after v, then right before v.
    first.clear().forward(a, 0, i - 1).forward(a, i + 1, lastA);
    second.clear().forward(b, 0, j).station(u).forward(b, j + 1, lastB);
    if (applyIfBetter(a, b, u, v)) {
      return true;
    }
    first.clear().forward(a, 0, i - 1).forward(a, i + 1, lastA);
    second.clear().forward(b, 0, j - 1).station(u).forward(b, j, lastB);
    if (applyIfBetter(a, b, u, v)) {
      return true;
    }
    // Swap u and v.
    first.clear().forward(a, 0, i - 1).station(v).forward(a, i + 1, lastA);
    second.clear().forward(b, 0, j - 1).station(u).forward(b, j + 1, lastB);
    if (applyIfBetter(a, b, u, v)) {
      return true;
    }
    // 2-opt*: the tails swap routes so that u is followed by v.
    first.clear().forward(a, 0, i).forward(b, j, lastB);
    second.clear().forward(b, 0, j - 1).forward(a, i + 1, lastA);
    if (applyIfBetter(a, b, u, v)) {
      return true;
    }
    // Or-opt: the stops u..u+length-1 move right after v, either way round.
    for (int length = 2; length <= MAX_SEGMENT && i + length - 1 <= lastA; length++) {
      int end = i + length - 1;
      for (int way = 0; way < 2; way++) {
        first.clear().forward(a, 0, i - 1).forward(a, end + 1, lastA);
        second.clear().forward(b, 0, j);
        piece(second, a, i, end, way == 1);
        second.forward(b, j + 1, lastB);
        if (applyIfBetter(a, b, u, v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Ends u's route at u, the stops after it becoming a new route: the way out of a route too wide for any truck. */
  private boolean splitAfter(int u) {
    Route r = state.routeOf(u);
    int i = state.positionOf(u);
    int last = r.size() - 1;
    if (i == last) {
      return false;
    }
    first.clear().forward(r, 0, i);
    second.clear().forward(r, i + 1, last);
    effort.add(1);
    double delta = first.cost() + second.cost() - r.cost();
    if (delta - penalty(r.excess()) > -IMPROVEMENT) {
      return false;
    }
    effort.add(1);
    delta += penalty(first.excess() + second.excess() - r.excess());
    if (delta > -IMPROVEMENT) {
      return false;
    }
    int firstCount = first.writeTo(firstStops);
    int secondCount = second.writeTo(secondStops);
    state.reassign(r, firstStops, firstCount);
    state.addRoute(secondStops, secondCount);
    pushSurroundings(u);
    push(secondStops[0]);
    return true;
  }

  private static void piece(SegmentChain chain, Route route, int from, int to, boolean backwards) {
    if (backwards) {
      chain.backward(route, from, to);
    } else {
      chain.forward(route, from, to);
    }
  }

  /** Replaces route {@code r} by {@link #first} if that is cheaper. */
  private boolean applyIfBetter(Route r, int u, int v) {
    effort.add(1);
    double delta = first.cost() - r.cost();
    int excessBefore = r.excess();
    // The move can at best remove all excess: priced without the load window, it must still look improving.
    if (delta - penalty(excessBefore) > -IMPROVEMENT) {
      return false;
    }
    effort.add(1);
    delta += penalty(first.excess() - excessBefore);
    if (delta > -IMPROVEMENT) {
      return false;
    }
    pushSurroundings(u);
    pushSurroundings(v);
    int count = first.writeTo(firstStops);
    state.reassign(r, firstStops, count);
    pushSurroundings(u);
    pushSurroundings(v);
    return true;
  }

  /** Replaces routes {@code a} and {@code b} by {@link #first} and {@link #second} if that is cheaper. */
  private boolean applyIfBetter(Route a, Route b, int u, int v) {
    effort.add(1);
    double delta = first.cost() + second.cost() - a.cost() - b.cost();
    int excessBefore = a.excess() + b.excess();
    if (delta - penalty(excessBefore) > -IMPROVEMENT) {
      return false;
    }
    effort.add(1);
    delta += penalty(first.excess() + second.excess() - excessBefore);
    if (delta > -IMPROVEMENT) {
      return false;
    }
    pushSurroundings(u);
    pushSurroundings(v);
    int firstCount = first.writeTo(firstStops);
    int secondCount = second.writeTo(secondStops);
    state.reassign(a, firstStops, firstCount);
    state.reassign(b, secondStops, secondCount);
    if (firstCount == 0 || secondCount == 0) {
      state.dropEmptyRoutes();
    }
    pushSurroundings(u);
    pushSurroundings(v);
    return true;
  }

  /** Zero without excess (or change of it) even at an infinite penalty. */
  private double penalty(int excessChange) {
    return excessChange == 0 ? 0 : penaltyPerBike * excessChange;
  }

  private void pushSurroundings(int station) {
    Route route = state.routeOf(station);
    int position = state.positionOf(station);
    push(station);
    if (position > 0) {
      push(route.stop(position - 1));
    }
    if (position < route.size() - 1) {
      push(route.stop(position + 1));
    }
  }

  private void push(int station) {
    if (queued[station]) {
      return;
    }
    queued[station] = true;
    queue[(head + queueSize) % queue.length] = station;
    queueSize++;
  }
}
