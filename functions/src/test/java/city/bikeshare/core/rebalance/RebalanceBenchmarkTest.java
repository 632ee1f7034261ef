package city.bikeshare.core.rebalance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver on the fifty public instances of Dell'Amico et al. (2014): feasible plans everywhere, as
 * judged by the solver's own check and by an independent one (which must also agree on broken plans),
 * the quality target on a fixed subset, and determinism. Short effort limits keep the class fast.
 */
class RebalanceBenchmarkTest {

  /** About 60 ms per instance: enough for a good plan, short enough to sweep all fifty. */
  private static final SolverSettings QUICK = SolverSettings.defaults().withEffortLimit(2_000_000);
  /** Every sixth instance from the second on: spread over cities, sizes and capacities, not hand-picked. */
  private static final List<String> QUALITY_SUBSET = List.of(
      "2Bari20", "8Bergamo20", "14Treviso20", "20BuenosAires20",
      "26SanAntonio10", "32Roma18", "38Guadalajara11", "44Denver10");

  private static Path folder;

  @BeforeAll
  static void locateBenchmark() {
    folder = BenchmarkInstances.folder();
  }

  @Test
  void everyPlanIsFeasibleForBothChecksWhichAgreeOnCost() {
    List<String> names = BenchmarkInstances.names(folder);
    assertEquals(50, names.size());
    for (String name : names) {
      BenchmarkInstances.Raw raw = BenchmarkInstances.raw(folder, name);
      RebalanceProblem problem = BenchmarkInstances.problem(folder, name);
      RebalanceSolution solution = RebalanceSolver.solve(problem, QUICK);

      IndependentPlanChecker.Verdict verdict =
          IndependentPlanChecker.check(raw.demands(), raw.capacity(), raw.distance(), solution.routes());
      assertTrue(verdict.feasible(), name + ": " + verdict.problems());
      assertEquals(List.of(), Feasibility.violations(problem, solution), name);
      assertEquals(verdict.recomputedCost(), solution.cost(), 1e-6, name);
    }
  }

  @Test
  void bothChecksGiveTheSameVerdictOnDamagedPlans() {
    SplittableRandom random = new SplittableRandom(7);
    int rejected = 0;
    for (String name : BenchmarkInstances.names(folder)) {
      BenchmarkInstances.Raw raw = BenchmarkInstances.raw(folder, name);
      RebalanceProblem problem = BenchmarkInstances.problem(folder, name);
      RebalanceSolution solution = RebalanceSolver.solve(problem, QUICK.withEffortLimit(200_000));
      for (int trial = 0; trial < 40; trial++) {
        List<List<Integer>> damaged = damage(solution.routes(), random);
        IndependentPlanChecker.Verdict verdict =
            IndependentPlanChecker.check(raw.demands(), raw.capacity(), raw.distance(), damaged);
        RebalanceSolution claimed = new RebalanceSolution(damaged, verdict.recomputedCost());
        assertEquals(verdict.feasible(), Feasibility.isFeasible(problem, claimed),
            name + " " + damaged + ": independent says " + verdict.problems()
                + ", solver says " + Feasibility.violations(problem, claimed));
        if (!verdict.feasible()) {
          rejected++;
        }
      }
    }
    // The damage must actually produce both outcomes, or the agreement above proves little.
    assertTrue(rejected > 200, "only " + rejected + " of 2000 damaged plans were infeasible");
    assertTrue(rejected < 1900, rejected + " of 2000 damaged plans were infeasible");
  }

  @Test
  void meetsTheQualityTargetOnTheSubset() {
    Map<String, Double> bestKnown = BenchmarkInstances.bestKnown(folder);
    double gapSum = 0;
    for (String name : QUALITY_SUBSET) {
      RebalanceProblem problem = BenchmarkInstances.problem(folder, name);
      // the effort limit stops the search, so the result is the same on any machine; the wall-clock
      // target is the bench command's to measure
      RebalanceSolution solution = RebalanceSolver.solve(problem, SolverSettings.defaults().withTimeLimit(Duration.ofSeconds(60)));
      double gap = 100 * (solution.cost() - bestKnown.get(name)) / bestKnown.get(name);
      assertTrue(Feasibility.isFeasible(problem, solution), name);
      assertTrue(gap <= 5.0, name + " is " + gap + "% above the best known cost");
      gapSum += gap;
    }
    double averageGap = gapSum / QUALITY_SUBSET.size();
    assertTrue(averageGap <= 1.5, "average gap " + averageGap + "%");
  }

  @Test
  void sameSeedGivesTheSamePlan() {
    RebalanceProblem problem = BenchmarkInstances.problem(folder, "41Dublin11");
    SolverSettings settings = SolverSettings.defaults().withSeed(42).withEffortLimit(5_000_000);
    RebalanceSolution first = RebalanceSolver.solve(problem, settings);
    RebalanceSolution second = RebalanceSolver.solve(problem, settings);
    assertEquals(first.routes(), second.routes());
    assertEquals(first.cost(), second.cost());
  }

  /** One random defect or legal-looking change: a station moved, duplicated, dropped or two swapped. */
  private static List<List<Integer>> damage(List<List<Integer>> routes, SplittableRandom random) {
    List<List<Integer>> copy = new ArrayList<>();
    for (List<Integer> route : routes) {
      copy.add(new ArrayList<>(route));
    }
    List<Integer> from = copy.get(random.nextInt(copy.size()));
    List<Integer> to = copy.get(random.nextInt(copy.size()));
    switch (random.nextInt(6)) {
      case 0 -> {
        Integer moved = from.remove(random.nextInt(from.size()));
        to.add(random.nextInt(to.size() + 1), moved);
      }
      case 1 -> to.add(random.nextInt(to.size() + 1), from.get(random.nextInt(from.size())));
      case 2 -> from.remove(random.nextInt(from.size()));
      case 3 -> {
        int i = random.nextInt(from.size());
        int j = random.nextInt(to.size());
        Integer swapped = from.get(i);
        from.set(i, to.get(j));
        to.set(j, swapped);
      }
      case 4 -> copy.add(new ArrayList<>(List.of(from.remove(random.nextInt(from.size())))));
      default -> {
        if (to != from) {
          from.addAll(to);
          copy.remove(to);
        }
      }
    }
    copy.removeIf(route -> route.isEmpty() && random.nextBoolean());
    return copy;
  }
}
