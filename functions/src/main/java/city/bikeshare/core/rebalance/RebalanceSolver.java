package city.bikeshare.core.rebalance;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Solves the static bike rebalancing problem by ruin and recreate with local search, under simulated
 * annealing.
 *
 * <p>A greedy insertion and a local search build the first plan. Each iteration then copies the current
 * plan, cuts strings of stops out of a few nearby routes ({@link StringRemoval}), re-inserts them greedily
 * with blinks ({@link BlinkInsertion}) and improves the result around the re-inserted stations
 * ({@link LocalSearch}). Both steps may exceed the capacity at a penalty per bike, because the tight
 * load windows of this problem otherwise wall the search in; a plan left over capacity is cut into
 * feasible routes ({@link RouteSplitter}) and improved again without any excess allowed, so every plan the
 * annealing compares is feasible. The penalty adapts so that most iterations end feasible on their own.
 *
 * <p>The temperature falls geometrically with the effort spent. The run stops when the effort limit is
 * spent, when no new best plan came for {@code stallIterations}, or at the time limit, which is only a
 * safety cap: the first two are counted, not timed, so a run is deterministic for its seed.
 */
public final class RebalanceSolver {

  private static final int NEIGHBOURS = 12;
  private static final double AVERAGE_REMOVED = 10;
  private static final int MAX_STRING_LENGTH = 10;
  /** Temperatures in units of the first plan's average arc cost, so the schedule does not depend on the cost scale. */
  private static final double START_TEMPERATURE = 2.0;
  private static final double END_TEMPERATURE = 0.03;
  /** Penalty per bike of excess, in average arc costs, adapted every period towards a share of feasible iterations. */
  private static final double INITIAL_PENALTY = 1.0;
  private static final double MIN_PENALTY = 0.01;
  private static final double MAX_PENALTY = 100;
  private static final double PENALTY_STEP = 1.2;
  private static final int PENALTY_PERIOD = 100;
  private static final double TARGET_FEASIBLE_SHARE = 0.85;

  private RebalanceSolver() {}

  public static RebalanceSolution solve(RebalanceProblem problem, SolverSettings settings) {
    SearchInstance instance = SearchInstance.of(problem);
    int stations = instance.stationCount();
    if (stations == 0) {
      return new RebalanceSolution(List.of(), 0);
    }
    long deadline = System.nanoTime() + settings.timeLimit().toNanos();
    SplittableRandom random = new SplittableRandom(settings.seed());
    StringRemoval ruin = new StringRemoval(instance, AVERAGE_REMOVED, MAX_STRING_LENGTH);
    BlinkInsertion recreate = new BlinkInsertion(instance);
    LocalSearch localSearch = new LocalSearch(instance, NEIGHBOURS);
    RouteSplitter splitter = new RouteSplitter(instance);
    EffortMeter effort = instance.effort();

    SearchState current = SearchState.empty(instance);
    int[] all = new int[stations];
    for (int i = 0; i < stations; i++) {
      all[i] = i + 1;
    }
    // An infinite penalty keeps the first plan feasible: a station that fits nowhere opens a route.
    recreate.recreate(current, all, Double.POSITIVE_INFINITY, random);
    localSearch.improve(current, all, Double.POSITIVE_INFINITY);
    // Plans are never changed once accepted (each iteration works on a copy), so sharing them is safe.
    SearchState best = current;

    double averageArc = current.cost() / (stations + current.routes().size());
    double startTemperature = START_TEMPERATURE * averageArc;
    double cooling = Math.log(END_TEMPERATURE / START_TEMPERATURE);
    double penalty = INITIAL_PENALTY * averageArc;
    int feasibleInPeriod = 0;
    long effortLimit = settings.effortLimit();
    long lastImprovement = 0;
    for (long iteration = 0; ; iteration++) {
      long spent = effort.spent();
      if (spent >= effortLimit || iteration - lastImprovement > settings.stallIterations()
          || System.nanoTime() > deadline) {
        break;
      }
      double temperature = startTemperature * Math.exp(cooling * spent / effortLimit);
      SearchState candidate = current.copy();
      int[] removed = ruin.ruin(candidate, random);
      recreate.recreate(candidate, removed, penalty, random);
      localSearch.improve(candidate, removed, penalty);
      if (candidate.feasible()) {
        feasibleInPeriod++;
      } else {
        localSearch.improve(candidate, splitter.repair(candidate), Double.POSITIVE_INFINITY);
      }
      if (candidate.cost() < current.cost() - temperature * Math.log(random.nextDouble())) {
        current = candidate;
        if (current.cost() < best.cost() - 1e-9 * Math.abs(best.cost())) {
          best = current;
          lastImprovement = iteration;
        }
      }
      if ((iteration + 1) % PENALTY_PERIOD == 0) {
        // Too few iterations ended feasible: excess gets dearer; more than enough: cheaper.
        double feasibleShare = (double) feasibleInPeriod / PENALTY_PERIOD;
        penalty *= feasibleShare < TARGET_FEASIBLE_SHARE ? PENALTY_STEP : 1 / PENALTY_STEP;
        penalty = Math.max(MIN_PENALTY * averageArc, Math.min(MAX_PENALTY * averageArc, penalty));
        feasibleInPeriod = 0;
      }
    }
    return best.toSolution(problem);
  }
}
