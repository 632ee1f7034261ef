package city.bikeshare.core.rebalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ruin step of slack induction by string removals (Christiaens and Vanden Berghe 2020): around a
 * random station, cut short strings of consecutive stops out of a few nearby routes, sometimes keeping
 * a piece in the middle of the cut ("split string"), so that the recreate step can re-sequence a
 * whole neighbourhood, not just single stations.
 */
final class StringRemoval {

  private static final double SPLIT_KEEP_PROBABILITY = 0.99;

  private final SearchInstance instance;
  private final double averageRemoved;
  private final int maxStringLength;
  private final boolean[] flagged;

  StringRemoval(SearchInstance instance, double averageRemoved, int maxStringLength) {
    this.instance = instance;
    this.averageRemoved = averageRemoved;
    this.maxStringLength = maxStringLength;
    this.flagged = new boolean[instance.demand().length];
  }

  /** Removes the chosen stations from {@code state} and returns them. */
  int[] ruin(SearchState state, SplittableRandom random) {
    int stations = instance.stationCount();
    List<Route> routes = state.routes();
    double averageRouteSize = (double) stations / routes.size();
    double stringCap = Math.min(maxStringLength, averageRouteSize);
    double maxStrings = Math.max(1, 4 * averageRemoved / (1 + stringCap) - 1);
    int stringCount = (int) Math.floor(random.nextDouble(1, maxStrings + 1));

    Arrays.fill(flagged, false);
    List<Route> ruined = new ArrayList<>(stringCount);
    int[] removed = new int[stations];
    int removedCount = 0;
    int seed = 1 + random.nextInt(stations);
    int[] neighbours = instance.neighbours()[seed];
    for (int k = -1; k < neighbours.length && ruined.size() < stringCount; k++) {
      int station = k < 0 ? seed : neighbours[k];
      Route route = state.routeOf(station);
      if (flagged[station] || ruined.contains(route)) {
        continue;
      }
      int cap = (int) Math.min(route.size(), stringCap);
      int length = (int) Math.floor(random.nextDouble(1, cap + 1));
      int position = state.positionOf(station);
      if (length == route.size() || random.nextBoolean()) {
        removedCount = cutString(route, position, length, removed, removedCount, random);
      } else {
        removedCount = cutSplitString(route, position, length, removed, removedCount, random);
      }
      ruined.add(route);
    }
    state.remove(flagged);
    return Arrays.copyOf(removed, removedCount);
  }

  private int cutString(Route route, int position, int length, int[] removed, int count, SplittableRandom random) {
    int start = randomStart(route.size(), position, length, random);
    for (int p = start; p < start + length; p++) {
      count = flag(route.stop(p), removed, count);
    }
    return count;
  }

  /** Cuts {@code length} stops out of a window of {@code length + kept} around {@code position}, keeping {@code kept} in its middle. */
  private int cutSplitString(Route route, int position, int length, int[] removed, int count, SplittableRandom random) {
    int kept = 1;
    while (length + kept < route.size() && random.nextDouble() < SPLIT_KEEP_PROBABILITY) {
      kept++;
    }
    int window = length + kept;
    int start = randomStart(route.size(), position, window, random);
    int keptStart = start + random.nextInt(length + 1);
    for (int p = start; p < start + window; p++) {
      if (p < keptStart || p >= keptStart + kept) {
        count = flag(route.stop(p), removed, count);
      }
    }
    return count;
  }

  private static int randomStart(int routeSize, int position, int length, SplittableRandom random) {
    int lowest = Math.max(0, position - length + 1);
    int highest = Math.min(position, routeSize - length);
    return lowest + random.nextInt(highest - lowest + 1);
  }

  private int flag(int station, int[] removed, int count) {
    flagged[station] = true;
    removed[count] = station;
    return count + 1;
  }
}
