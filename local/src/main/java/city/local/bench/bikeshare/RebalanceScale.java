package city.local.bench.bikeshare;

import city.bikeshare.core.rebalance.Feasibility;
import city.bikeshare.core.rebalance.RebalanceProblem;
import city.bikeshare.core.rebalance.RebalanceSolution;
import city.bikeshare.core.rebalance.RebalanceSolver;
import city.bikeshare.core.rebalance.SolverSettings;
import city.local.bench.BenchArgs;
import city.local.bench.TextTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./city bench rebalance --scale [--json]}: the solver on generated cities ({@link RandomRebalanceInstance})
 * of 200, 1,000 and 3,000 stations with the planner's effort ({@link SolverSettings#DEFAULT_EFFORT_LIMIT}) and
 * with {@value #LONGER_EFFORT}x that effort, the reference its plan is compared to. The time cap is raised to
 * {@link #TIME_CAP} for both so effort decides where each run stops; the target is a 1,000-station plan within
 * the planner function's 60 s timeout. An untimed solve of a smaller city first warms the JIT.
 */
final class RebalanceScale {
  static final List<Integer> SIZES = List.of(200, 1_000, 3_000);
  static final int LONGER_EFFORT = 5;
  /** Under the planner's 60 s Lambda timeout, leaving it room to read the stations and write the plan. */
  static final Duration TIME_CAP = Duration.ofSeconds(50);
  static final Duration TARGET = Duration.ofSeconds(60);
  static final int TARGET_STATIONS = 1_000;
  static final long SEED = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One size: the planner-effort run and the longer reference run. */
  record Scaled(int stations, long millis, double cost, int vehicles, long longerMillis, double longerCost) {
    double gapPercent() {
      return 100 * (cost - longerCost) / longerCost;
    }
  }

  private RebalanceScale() {}

  static void run(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, Set.of(), Set.of("--json"));
    List<Scaled> results = measure(SIZES, SolverSettings.DEFAULT_EFFORT_LIMIT);
    if (parsed.flag("--json")) {
      System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("seed", SEED,
          "effortLimit", SolverSettings.DEFAULT_EFFORT_LIMIT, "longerEffortFactor", LONGER_EFFORT, "sizes", results)));
    } else {
      System.out.print(report(results, SolverSettings.DEFAULT_EFFORT_LIMIT));
    }
  }

  static List<Scaled> measure(List<Integer> sizes, long effort) {
    List<Scaled> results = new ArrayList<>();
    SolverSettings planner = SolverSettings.defaults().withEffortLimit(effort).withTimeLimit(TIME_CAP);
    SolverSettings longer = planner.withEffortLimit(effort * LONGER_EFFORT).withTimeLimit(TIME_CAP.multipliedBy(LONGER_EFFORT));
    // one untimed solve first: otherwise the first size also pays for loading and compiling the solver
    RebalanceSolver.solve(RandomRebalanceInstance.generate(sizes.get(0), SEED + 1), planner);
    for (int stations : sizes) {
      RebalanceProblem problem = RandomRebalanceInstance.generate(stations, SEED);
      long started = System.nanoTime();
      RebalanceSolution plan = checked(problem, RebalanceSolver.solve(problem, planner));
      long millis = (System.nanoTime() - started) / 1_000_000;
      started = System.nanoTime();
      RebalanceSolution reference = checked(problem, RebalanceSolver.solve(problem, longer));
      long longerMillis = (System.nanoTime() - started) / 1_000_000;
      results.add(new Scaled(stations, millis, plan.cost(), plan.vehicles(), longerMillis, reference.cost()));
    }
    return results;
  }

  private static RebalanceSolution checked(RebalanceProblem problem, RebalanceSolution solution) {
    List<String> violations = Feasibility.violations(problem, solution);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("the solver returned an infeasible plan: " + violations);
    }
    return solution;
  }

  /**
   * The exponent k of planner time ~ stations^k from the smallest to the largest size. The effort limit, not the
   * size, bounds a run, so k well under 1 is expected; what grows is the setup and the price of each move.
   */
  static String growth(List<Scaled> results) {
    Scaled small = results.get(0);
    Scaled large = results.get(results.size() - 1);
    if (small == large) {
      return "growth: needs two sizes";
    }
    double exponent = Math.log((double) Math.max(1, large.millis()) / Math.max(1, small.millis()))
        / Math.log((double) large.stations() / small.stations());
    return String.format(Locale.ROOT, "growth: planner time ~ stations^%.2f from %d to %d stations (a run stops at the "
        + "effort limit or after %,d iterations without a better plan, not at a size-dependent point)", exponent,
        small.stations(), large.stations(), SolverSettings.DEFAULT_STALL_ITERATIONS);
  }

  static String report(List<Scaled> results, long effort) {
    TextTable table = new TextTable("stations", "planner ms", "cost m", "trucks", LONGER_EFFORT + "x effort ms",
        LONGER_EFFORT + "x cost m", "gap %");
    Map<Integer, Scaled> bySize = new LinkedHashMap<>();
    for (Scaled s : results) {
      bySize.put(s.stations(), s);
      table.row(s.stations(), s.millis(), String.format(Locale.ROOT, "%.0f", s.cost()), s.vehicles(), s.longerMillis(),
          String.format(Locale.ROOT, "%.0f", s.longerCost()), String.format(Locale.ROOT, "%.2f", s.gapPercent()));
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "rebalance --scale: generated cities (seed %d: "
        + "stations uniform in a %d m square, depot at the centre, demands +-1..%d bikes, trucks of %d, straight-line "
        + "metres), after one untimed warm-up solve; effort %,d (the planner's SolverSettings default is %,d) and %dx, time cap %d s%n", SEED,
        RandomRebalanceInstance.BOX_METRES, RandomRebalanceInstance.MAX_DEMAND, RandomRebalanceInstance.TRUCK_CAPACITY,
        effort, SolverSettings.DEFAULT_EFFORT_LIMIT, LONGER_EFFORT, TIME_CAP.toSeconds()));
    out.append(table.render());
    Scaled target = bySize.get(TARGET_STATIONS);
    if (target != null) {
      out.append(String.format(Locale.ROOT, "target: a %,d-station plan within %d s: %s (%d ms here; this machine is not "
          + "a 2048 MB Lambda, whose CPU share differs)%n", TARGET_STATIONS, TARGET.toSeconds(),
          target.millis() <= TARGET.toMillis() ? "met" : "missed", target.millis()));
    }
    out.append(growth(results)).append('\n');
    return out.toString();
  }
}
