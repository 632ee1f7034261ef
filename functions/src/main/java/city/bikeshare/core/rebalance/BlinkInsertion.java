package city.bikeshare.core.rebalance;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The recreate step: stations go back one by one, in a randomly chosen order, each at its cheapest
 * position counting a penalty per bike of capacity excess, except that every position is skipped
 * ("blinked") with a small probability so that repeated recreates explore near-greedy alternatives.
 * A station may always open a new route, which alone never exceeds the capacity.
 */
final class BlinkInsertion {

  private static final double BLINK_RATE = 0.01;
  private static final double LOG_KEEP = Math.log(1 - BLINK_RATE);
  /** Relative weights of the orders: random, largest demand first, farthest from the depot first, closest first. */
  private static final int[] ORDER_WEIGHTS = {4, 4, 2, 1};

  private final SearchInstance instance;

  BlinkInsertion(SearchInstance instance) {
    this.instance = instance;
  }

  void recreate(SearchState state, int[] stations, double penaltyPerBike, SplittableRandom random) {
    order(stations, random);
    int[] demand = instance.demand();
    int untilBlink = nextBlink(random);
    for (int station : stations) {
      double[] costFrom = instance.cost()[station];
      double[] costInto = instance.costInto()[station];
      Route bestRoute = null;
      int bestPosition = -1;
      double bestDelta = instance.roundTrip(station);
      List<Route> routes = state.routes();
      instance.effort().add((instance.stationCount() + routes.size()) / 8 + 1);
      for (int r = 0, count = routes.size(); r < count; r++) {
        Route route = routes.get(r);
        double penaltyBefore = penalty(penaltyPerBike, route.excess());
        for (int p = 0, size = route.size(); p <= size; p++) {
          if (--untilBlink < 0) {
            untilBlink = nextBlink(random);
            continue;
          }
          double delta = route.insertionDelta(p, costFrom, costInto) - penaltyBefore;
          if (delta >= bestDelta) {
            continue;
          }
          delta += penalty(penaltyPerBike, route.excessAfterInsert(p, demand[station]));
          if (delta < bestDelta) {
            bestDelta = delta;
            bestRoute = route;
            bestPosition = p;
          }
        }
      }
      if (bestRoute == null) {
        state.openRoute(station);
      } else {
        state.insert(bestRoute, bestPosition, station);
      }
    }
  }

  /** Zero without excess even for an infinite penalty, which forbids any excess. */
  private static double penalty(double penaltyPerBike, int excess) {
    return excess == 0 ? 0 : penaltyPerBike * excess;
  }

  /** Positions to evaluate before the next blink: geometric, as if each position blinked independently. */
  private static int nextBlink(SplittableRandom random) {
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(Math.log(1 - random.nextDouble()) / LOG_KEEP));
  }

  private void order(int[] stations, SplittableRandom random) {
    int total = 0;
    for (int weight : ORDER_WEIGHTS) {
      total += weight;
    }
    int pick = random.nextInt(total);
    shuffle(stations, random);
    if (pick < ORDER_WEIGHTS[0]) {
      return;
    }
    pick -= ORDER_WEIGHTS[0];
    double[] key = new double[stations.length];
    for (int i = 0; i < stations.length; i++) {
      int station = stations[i];
      if (pick < ORDER_WEIGHTS[1]) {
        key[i] = -Math.abs(instance.demand()[station]);
      } else if (pick < ORDER_WEIGHTS[1] + ORDER_WEIGHTS[2]) {
        key[i] = -instance.roundTrip(station);
      } else {
        key[i] = instance.roundTrip(station);
      }
    }
    sortByKey(stations, key);
  }

  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  /** Stable insertion sort: the lists are short (tens of stations) and ties keep their shuffled order. */
  private static void sortByKey(int[] values, double[] key) {
    for (int i = 1; i < values.length; i++) {
      int value = values[i];
      double k = key[i];
      int j = i - 1;
      while (j >= 0 && key[j] > k) {
        values[j + 1] = values[j];
        key[j + 1] = key[j];
        j--;
      }
      values[j + 1] = value;
      key[j + 1] = k;
    }
  }
}
