package city.local.bench.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DispatchBenchTest {
  @Test
  void generatedUnitsAreTheSameForTheSameSeed() {
    assertEquals(DispatchBench.units(50, new Random(3)), DispatchBench.units(50, new Random(3)));
  }

  @Test
  void growthExponentOfLinearTimingsIsOne() {
    String growth = DispatchBench.growth(List.of(new DispatchBench.Timing(10, 1, 100), new DispatchBench.Timing(1000, 1, 10_000)));
    assertTrue(growth.startsWith("growth: time ~ units^1.00"), growth);
  }

  @Test
  void smokeRunWithTinySizesPrintsOneRowPerSize() {
    String report = DispatchBench.report(DispatchBench.measure(List.of(5, 20), Duration.ofMillis(20), 1), Duration.ofMillis(20));
    List<String> lines = report.lines().toList();
    assertEquals(5, lines.size(), report); // title, header, two sizes, growth
    assertTrue(lines.get(2).trim().startsWith("5 ") && lines.get(3).trim().startsWith("20 "), report);
  }
}
