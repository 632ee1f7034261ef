package city.local.bench.bikeshare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.rebalance.RebalanceProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalanceScaleTest {
  @Test
  void theGeneratorIsDeterministicForItsSeed() {
    RebalanceProblem first = RandomRebalanceInstance.generate(30, 5);
    RebalanceProblem again = RandomRebalanceInstance.generate(30, 5);
    assertArrayEquals(first.demands(), again.demands());
    for (int i = 0; i < first.vertexCount(); i++) {
      assertArrayEquals(first.cost()[i], again.cost()[i]);
    }
  }

  @Test
  void generatedStationsNeedOneToTenBikesMovedAndCostsAreSymmetric() {
    RebalanceProblem problem = RandomRebalanceInstance.generate(100, 1);
    assertEquals(101, problem.vertexCount());
    for (int i = 1; i < problem.vertexCount(); i++) {
      int size = Math.abs(problem.demand(i));
      assertTrue(size >= 1 && size <= RandomRebalanceInstance.MAX_DEMAND, "station " + i + ": " + problem.demand(i));
      for (int j = 0; j < problem.vertexCount(); j++) {
        assertEquals(problem.cost(i, j), problem.cost(j, i));
      }
    }
  }

  @Test
  void smokeRunWithTinySizesPrintsOneRowPerSize() {
    String report = RebalanceScale.report(RebalanceScale.measure(List.of(10, 30), 20_000), 20_000);
    List<String> lines = report.lines().toList();
    assertEquals(5, lines.size(), report); // title, header, two sizes, growth (no 1,000-station target line)
    assertTrue(lines.get(2).trim().startsWith("10 ") && lines.get(3).trim().startsWith("30 "), report);
  }
}
